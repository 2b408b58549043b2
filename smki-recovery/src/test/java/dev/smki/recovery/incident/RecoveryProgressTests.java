package dev.smki.recovery.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecoveryProgressTests {

    private static final IncidentId INCIDENT = IncidentId.of("INC-9");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static RecoveryProgress report(
            long seconds, long total, long succeeded, long failed, long pending, long writtenOff) {
        return new RecoveryProgress(
                INCIDENT, "C5", T0.plusSeconds(seconds), total, succeeded, failed, pending, writtenOff);
    }

    @Test
    void aReportWhoseCountsDoNotAddUpToTheTotalIsRefusedNamingRec9() {
        assertThatThrownBy(() -> report(0, 10, 5, 2, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("REC-9: succeeded + failed + pending = total, not 5 + 2 + 2 = 10");
        assertThatThrownBy(() -> report(0, 10, 5, 2, 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 written off of 2 failed");
        assertThatThrownBy(() -> report(0, 10, -1, 2, 9, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not negative");
        assertThatThrownBy(() -> new RecoveryProgress(INCIDENT, "C 5", T0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'C 5'");
    }

    @Test
    void theIncidentMayCloseOnlyWhenNothingIsPendingAndEveryFailureIsWrittenOff() {
        assertThat(report(0, 10, 8, 2, 0, 2).isSettled()).isTrue();
        assertThat(report(0, 0, 0, 0, 0, 0).isSettled()).isTrue();
        assertThat(report(0, 10, 8, 1, 1, 1).unsettled())
                .contains("REC-8: incident INC-9 may not close: of 10 Relevant Devices sent C5, 1 pending and 0 failed"
                        + " but not written off");
        assertThatThrownBy(report(0, 10, 8, 2, 0, 1)::requireSettled)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REC-8")
                .hasMessageContaining("0 pending and 1 failed but not written off");
    }

    @Test
    void aReportFollowsAnotherOnlyWhenItIsNotEarlierAndNoCountWentBack() {
        RecoveryProgress previous = report(10, 10, 4, 2, 4, 2);

        assertThat(report(10, 10, 4, 2, 4, 2).notFollowing(previous)).isEmpty();
        assertThat(report(20, 10, 6, 3, 1, 3).notFollowing(previous)).isEmpty();
        assertThat(report(5, 10, 6, 3, 1, 3).notFollowing(previous))
                .contains("REC-9: 2026-03-01T09:00:05Z is before the previous report's 2026-03-01T09:00:10Z");
        assertThat(report(20, 10, 3, 3, 4, 3).notFollowing(previous))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("REC-9: counts went back"));
        assertThat(report(20, 11, 4, 2, 5, 2).notFollowing(previous))
                .contains("REC-9: the total changed from 10 to 11");
        assertThat(new RecoveryProgress(IncidentId.of("INC-8"), "C5", T0.plusSeconds(20), 10, 4, 2, 4, 2)
                        .notFollowing(previous))
                .contains("REC-9: INC-8 C5 follows INC-9 C5");
        assertThatThrownBy(() -> report(20, 10, 4, 1, 5, 1).requireFollows(previous))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("REC-9");
    }

    @Test
    void theStartOfASendingHasEveryDevicePending() {
        assertThat(RecoveryProgress.start(INCIDENT, "C5", T0, 7)).isEqualTo(report(0, 7, 0, 0, 7, 0));
        assertThat(RecoveryProgress.start(INCIDENT, "C5", T0, 7).toString())
                .isEqualTo("INC-9 C5 at 2026-03-01T09:00:00Z: total=7, succeeded=0, failed=0, pending=7, writtenOff=0");
    }
}
