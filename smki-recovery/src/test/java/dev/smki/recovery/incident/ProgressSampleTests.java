package dev.smki.recovery.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgressSampleTests {

    private static List<Integer> sampled(int limit, int items) {
        ProgressSample<Integer> sample = ProgressSample.of(limit);
        IntStream.range(0, items).forEach(sample::add);
        assertThat(sample.seen()).isEqualTo(items);
        return sample.items();
    }

    @Test
    void keepsEveryItemUpToItsLimit() {
        assertThat(sampled(8, 8)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(sampled(8, 0)).isEmpty();
    }

    @Test
    void keepsEvenlySpacedItemsAndTheLastBeyondItsLimit() {
        assertThat(sampled(8, 9)).containsExactly(0, 2, 4, 6, 8);
        assertThat(sampled(8, 20)).containsExactly(0, 4, 8, 12, 16, 19);
    }

    @Test
    void staysBoundedAndEvenlySpacedHoweverLongTheSequence() {
        List<Integer> items = sampled(512, 3_000_001);

        assertThat(items).hasSizeBetween(257, 513);
        assertThat(items.get(0)).isZero();
        assertThat(items.get(items.size() - 1)).isEqualTo(3_000_000);
        List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < items.size() - 1; i++) {
            gaps.add(items.get(i) - items.get(i - 1));
        }
        assertThat(gaps).containsOnly(gaps.get(0));
    }

    @Test
    void refusesALimitBelowTwo() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProgressSample.of(1));
    }
}
