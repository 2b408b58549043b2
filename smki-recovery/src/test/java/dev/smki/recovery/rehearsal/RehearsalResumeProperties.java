package dev.smki.recovery.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.journal.Durability;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.plan.ExercisePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.WithQuickTheories;

/**
 * A rehearsal killed at any moment (after any move, or while writing a journal line) and resumed from its journal
 * ends with the same result, journal head included, as the same rehearsal run without interruption.
 */
class RehearsalResumeProperties implements WithQuickTheories {

    @TempDir
    Path directory;

    private final Map<String, Uninterrupted> whole = new ConcurrentHashMap<>();

    private record Uninterrupted(RehearsalResult result, byte[] journal) {}

    private static ExercisePlan parameters(String scenario) {
        return ExercisePlan.builtIn(scenario).withDevices(20).withSeed(5);
    }

    private Uninterrupted uninterrupted(String scenario) {
        return whole.computeIfAbsent(scenario, s -> {
            Path file = directory.resolve(s + ".journal");
            try (Rehearsal rehearsal = Rehearsal.start(parameters(s), Journal.file(file, Durability.UNFORCED))) {
                return new Uninterrupted(rehearsal.finish(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void endsWithTheSameResultHoweverItWasInterrupted() {
        qt().withExamples(12)
                .forAll(
                        arbitrary().pick(ExercisePlan.BUILT_IN),
                        integers().between(0, 100),
                        integers().between(0, 120))
                .checkAssert((scenario, percent, tornBytes) -> {
                    Uninterrupted expected = uninterrupted(scenario);
                    int moves = expected.result().timeline().size() * percent / 100;
                    Path file = directory.resolve(scenario + "-" + percent + "-" + tornBytes + ".journal");
                    try (Rehearsal rehearsal =
                            Rehearsal.start(parameters(scenario), Journal.file(file, Durability.UNFORCED))) {
                        for (int i = 0; i < moves; i++) {
                            rehearsal.step();
                        }
                    }
                    tearNextLine(file, expected.journal(), tornBytes);

                    try (Rehearsal resumed = Rehearsal.resume(file, Durability.UNFORCED)) {
                        assertThat(resumed.finish())
                                .as(
                                        "%s stopped after %d moves with %d bytes of the next line torn",
                                        scenario, moves, tornBytes)
                                .isEqualTo(expected.result());
                    }
                    assertThat(readAll(file)).isEqualTo(expected.journal());
                });
    }

    /** Appends up to {@code count} bytes of the line the uninterrupted journal has next, short of its newline. */
    private static void tearNextLine(Path file, byte[] complete, int count) {
        byte[] written = readAll(file);
        int end = written.length;
        while (end < complete.length && complete[end] != '\n') {
            end++;
        }
        int torn = Math.min(count, end - written.length);
        if (torn > 0) {
            try {
                Files.write(
                        file,
                        Arrays.copyOfRange(complete, written.length, written.length + torn),
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
