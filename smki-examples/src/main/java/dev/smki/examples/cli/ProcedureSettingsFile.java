package dev.smki.examples.cli;

import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.procedures.ProcedureSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.TreeSet;

/** Reading a {@link ProcedureSettings} properties file given on the command line, with one-line messages. */
final class ProcedureSettingsFile {

    private ProcedureSettingsFile() {}

    /**
     * Returns the defaults changed by the properties file {@code file}, or the defaults when it is null.
     *
     * @throws UserInputException naming the file and the problem when it cannot be read or holds an unknown
     *     or malformed setting
     */
    static ProcedureSettings load(Path file) {
        if (file == null) {
            return ProcedureSettings.defaults();
        }
        try {
            return ProcedureSettings.load(file);
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            throw CliFiles.unreadable(file, cause);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns {@code plan} changed by the properties file {@code file}: its {@code T_*} and {@code pace.*} durations
     * replace the plan's, its other settings are added to the plan's; {@code plan} itself when {@code file} is null.
     *
     * @throws UserInputException naming the file and the problem when it cannot be read or holds an unknown or
     *     malformed setting
     */
    static ExercisePlan applyTo(ExercisePlan plan, Path file) {
        if (file == null) {
            return plan;
        }
        load(file);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw CliFiles.unreadable(file, e);
        }
        ExercisePlan changed = plan;
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(name).trim();
            changed = name.startsWith("T_") || name.startsWith("pace.")
                    ? changed.withDuration(name, Duration.parse(value))
                    : changed.withSetting(name, value);
        }
        return changed;
    }
}
