package dev.smki.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.testing.SmkiGen;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

class Eui64Properties implements WithQuickTheories {

    @Test
    void canonicalTextReadsBackToTheSameIdentifier() {
        qt().forAll(SmkiGen.eui64s())
                .checkAssert(eui -> assertThat(Eui64.parse(eui.toString())).isEqualTo(eui));
    }

    @Test
    void compactAndLowerCaseFormsReadBackToTheSameIdentifier() {
        qt().forAll(SmkiGen.eui64s()).checkAssert(eui -> {
            assertThat(Eui64.parse(eui.toCompactString())).isEqualTo(eui);
            assertThat(Eui64.parse(eui.toString().toLowerCase(Locale.ROOT))).isEqualTo(eui);
        });
    }

    @Test
    void octetsReadBackToTheSameIdentifier() {
        qt().forAll(SmkiGen.eui64s())
                .checkAssert(eui -> assertThat(Eui64.fromOctets(eui.toOctets())).isEqualTo(eui));
    }

    @Test
    void orderingAgreesWithTheOrderOfTheCanonicalText() {
        qt().forAll(SmkiGen.eui64s(), SmkiGen.eui64s())
                .checkAssert((a, b) -> assertThat(Integer.signum(a.compareTo(b)))
                        .isEqualTo(Integer.signum(a.toString().compareTo(b.toString()))));
    }
}
