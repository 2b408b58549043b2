package dev.smki.examples.cli;

import dev.smki.recovery.procedures.ProcedureSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
}
