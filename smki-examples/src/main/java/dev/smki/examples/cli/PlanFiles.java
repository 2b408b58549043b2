package dev.smki.examples.cli;

import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.PlanException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reading an exercise plan given on the command line, with one-line messages. */
final class PlanFiles {

    private PlanFiles() {}

    /**
     * Returns the plan in {@code file}.
     *
     * @throws UserInputException naming the file, the line, the column and the first problem (and how many more
     *     there are) when the plan cannot be read or used
     */
    static ExercisePlan read(Path file) {
        CliFiles.requireRegular(file, CliFiles.MAX_SMALL_INPUT);
        try {
            return ExercisePlan.read(file);
        } catch (UncheckedIOException e) {
            throw CliFiles.unreadable(file, e.getCause());
        } catch (PlanException e) {
            int more = e.problems().size() - 1;
            throw new UserInputException(
                    e.problems().get(0)
                            + (more == 0
                                    ? ""
                                    : " (and " + more + " more problem" + (more == 1 ? "" : "s") + ": smki plan check "
                                            + file + ")"),
                    e);
        }
    }

    /**
     * Returns the built-in plan {@code name}.
     *
     * @throws UserInputException naming the built-in plans when there is none of that name
     */
    static ExercisePlan builtIn(String name) {
        try {
            return ExercisePlan.builtIn(name);
        } catch (PlanException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
