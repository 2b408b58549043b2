package dev.smki.examples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the command line's input files, with one-line messages a person can act on. */
final class CliFiles {

    private CliFiles() {}

    /**
     * Returns the bytes of {@code file}.
     *
     * @throws UserInputException naming the file and the problem when it cannot be read
     */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Returns the exception to throw when {@code file} cannot be read, naming the file and the problem. */
    static UserInputException unreadable(Path file, IOException e) {
        return new UserInputException("cannot read " + file + ": " + describe(file, e), e);
    }

    /** Describes an I/O failure in a few words: {@code no such file}, {@code permission denied}. */
    static String describe(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
