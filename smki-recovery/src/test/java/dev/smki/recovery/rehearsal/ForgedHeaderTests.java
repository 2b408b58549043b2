package dev.smki.recovery.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.smki.recovery.journal.Durability;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.JournalVerification;
import dev.smki.recovery.plan.ExercisePlan;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgedHeaderTests {

    @TempDir
    Path directory;

    @Test
    void aHeaderWhosePlanAsksForMoreThanAPlanMayHoldIsNotResumed() throws IOException {
        Path journal = directory.resolve("r.journal");
        ExercisePlan plan = ExercisePlan.builtIn("notify-only").withDevices(20);
        try (Rehearsal rehearsal = Rehearsal.start(plan, Journal.file(journal, Durability.UNFORCED))) {
            rehearsal.step();
        }

        ForgedPlans.replacePlan(journal, plan.withDevices(999_999_999));

        assertThat(JournalVerification.of(journal).isIntact()).isTrue();
        assertThatExceptionOfType(ResumeException.class)
                .isThrownBy(() -> Rehearsal.resume(journal, Durability.UNFORCED))
                .withMessageContaining("devices is 1 to 67108864, not 999999999");
    }
}
