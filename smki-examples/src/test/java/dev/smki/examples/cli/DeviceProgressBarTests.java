package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.RecoveryProgress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class DeviceProgressBarTests {

    private static final IncidentId INCIDENT = IncidentId.of("INC-7");
    private static final Instant T0 = Instant.parse("2026-03-03T23:00:00Z");

    @Test
    void followsEachSendingFromItsFirstReportToItsLastThenShowsItComplete() {
        List<String> shown = new CopyOnWriteArrayList<>();
        DeviceProgressBar bar = new DeviceProgressBar(new DelegatingProgressBarConsumer(shown::add, 150));

        bar.accept(RecoveryProgress.start(INCIDENT, "C5", T0, 200));
        bar.accept(new RecoveryProgress(INCIDENT, "C5", T0.plusSeconds(1), 200, 150, 0, 50, 0));
        bar.accept(new RecoveryProgress(INCIDENT, "C5", T0.plusSeconds(900), 200, 198, 2, 0, 2));
        String first = shown.get(shown.size() - 1);
        bar.accept(RecoveryProgress.start(INCIDENT, "R6", T0.plusSeconds(999), 10));
        bar.close();
        String second = shown.get(shown.size() - 1);

        assertThat(first).startsWith("C5 100%").contains("200/200 devices").endsWith(" 2 failed");
        assertThat(second).startsWith("R6   0%").contains("0/10 devices");
    }

    @Test
    void showsNothingWhenStandardOutputIsNotATerminal() {
        assertThat(DeviceProgressBar.isTerminal()).isFalse();
        assertThat(DeviceProgressBar.onTerminal(System.out)).isNotInstanceOf(DeviceProgressBar.class);
    }
}
