package dev.smki.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class KeyUsageTests {

    @Test
    void readsItsAbbreviationAndNameInAnyCase() {
        assertThat(KeyUsage.parse("DS")).isEqualTo(KeyUsage.DIGITAL_SIGNATURE);
        assertThat(KeyUsage.parse("ka")).isEqualTo(KeyUsage.KEY_AGREEMENT);
        assertThat(KeyUsage.parse("key_agreement")).isEqualTo(KeyUsage.KEY_AGREEMENT);
    }

    @Test
    void refusesOtherKeyUsagesNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyUsage.parse("nonRepudiation"))
                .withMessageContaining("nonRepudiation");
    }

    @Test
    void cellUsagesCarryTheirGbcsValues() {
        assertThat(CellUsage.ofCode(0)).isEqualTo(CellUsage.MANAGEMENT);
        assertThat(CellUsage.ofCode(1)).isEqualTo(CellUsage.PREPAYMENT_TOP_UP);
        assertThatIllegalArgumentException().isThrownBy(() -> CellUsage.ofCode(2));
    }
}
