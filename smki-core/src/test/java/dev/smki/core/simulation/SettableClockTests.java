package dev.smki.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SettableClockTests {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final SettableClock clock = SettableClock.at(START);

    @Test
    void itStandsStillUntilMoved() throws InterruptedException {
        Instant first = clock.instant();
        Thread.sleep(5);

        assertThat(clock.instant()).isEqualTo(first).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void itMovesForwardBySetOrOnToAnInstant() {
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));

        clock.advanceTo(START);
        assertThat(clock.instant()).as("an earlier instant leaves it").isEqualTo(START.plus(Duration.ofMinutes(5)));
        clock.advanceTo(START.plus(Duration.ofHours(1)));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(1)));

        clock.set(START.minus(Duration.ofDays(1)));
        assertThat(clock.instant()).as("set goes anywhere").isEqualTo(START.minus(Duration.ofDays(1)));
    }

    @Test
    void itIsNotMovedBackByANegativeDuration() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void aViewInAnotherZoneShowsTheSameMovingInstant() {
        ZoneId london = ZoneId.of("Europe/London");
        Clock view = clock.withZone(london);
        clock.advance(Duration.ofDays(150));

        assertThat(view.instant()).isEqualTo(clock.instant());
        assertThat(ZonedDateTime.now(view).getHour()).isEqualTo(10); // British Summer Time
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void anotherThreadSeesTheInstantLastSet() throws Exception {
        clock.set(START.plusSeconds(42));

        assertThat(CompletableFuture.supplyAsync(clock::instant).get()).isEqualTo(START.plusSeconds(42));
    }
}
