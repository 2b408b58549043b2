package dev.smki.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.CellUsage;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustAnchorCellIdTests {

    @Test
    void everyKnownCellReadsBackFromItsTextForm() {
        for (TrustAnchorCellId cell : TrustAnchorCellId.KNOWN) {
            assertThat(TrustAnchorCellId.parse(cell.toString())).isEqualTo(cell);
        }
        assertThat(TrustAnchorCellId.ROOT).hasToString("root");
        assertThat(TrustAnchorCellId.SUPPLIER_KA_TOP_UP).hasToString("supplier-ka-topup");
        assertThat(TrustAnchorCellId.parse("access-control-broker-ka")).isEqualTo(TrustAnchorCellId.ACB_KA);
    }

    @Test
    void theRootCellAndOnlyTheRootCellAnchorsACertificateSigningKey() {
        assertThat(TrustAnchorCellId.ROOT.keyUsage()).isEqualTo(AnchorKeyUsage.CERTIFICATE_SIGNING);
        assertThat(TrustAnchorCellId.ROOT.keyUsage().toKeyUsage()).isEmpty();
        assertThatThrownBy(() -> new TrustAnchorCellId(
                        RemotePartyRole.ROOT, AnchorKeyUsage.DIGITAL_SIGNATURE, CellUsage.MANAGEMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROOT");
        assertThatThrownBy(() -> new TrustAnchorCellId(
                        RemotePartyRole.SUPPLIER, AnchorKeyUsage.CERTIFICATE_SIGNING, CellUsage.MANAGEMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SUPPLIER");
    }

    @Test
    void refusesTheIssuingAuthorityAndTopUpCellsOtherThanTheSuppliersKeyAgreementCell() {
        assertThatThrownBy(() ->
                        TrustAnchorCellId.of(RemotePartyRole.ISSUING_AUTHORITY, CertificateUsage.DIGITAL_SIGNATURE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustAnchorCellId(
                        RemotePartyRole.NETWORK_OPERATOR, AnchorKeyUsage.KEY_AGREEMENT, CellUsage.PREPAYMENT_TOP_UP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustAnchorCellId(
                        RemotePartyRole.SUPPLIER, AnchorKeyUsage.DIGITAL_SIGNATURE, CellUsage.PREPAYMENT_TOP_UP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustAnchorCellId.parse("supplier")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cellsOrderByRoleCodeThenKeyUsageThenCellUsage() {
        List<TrustAnchorCellId> shuffled = new ArrayList<>(TrustAnchorCellId.KNOWN);
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(TrustAnchorCellId.KNOWN);
    }

    @Test
    void anchorKeyUsagesCarryTheirKeyUsageBits() {
        assertThat(AnchorKeyUsage.ofBit(0)).isEqualTo(AnchorKeyUsage.DIGITAL_SIGNATURE);
        assertThat(AnchorKeyUsage.ofBit(4)).isEqualTo(AnchorKeyUsage.KEY_AGREEMENT);
        assertThat(AnchorKeyUsage.ofBit(5)).isEqualTo(AnchorKeyUsage.CERTIFICATE_SIGNING);
        assertThat(AnchorKeyUsage.of(CertificateUsage.KEY_AGREEMENT).toKeyUsage())
                .contains(CertificateUsage.KEY_AGREEMENT);
        assertThat(AnchorKeyUsage.parse("cert-sign")).isEqualTo(AnchorKeyUsage.CERTIFICATE_SIGNING);
        assertThatThrownBy(() -> AnchorKeyUsage.ofBit(6)).hasMessageContaining("6");
    }
}
