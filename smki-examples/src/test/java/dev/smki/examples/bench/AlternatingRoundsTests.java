package dev.smki.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlternatingRoundsTests {

    /** A workload that records every item it is given and returns the item's parity. */
    private static final class Recording implements Workload {
        final Set<Long> items = ConcurrentHashMap.newKeySet();
        final AtomicInteger repeats = new AtomicInteger();
        final AtomicInteger workers = new AtomicInteger();

        @Override
        public Worker newWorker() {
            workers.incrementAndGet();
            return item -> {
                if (!items.add(item)) {
                    repeats.incrementAndGet();
                }
                busy();
                return item % 2;
            };
        }

        private static void busy() {
            long end = System.nanoTime() + 20_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void eachSideGetsFreshItemsNumberedFromZeroAndFixedBatchesOfThem() {
        Recording baseline = new Recording();
        Recording library = new Recording();

        Measurement m =
                new AlternatingRounds(RoundPlan.of(1, 20, Optional.of(Duration.ofMillis(200)))).run(baseline, library);

        for (Recording side : List.of(baseline, library)) {
            assertThat(side.repeats.get()).isZero();
            long given = side.items.size();
            assertThat(side.items).allMatch(item -> item >= 0 && item < given);
            assertThat(given % 20).isZero();
            assertThat(side.workers.get()).isEqualTo(1);
        }
        assertThat(baseline.items).hasSameSizeAs(library.items);
        assertThat(m.batch()).isEqualTo(20);
        assertThat(m.rounds()).isBetween(3, 50);
        assertThat(m.baseline().perRound()).hasSize(m.rounds());
        assertThat(m.library().perRoundCpu()).hasSize(m.rounds());
        assertThat(m.baseline().items()).isEqualTo(20L * m.rounds());
        // A round of 20 consecutive items holds 10 odd ones, so the mean result is a half.
        assertThat(m.library().meanResult()).isEqualTo(0.5);
    }

    @Test
    void withThreadsEveryItemOfARoundIsDoneOnceByOneOfTheWorkers() {
        Recording baseline = new Recording();
        Recording library = new Recording();

        Measurement m =
                new AlternatingRounds(RoundPlan.of(3, 31, Optional.of(Duration.ofMillis(200)))).run(baseline, library);

        assertThat(m.threads()).isEqualTo(3);
        for (Recording side : List.of(baseline, library)) {
            assertThat(side.repeats.get()).isZero();
            assertThat(side.workers.get()).isEqualTo(3);
            long given = side.items.size();
            assertThat(side.items).allMatch(item -> item < given);
            assertThat(given % 31).isZero();
        }
    }

    @Test
    void anAutomaticBatchIsSizedFromTheWarmUp() {
        Measurement m = new AlternatingRounds(RoundPlan.of(1, 0, Optional.of(Duration.ofMillis(300))))
                .run(new Recording(), new Recording());

        assertThat(m.batch()).isGreaterThanOrEqualTo(1);
        assertThat(m.rounds()).isGreaterThanOrEqualTo(3);
        assertThat(m.warmUp()).isPositive();
    }

    @Test
    void aFailingWorkloadNamesItsSideAndItem() {
        Workload failing = () -> item -> {
            if (item == 3) {
                throw new IllegalArgumentException("boom");
            }
            return 0;
        };

        assertThatThrownBy(() -> new AlternatingRounds(RoundPlan.of(2, 5, Optional.of(Duration.ofMillis(100))))
                        .run(new Recording(), failing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("library")
                .hasMessageContaining("item 3")
                .hasMessageContaining("boom");
    }

    @Test
    void withoutABudgetTheWarmUpMayRunLongerThanTheBudgetAndTheMeasuringTimeKeepsAFloor() {
        RoundPlan plan = RoundPlan.of(1, 0, Optional.empty());

        assertThat(plan.budget()).isEqualTo(Duration.ofSeconds(20));
        assertThat(plan.minWarmUp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.maxWarmUp()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.measuring(Duration.ofSeconds(6))).isEqualTo(Duration.ofSeconds(14));
        assertThat(plan.measuring(Duration.ofSeconds(25))).isEqualTo(Duration.ofSeconds(8));
        RoundPlan given = RoundPlan.of(1, 0, Optional.of(Duration.ofSeconds(10)));
        assertThat(given.maxWarmUp()).isEqualTo(Duration.ofSeconds(6));
        assertThat(given.measuring(Duration.ofSeconds(6))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aPlanRefusesNonsense() {
        assertThatThrownBy(() -> RoundPlan.of(0, 1, Optional.of(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
        assertThatThrownBy(() -> RoundPlan.of(1, -1, Optional.of(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch");
        assertThatThrownBy(() -> RoundPlan.of(1, 1, Optional.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget");
    }
}
