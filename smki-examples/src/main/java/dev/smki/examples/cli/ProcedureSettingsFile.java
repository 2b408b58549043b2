package dev.smki.examples.cli;

import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.procedures.BuiltInProcedure;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.procedures.SettingsException;
import dev.smki.recovery.workflow.StepId;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reading a {@link ProcedureSettings} properties file given on the command line, with one-line messages. */
final class ProcedureSettingsFile {

    private ProcedureSettingsFile() {}

    /**
     * Returns the defaults changed by the properties file {@code file}, or the defaults when it is null.
     *
     * @throws UserInputException naming the file and the problem when it cannot be read (or is not a regular
     *     file), or holds an unknown or malformed setting, or leaves out a step no built-in procedure has
     */
    static ProcedureSettings load(Path file) {
        if (file == null) {
            return ProcedureSettings.defaults();
        }
        CliFiles.requireRegular(file, CliFiles.MAX_SMALL_INPUT);
        ProcedureSettings settings;
        try {
            settings = ProcedureSettings.load(file);
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            throw CliFiles.unreadable(file, cause);
        } catch (SettingsException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
        Set<StepId> known = BuiltInProcedure.stepIds();
        for (StepId step : settings.omitted()) {
            if (!known.contains(step)) {
                throw new UserInputException(file + ": omit: " + step + " is not a step of any built-in procedure"
                        + " (the steps are " + known.stream().map(StepId::value).collect(Collectors.joining(", "))
                        + ")");
            }
        }
        return settings;
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
