package dev.smki.recovery.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapNeedTests {

    @Test
    void aRehearsalNeedsAFixedHeapAndAFewBytesPerDevice() {
        HeapNeed need = HeapNeed.of(30_000_000, 3L << 30);

        assertThat(need.neededBytes()).isEqualTo(HeapNeed.BASE_BYTES + 30_000_000 * HeapNeed.BYTES_PER_DEVICE);
        assertThat(need.fits()).isTrue();
        assertThat(need).hasToString("30,000,000 Devices need about 1,108 MiB of heap; this JVM may use 3,072 MiB");
        assertThat(need.maxHeapOption()).isEqualTo("-Xmx2g");
    }

    @Test
    void aFleetTooLargeForTheHeapIsRefusedSayingWhatToGive() {
        HeapNeed need = HeapNeed.of(67_108_864, 512L << 20);

        assertThat(need.fits()).isFalse();
        assertThat(need.maxHeapOption()).isEqualTo("-Xmx3g");
        assertThatThrownBy(need::requireFits)
                .isInstanceOfSatisfying(
                        HeapTooSmallException.class, e -> assertThat(e.need()).isEqualTo(need))
                .hasMessage("67,108,864 Devices need about 2,240 MiB of heap; this JVM may use 512 MiB: give the JVM"
                        + " more heap, such as -Xmx3g");
    }
}
