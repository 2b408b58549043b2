package dev.smki.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CertificateUsageTests {

    @Test
    void readsItsAbbreviationAndNameInAnyCase() {
        assertThat(CertificateUsage.parse("DS")).isEqualTo(CertificateUsage.DIGITAL_SIGNATURE);
        assertThat(CertificateUsage.parse("ka")).isEqualTo(CertificateUsage.KEY_AGREEMENT);
        assertThat(CertificateUsage.parse("key_agreement")).isEqualTo(CertificateUsage.KEY_AGREEMENT);
    }

    @Test
    void refusesOtherKeyUsagesNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CertificateUsage.parse("nonRepudiation"))
                .withMessageContaining("nonRepudiation");
    }

    @Test
    void cellUsagesCarryTheirGbcsValues() {
        assertThat(CellUsage.ofCode(0)).isEqualTo(CellUsage.MANAGEMENT);
        assertThat(CellUsage.ofCode(1)).isEqualTo(CellUsage.PREPAYMENT_TOP_UP);
        assertThatIllegalArgumentException().isThrownBy(() -> CellUsage.ofCode(2));
    }
}
