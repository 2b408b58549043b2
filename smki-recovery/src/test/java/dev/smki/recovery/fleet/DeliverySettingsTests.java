package dev.smki.recovery.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTests {

    @Test
    void eachRetryWaitsTheBackOffFactorTimesLongerThanTheOneBefore() {
        DeliverySettings settings = DeliverySettings.defaults().withBackoff(Duration.ofMinutes(15), 2);

        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.retryDelay(5)).isEqualTo(Duration.ofHours(2));
        assertThat(settings.withBackoff(Duration.ofHours(1), 1).retryDelay(9)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.withBackoff(Duration.ofDays(1), 10).retryDelay(100))
                .isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        assertThatThrownBy(() -> settings.retryDelay(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Only attempts from 2 on are retries, not 1");
    }

    @Test
    void theAutomaticBatchIsAHundredthOfTheDevicesFromOneTo1024() {
        DeliverySettings automatic = DeliverySettings.defaults();

        assertThat(automatic.batchSizeFor(0)).isEqualTo(1);
        assertThat(automatic.batchSizeFor(50)).isEqualTo(1);
        assertThat(automatic.batchSizeFor(1_000)).isEqualTo(10);
        assertThat(automatic.batchSizeFor(1_001)).isEqualTo(11);
        assertThat(automatic.batchSizeFor(1_000_000)).isEqualTo(1024);
        assertThat(automatic.withBatchSize(7).batchSizeFor(1_000_000)).isEqualTo(7);
    }

    @Test
    void theDefaultsAreFourAttemptsAHundredCommandsASecondAndEveryProcessor() {
        DeliverySettings defaults = DeliverySettings.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(4);
        assertThat(defaults.commandsPerSecond()).isEqualTo(100);
        assertThat(defaults.turnaround()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.failures().isNone()).isTrue();
        assertThat(defaults.withSeed(5).withThreads(3).withPace(20, Duration.ofSeconds(5)))
                .isEqualTo(new DeliverySettings(
                        5, FailureInjection.none(), 4, Duration.ofMinutes(15), 2, 20, Duration.ofSeconds(5), 3, 0));
    }

    @Test
    void badValuesAreRefusedNamingThem() {
        DeliverySettings defaults = DeliverySettings.defaults();

        assertThatThrownBy(() -> defaults.withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Attempts are 1 to 100, not 0");
        assertThatThrownBy(() -> defaults.withMaxAttempts(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withBackoff(Duration.ofSeconds(-1), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> defaults.withBackoff(Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 0");
        assertThatThrownBy(() -> defaults.withPace(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 0");
        assertThatThrownBy(() -> defaults.withThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withBatchSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withFailures(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("failures");
    }
}
