package dev.smki.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTests {

    @Test
    void theMedianIsTheMiddleRateOrTheMeanOfTheMiddleTwo() {
        Throughput odd = new Throughput(List.of(5.0, 1.0, 3.0), List.of(2.0, 4.0, 6.0), 30, 60);
        Throughput even = new Throughput(List.of(4.0, 1.0, 2.0, 8.0), List.of(1.0, 1.0, 1.0, 1.0), 40, 0);

        assertThat(odd.median()).isEqualTo(3.0);
        assertThat(odd.medianCpu()).isEqualTo(4.0);
        assertThat(odd.min()).isEqualTo(1.0);
        assertThat(odd.max()).isEqualTo(5.0);
        assertThat(odd.meanResult()).isEqualTo(2.0);
        assertThat(even.median()).isEqualTo(3.0);
    }

    @Test
    void theRatioIsTheLibraryMedianOverTheBaselineMedian() {
        Throughput baseline = new Throughput(List.of(100.0, 200.0, 300.0), List.of(400.0, 400.0, 400.0), 3, 0);
        Throughput library = new Throughput(List.of(150.0, 50.0, 180.0), List.of(100.0, 300.0, 200.0), 3, 0);
        Measurement m = new Measurement(1, 1, 3, Duration.ZERO, true, Duration.ZERO, baseline, library);

        assertThat(m.ratio()).isEqualTo(0.75);
        assertThat(m.cpuRatio()).isEqualTo(0.5);
    }

    @Test
    void ratesArePositiveAndComeInPairs() {
        assertThatThrownBy(() -> new Throughput(List.of(), List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Throughput(List.of(1.0), List.of(1.0, 2.0), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Throughput(List.of(0.0), List.of(1.0), 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> new Throughput(List.of(1.0), List.of(Double.NaN), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTargetPassesOnlyOnItsSideOfTheThreshold() {
        assertThat(Target.atLeast("ratio", 0.9, 0.9).verdict()).isEqualTo("PASS");
        assertThat(Target.atLeast("ratio", 0.9, 0.89).verdict()).isEqualTo("MISS");
        assertThat(Target.atMost("heapBytesPerDevice", 256, 255.5).verdict()).isEqualTo("PASS");
        assertThat(Target.atMost("heapBytesPerDevice", 256, 300).isMet()).isFalse();
        assertThat(Target.atMost("heapBytesPerDevice", 256, 1)
                        .withNote("at 1,000,000")
                        .note())
                .isEqualTo("at 1,000,000");
    }
}
