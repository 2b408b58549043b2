package dev.smki.recovery.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.workflow.RandomProcedures;
import dev.smki.recovery.workflow.RandomProcedures.Gate;
import dev.smki.recovery.workflow.RandomProcedures.Model;
import dev.smki.recovery.workflow.RandomProcedures.Move;
import dev.smki.recovery.workflow.RandomProcedures.Scenario;
import dev.smki.recovery.workflow.Samples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

class JournalProperties implements WithQuickTheories {

    /** A scenario played out: its journal's bytes and the run's entries. */
    private record Played(byte[] journal, List<JournalEntry> entries) {}

    private static Played play(Scenario scenario) {
        Gate gate = new Gate();
        SettableClock clock = SettableClock.at(Samples.START);
        Journal journal = Journal.inMemory();
        try (ProcedureRun<Object> run = ProcedureRun.start(scenario.spec().procedure(), journal, clock, gate)) {
            for (List<Move> batch : scenario.batches()) {
                if (batch.get(0).flipGate()) {
                    gate.open = !gate.open;
                }
                clock.advance(Duration.ofMinutes(batch.get(0).minutes()));
                run.attemptAll(batch.stream()
                        .map(move -> move.attempt(scenario.spec()))
                        .toList());
            }
            return new Played(journal.contents(), run.entries());
        }
    }

    /** Returns the offsets at which each line starts, and one past the end. */
    private static List<Integer> lineStarts(byte[] journal) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < journal.length; i++) {
            if (journal[i] == '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    @Test
    void verifiesAnUntouchedJournalAsIntactWithTheRunsEntries() {
        qt().withExamples(300).forAll(RandomProcedures.scenarios(8, 30)).checkAssert(scenario -> {
            Played played = play(scenario);

            JournalVerification verification = JournalVerification.of(played.journal());

            assertThat(verification.isIntact()).isTrue();
            assertThat(verification.tornTail()).isEmpty();
            assertThat(verification.entries()).isEqualTo(played.entries());
            assertThat(verification.lines()).isEqualTo(played.entries().size() + 1);
        });
    }

    @Test
    void detectsAnySingleByteChangeToAnyLineAtThatLine() {
        qt().withExamples(2_000)
                .forAll(
                        RandomProcedures.scenarios(8, 20),
                        integers().between(0, Integer.MAX_VALUE),
                        integers().between(0, Integer.MAX_VALUE),
                        integers().between(1, 255))
                .checkAssert((scenario, lineChoice, offsetChoice, delta) -> {
                    byte[] journal = play(scenario).journal();
                    List<Integer> starts = lineStarts(journal);
                    int line = lineChoice % (starts.size() - 1); // 0-based; every line ends with a newline
                    int start = starts.get(line);
                    int length = starts.get(line + 1) - start; // the newline included
                    int offset = start + offsetChoice % length;
                    byte[] changed = journal.clone();
                    changed[offset] = (byte) (changed[offset] + delta);

                    JournalVerification verification = JournalVerification.of(changed);

                    assertThat(verification.firstBreak())
                            .as("byte %d of line %d changed by %d", offset - start, line + 1, delta)
                            .hasValueSatisfying(
                                    broken -> assertThat(broken.line()).isEqualTo(line + 1));
                });
    }

    @Test
    void cuttingAJournalAnywhereLeavesAPrefixThatResumesToTheStateOfItsCompleteLines() {
        qt().withExamples(500)
                .forAll(RandomProcedures.scenarios(8, 20), integers().between(0, Integer.MAX_VALUE))
                .checkAssert((scenario, cutChoice) -> {
                    Played played = play(scenario);
                    int cut = cutChoice % (played.journal().length + 1);
                    byte[] prefix = Arrays.copyOf(played.journal(), cut);
                    List<Integer> starts = lineStarts(played.journal());
                    int completeLines =
                            (int) starts.stream().filter(s -> s > 0 && s <= cut).count();
                    int kept = Math.max(0, completeLines - 1);

                    JournalVerification verification = JournalVerification.of(prefix);

                    assertThat(verification.isIntact()).isTrue();
                    assertThat(verification.tornTail().isPresent()).isEqualTo(!starts.contains(cut));
                    assertThat(verification.entries())
                            .isEqualTo(played.entries().subList(0, kept));
                    try (ProcedureRun<Object> resumed = ProcedureRun.resume(
                            scenario.spec().procedure(),
                            Journal.inMemory(prefix),
                            SettableClock.at(Samples.START),
                            new Gate())) {
                        assertThat(resumed.entries()).isEqualTo(played.entries().subList(0, kept));
                        assertThat(Model.State.of(resumed.state(), scenario.spec()))
                                .isEqualTo(modelAfter(scenario, kept).state());
                    }
                });
    }

    /** Returns the reference model after the first {@code count} moves of {@code scenario}. */
    private static Model modelAfter(Scenario scenario, int count) {
        Model model = new Model(scenario.spec());
        boolean open = false;
        int done = 0;
        for (List<Move> batch : scenario.batches()) {
            if (batch.get(0).flipGate()) {
                open = !open;
            }
            for (Move move : batch) {
                if (done++ == count) {
                    return model;
                }
                model.apply(move, open);
            }
        }
        return model;
    }
}
