package dev.smki.recovery.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.journal.Durability;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.JournalVerification;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.PlanProcedures;
import dev.smki.recovery.procedures.Actors;
import dev.smki.recovery.procedures.Decide;
import dev.smki.recovery.procedures.FleetState;
import dev.smki.recovery.procedures.IncidentClock;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.workflow.PayloadSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearsalResumeTests {

    private static final ExercisePlan CONTINGENCY = ExercisePlan.builtIn("contingency")
            .withDevices(20)
            .withSeed(3)
            .withDuration("T_confirm", Duration.ofHours(3));

    @TempDir
    Path directory;

    private RehearsalResult uninterrupted(ExercisePlan parameters) {
        try (Rehearsal rehearsal =
                Rehearsal.start(parameters, Journal.file(directory.resolve("whole.journal"), Durability.UNFORCED))) {
            return rehearsal.finish();
        }
    }

    private Path interrupted(ExercisePlan parameters, int moves) {
        Path file = directory.resolve("stopped-" + moves + ".journal");
        try (Rehearsal rehearsal = Rehearsal.start(parameters, Journal.file(file, Durability.UNFORCED))) {
            for (int i = 0; i < moves; i++) {
                rehearsal.step();
            }
        }
        return file;
    }

    @Test
    void endsWithTheSameResultWhenStoppedAfterAnyMoveAndResumedFromItsJournal() {
        RehearsalResult whole = uninterrupted(CONTINGENCY);
        int planned = whole.timeline().size();

        for (int moves : List.of(0, 16, 18, planned - 1)) {
            try (Rehearsal resumed = Rehearsal.resume(interrupted(CONTINGENCY, moves), Durability.UNFORCED)) {
                assertThat(resumed.movesMade()).isEqualTo(moves);
                assertThat(resumed.plan()).isEqualTo(CONTINGENCY);
                assertThat(resumed.finish()).as("stopped after %d moves", moves).isEqualTo(whole);
            }
        }
    }

    @Test
    void tellsTheListenerTheProgressOfTheDeviceUpdatesItReplaysAndThoseItMakes() {
        List<RecoveryProgress> wholeReports = new ArrayList<>();
        RehearsalResult whole;
        try (Rehearsal rehearsal =
                Rehearsal.start(CONTINGENCY, Journal.file(directory.resolve("heard.journal"), Durability.UNFORCED))) {
            whole = rehearsal.onProgress(wholeReports::add).finish();
        }
        int sent = 0;
        while (!whole.timeline().get(sent).step().value().equals("C5")) {
            sent++;
        }

        for (int moves : List.of(sent, sent + 1)) {
            List<RecoveryProgress> heard = new ArrayList<>();
            try (Rehearsal resumed =
                    Rehearsal.resume(interrupted(CONTINGENCY, moves), Durability.UNFORCED, heard::add)) {
                assertThat(heard).as("replayed after %d moves", moves).hasSize(moves > sent ? wholeReports.size() : 0);
                assertThat(resumed.finish()).isEqualTo(whole);
            }
            assertThat(heard).as("after %d moves", moves).isEqualTo(wholeReports);
        }
    }

    @Test
    void dropsALineTornByACrashAndEndsWithTheSameResult() throws IOException {
        ExercisePlan parameters = ExercisePlan.builtIn("recovery-key").withDevices(30);
        RehearsalResult whole = uninterrupted(parameters);
        Path file = interrupted(parameters, 12);
        Files.write(
                file, "{\"seq\":13,\"time\":\"2026-03".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);

        assertThat(JournalVerification.of(file).tornTail()).isPresent();
        try (Rehearsal resumed = Rehearsal.resume(file)) {
            assertThat(resumed.finish()).isEqualTo(whole);
        }
        assertThat(JournalVerification.of(file).tornTail()).isEmpty();
    }

    @Test
    void recordsThePlanInTheJournalHeader() throws IOException {
        Path file = interrupted(CONTINGENCY, 1);

        PayloadSummary note =
                JournalVerification.of(file).header().orElseThrow().note();
        assertThat(note.asMap())
                .containsEntry("rehearsal", "contingency")
                .containsEntry("seed", "3")
                .containsKey("plan.sha256")
                .containsKey("plan.00");
        assertThat(PlanJournal.plan(note.asMap())).isEqualTo(CONTINGENCY);
        assertThat(PlanJournal.plan(note.asMap()).durations()).containsEntry("T_confirm", Duration.ofHours(3));
    }

    @Test
    void refusesAJournalThatIsBrokenHasNoParametersOrDiffersFromTheScript() throws IOException {
        Path edited = interrupted(CONTINGENCY, 5);
        List<String> lines = Files.readAllLines(edited, StandardCharsets.US_ASCII);
        lines.set(3, lines.get(3).replace("\"DCC\"", "\"PARTY\""));
        Files.write(edited, lines, StandardCharsets.US_ASCII);
        assertThatExceptionOfType(ResumeException.class)
                .isThrownBy(() -> Rehearsal.resume(edited))
                .withMessageContaining("is broken at line 4");

        Path plain = directory.resolve("plain.journal");
        try (ProcedureRun<IncidentState> run = ProcedureRun.start(
                PlanProcedures.procedure(CONTINGENCY), Journal.file(plain), new IncidentClock(CONTINGENCY.start()))) {
            run.attempt(dev.smki.recovery.procedures.Notify.DETECTED, Actors.DCC);
        }
        assertThatExceptionOfType(ResumeException.class)
                .isThrownBy(() -> Rehearsal.resume(plain))
                .withMessageContaining("records no exercise plan");

        Path other = directory.resolve("other.journal");
        IncidentState world = IncidentState.create(PlanSetup.of(CONTINGENCY));
        try (ProcedureRun<IncidentState> run = ProcedureRun.start(
                PlanProcedures.procedure(CONTINGENCY),
                Journal.file(other),
                world.clock(),
                world,
                PlanJournal.note(CONTINGENCY))) {
            run.attempt(Decide.RECEIVED, Actors.SMKI_PMA);
        }
        assertThatExceptionOfType(ResumeException.class)
                .isThrownBy(() -> Rehearsal.resume(other))
                .withMessageContaining("Journal line 2 (D1 by SMKI_PMA")
                .withMessageContaining("is not the rehearsal's move 1 (N1 by DCC");
    }

    @Test
    void aRehearsalKilledWhileSendingCommandsGoesOnFromItsRecoveryProgressFileAndEndsAsIfNeverStopped()
            throws IOException {
        ExercisePlan plan = ExercisePlan.builtIn("contingency")
                .withDevices(1_500)
                .withSeed(4)
                .withFailures(0.01, 0.1, 3);
        Path wholeJournal = directory.resolve("whole-with-files.journal");
        RehearsalResult whole;
        try (Rehearsal rehearsal = Rehearsal.start(
                plan, Journal.file(wholeJournal, Durability.UNFORCED), ProgressFiles.beside(wholeJournal))) {
            whole = rehearsal.finish();
            assertThat(rehearsal.restored())
                    .singleElement()
                    .satisfies(s -> assertThat(s.restoredAttempts()).isZero());
        }
        Path wholeProgress = ProgressFiles.path(wholeJournal, "C5", 1);
        int sent = 0;
        while (!whole.timeline().get(sent).step().value().equals("C5")) {
            sent++;
        }
        List<String> journalLines = Files.readAllLines(wholeJournal, StandardCharsets.US_ASCII);
        List<String> progressLines = Files.readAllLines(wholeProgress, StandardCharsets.US_ASCII);

        for (int kept : List.of(1, progressLines.size() / 3, progressLines.size() - 1)) {
            // As the files stood when the process was killed while C5 sent its commands: the journal up to C5, the
            // progress file's header and first reports, the next report torn.
            Path killed = directory.resolve("killed-" + kept + ".journal");
            Files.writeString(
                    killed, String.join("\n", journalLines.subList(0, sent + 2)) + "\n", StandardCharsets.US_ASCII);
            Files.writeString(
                    ProgressFiles.path(killed, "C5", 1),
                    String.join("\n", progressLines.subList(0, kept)) + "\n"
                            + progressLines.get(kept).substring(0, 20),
                    StandardCharsets.US_ASCII);

            try (Rehearsal resumed = Rehearsal.resume(
                    killed,
                    Journal.file(killed, Durability.UNFORCED),
                    report -> {},
                    ProgressFiles.continuing(killed))) {
                assertThat(resumed.finish()).as("%d lines kept", kept).isEqualTo(whole);
                FleetState.Restored restored = resumed.restored().get(0);
                assertThat(restored.restoredAttempts() > 0)
                        .as("%d lines kept", kept)
                        .isEqualTo(kept > 2);
                assertThat(restored.madeAttempts())
                        .as("%d lines kept", kept)
                        .isLessThan(kept > 2 ? whole.devices().relevant() : Long.MAX_VALUE);
            }
            assertThat(Files.readAllBytes(killed)).isEqualTo(Files.readAllBytes(wholeJournal));
            assertThat(Files.readAllBytes(ProgressFiles.path(killed, "C5", 1)))
                    .isEqualTo(Files.readAllBytes(wholeProgress));
        }
    }
}
