package dev.smki.recovery.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.SimulatedEui64s;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureInjectionTests {

    private static final int DEVICES = 100_000;

    private static Map<InjectedFailure, Integer> tally(FailureInjection failures, long seed, int attempt) {
        Map<InjectedFailure, Integer> counts = new EnumMap<>(InjectedFailure.class);
        for (int i = 0; i < DEVICES; i++) {
            counts.merge(failures.draw(seed, SimulatedEui64s.device(i), attempt), 1, Integer::sum);
        }
        return counts;
    }

    private static double share(Map<InjectedFailure, Integer> counts, InjectedFailure failure) {
        return counts.getOrDefault(failure, 0) / (double) DEVICES;
    }

    @Test
    void noFailureIsEverInjectedByNone() {
        assertThat(tally(FailureInjection.none(), 1, 1)).containsOnlyKeys(InjectedFailure.NONE);
        assertThat(FailureInjection.none().isNone()).isTrue();
        assertThat(FailureInjection.none()).hasToString("no failures");
    }

    @Test
    void failuresComeAtTheirRatesOverManyDevices() {
        FailureInjection failures = FailureInjection.none()
                .withDecommissioned(0.01)
                .withUncontactableDevices(0.02)
                .withUncontactable(0.1)
                .withBusy(0.05);

        Map<InjectedFailure, Integer> counts = tally(failures, 42, 1);

        assertThat(share(counts, InjectedFailure.DECOMMISSIONED)).isCloseTo(0.01, within(0.002));
        // never-answering Devices plus a tenth of the others time out
        assertThat(share(counts, InjectedFailure.UNCONTACTABLE)).isCloseTo(0.02 + 0.97 * 0.1, within(0.004));
        assertThat(share(counts, InjectedFailure.BUSY)).isCloseTo(0.97 * 0.98 * 0.05, within(0.003));
    }

    @Test
    void deviceFailuresRepeatAtEveryAttemptWhileAttemptFailuresAreDrawnAfresh() {
        FailureInjection silent = FailureInjection.none().withUncontactableDevices(0.05);
        FailureInjection busy = FailureInjection.none().withBusy(0.2);
        int silentBoth = 0;
        int busyFirst = 0;
        int busyBoth = 0;
        for (int i = 0; i < DEVICES; i++) {
            Eui64 device = SimulatedEui64s.device(i);
            if (silent.draw(9, device, 1) == InjectedFailure.UNCONTACTABLE) {
                assertThat(silent.draw(9, device, 2)).isEqualTo(InjectedFailure.UNCONTACTABLE);
                assertThat(silent.draw(9, device, 7)).isEqualTo(InjectedFailure.UNCONTACTABLE);
                silentBoth++;
            }
            if (busy.draw(9, device, 1) == InjectedFailure.BUSY) {
                busyFirst++;
                if (busy.draw(9, device, 2) == InjectedFailure.BUSY) {
                    busyBoth++;
                }
            }
        }
        assertThat(silentBoth / (double) DEVICES).isCloseTo(0.05, within(0.005));
        assertThat(busyBoth / (double) busyFirst).as("busy again at attempt 2").isCloseTo(0.2, within(0.02));
    }

    @Test
    void anotherSeedInjectsFailuresIntoOtherDevices() {
        FailureInjection failures = FailureInjection.none().withBusy(0.5);
        int same = 0;
        for (int i = 0; i < DEVICES; i++) {
            Eui64 device = SimulatedEui64s.device(i);
            if (failures.draw(1, device, 1) == failures.draw(2, device, 1)) {
                same++;
            }
        }
        assertThat(same / (double) DEVICES).isCloseTo(0.5, within(0.01));
    }

    @Test
    void sharesOutsideZeroToOneAndAttemptsBelowOneAreRefused() {
        assertThatThrownBy(() -> FailureInjection.none().withBusy(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A failure busy is between 0 and 1, not 1.5");
        assertThatThrownBy(() -> FailureInjection.none().withDecommissioned(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decommissioned");
        assertThatThrownBy(() -> FailureInjection.none().withBusy(0.6).withUncontactable(0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uncontactable 0.5 + busy 0.6 > 1");
        assertThatThrownBy(() -> FailureInjection.none().draw(1, SimulatedEui64s.device(0), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Attempts count from 1, not 0");
        assertThat(FailureInjection.none().withUncontactable(0.1).withBusy(0.02))
                .hasToString("uncontactable per attempt 0.1, busy per attempt 0.02");
    }
}
