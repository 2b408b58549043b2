package dev.smki.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class Eui64RangeTests {

    private static final Eui64 A = Eui64.parse("90-B3-D5-1F-30-01-00-00");
    private static final Eui64 B = Eui64.parse("90-B3-D5-1F-30-01-FF-FF");

    @Test
    void includesBothEnds() {
        Eui64Range range = Eui64Range.of(A, B);
        assertThat(range.contains(A)).isTrue();
        assertThat(range.contains(B)).isTrue();
        assertThat(range.contains(B.plus(1))).isFalse();
        assertThat(range.size()).isEqualTo(BigInteger.valueOf(0x10000));
    }

    @Test
    void refusesAStartAfterItsEndNamingBoth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Eui64Range.of(B, A))
                .withMessageContaining(B.toString())
                .withMessageContaining(A.toString());
    }

    @Test
    void countsTheWholeIdentifierSpace() {
        assertThat(Eui64Range.of(Eui64.MIN, Eui64.MAX).size()).isEqualTo(BigInteger.ONE.shiftLeft(64));
    }

    @Test
    void usesTheUnsignedOrderAcrossTheSignBoundary() {
        Eui64Range range = Eui64Range.parse("7F-FF-FF-FF-FF-FF-FF-FE..80-00-00-00-00-00-00-01");
        assertThat(range.size()).isEqualTo(BigInteger.valueOf(4));
        assertThat(range.contains(Eui64.parse("80-00-00-00-00-00-00-00"))).isTrue();
        assertThat(range.contains(Eui64.MIN)).isFalse();
    }

    @Test
    void findsTheContiguousRunOfAnUnorderedSetWithDuplicates() {
        List<Eui64> ids = List.of(A.plus(2), A, A.plus(1), A.plus(2));
        assertThat(Eui64Range.ofContiguous(ids)).contains(Eui64Range.of(A, A.plus(2)));
        assertThat(Eui64Range.ofContiguous(List.of(A, A.plus(2)))).isEmpty();
        assertThat(Eui64Range.ofContiguous(List.of())).isEmpty();
    }

    @Test
    void refusesRangeTextWithoutTheTwoDots() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Eui64Range.parse(A.toString()))
                .withMessageContaining("FIRST..LAST");
    }
}
