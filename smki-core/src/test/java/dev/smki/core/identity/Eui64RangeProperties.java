package dev.smki.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.testing.SmkiGen;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

class Eui64RangeProperties implements WithQuickTheories {

    private static final long BASE = 0x90B3D51F30010000L;
    private static final int WINDOW = 40;

    @Test
    void overlapAgreesWithABruteForceSearchForACommonIdentifier() {
        qt().forAll(SmkiGen.eui64RangesNear(BASE, WINDOW), SmkiGen.eui64RangesNear(BASE, WINDOW))
                .checkAssert((a, b) -> {
                    boolean shared = members(a).anyMatch(v -> b.contains(Eui64.of(v)));
                    assertThat(a.overlaps(b)).isEqualTo(shared);
                    assertThat(b.overlaps(a)).isEqualTo(shared);
                    assertThat(a.intersection(b).isPresent()).isEqualTo(shared);
                });
    }

    @Test
    void intersectionHoldsExactlyTheIdentifiersBothRangesHold() {
        qt().forAll(SmkiGen.eui64RangesNear(BASE, WINDOW), SmkiGen.eui64RangesNear(BASE, WINDOW))
                .checkAssert((a, b) -> {
                    List<Long> both = members(a)
                            .filter(v -> b.contains(Eui64.of(v)))
                            .boxed()
                            .toList();
                    Optional<Eui64Range> intersection = a.intersection(b);
                    List<Long> actual =
                            intersection.map(r -> members(r).boxed().toList()).orElse(List.of());
                    assertThat(actual).isEqualTo(both);
                });
    }

    @Test
    void contiguityAgreesWithABruteForceCheckForGaps() {
        qt().forAll(lists().of(SmkiGen.eui64sNear(BASE, 12)).ofSizeBetween(0, 12))
                .checkAssert(ids -> {
                    List<Long> distinct = ids.stream()
                            .map(Eui64::value)
                            .distinct()
                            .sorted(Long::compareUnsigned)
                            .toList();
                    boolean gapFree = !distinct.isEmpty();
                    for (int i = 1; i < distinct.size(); i++) {
                        gapFree &= distinct.get(i) - distinct.get(i - 1) == 1;
                    }
                    Optional<Eui64Range> range = Eui64Range.ofContiguous(ids);
                    assertThat(range.isPresent()).isEqualTo(gapFree);
                    range.ifPresent(r -> assertThat(members(r).boxed().toList()).isEqualTo(distinct));
                });
    }

    @Test
    void sizeCountsTheMembersAndContainsAgreesWithTheEnds() {
        qt().forAll(SmkiGen.eui64RangesNear(BASE, WINDOW), SmkiGen.eui64sNear(BASE - 2, WINDOW + 4))
                .checkAssert((range, probe) -> {
                    assertThat(range.size().longValueExact())
                            .isEqualTo(members(range).count());
                    assertThat(range.contains(probe)).isEqualTo(members(range).anyMatch(v -> v == probe.value()));
                });
    }

    @Test
    void textFormReadsBackToTheSameRange() {
        qt().forAll(SmkiGen.eui64s(), SmkiGen.eui64s()).checkAssert((a, b) -> {
            Eui64Range range = a.compareTo(b) <= 0 ? Eui64Range.of(a, b) : Eui64Range.of(b, a);
            assertThat(Eui64Range.parse(range.toString())).isEqualTo(range);
        });
    }

    private static LongStream members(Eui64Range range) {
        return LongStream.rangeClosed(range.first().value(), range.last().value());
    }
}
