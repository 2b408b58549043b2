package dev.smki.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceCredentialsTests {

    private static final DeviceCredentials ESME = DeviceFixtures.SETTINGS.initialCredentials(DeviceType.ESME);

    private static TrustAnchorCell cell(TrustAnchorCellId id) {
        return ESME.cell(id).orElseThrow();
    }

    @Test
    void floorsStartAtZeroAndCannotBeNegative() {
        assertThat(ESME.floor(RemotePartyRole.SUPPLIER)).isZero();
        assertThat(ESME.withFloor(RemotePartyRole.SUPPLIER, 4).floor(RemotePartyRole.SUPPLIER))
                .isEqualTo(4);
        assertThat(ESME.withFloor(RemotePartyRole.SUPPLIER, 4).floors()).containsEntry(RemotePartyRole.SUPPLIER, 4L);
        assertThat(ESME.withFloor(RemotePartyRole.SUPPLIER, 0)).isSameAs(ESME);
        assertThatThrownBy(() -> ESME.withFloor(RemotePartyRole.SUPPLIER, -1)).hasMessageContaining("-1");
    }

    @Test
    void credentialsAreEqualWhenTheirCellsAndFloorsAre() {
        List<TrustAnchorCell> reversed = new java.util.ArrayList<>(ESME.cells());
        java.util.Collections.reverse(reversed);
        DeviceCredentials rebuilt = DeviceCredentials.of(reversed);

        assertThat(rebuilt).isEqualTo(ESME).hasSameHashCodeAs(ESME);
        assertThat(rebuilt.withFloor(RemotePartyRole.ROOT, 1)).isNotEqualTo(ESME);
        assertThat(DeviceCredentials.empty().cells()).isEmpty();
    }

    @Test
    void aCellTakesThePlaceOfTheCellWithItsId() {
        TrustAnchorCell acbInSupplierCell = DeviceFixtures.SETTINGS.cell(
                TrustAnchorCellId.SUPPLIER_KA,
                DeviceFixtures.currentCertificate(TrustAnchorCellId.ACB_KA).parsed());

        DeviceCredentials changed = ESME.withCell(acbInSupplierCell);

        assertThat(changed.cell(TrustAnchorCellId.SUPPLIER_KA)).contains(acbInSupplierCell);
        assertThat(changed.cells()).hasSameSizeAs(ESME.cells());
        assertThat(changed.holds(DeviceFixtures.currentCertificate(TrustAnchorCellId.SUPPLIER_KA)
                        .parsed()
                        .subjectKeyIdentifier()
                        .orElseThrow()))
                .isFalse();
        assertThat(ESME.holds(DeviceFixtures.currentCertificate(TrustAnchorCellId.SUPPLIER_KA)
                        .parsed()
                        .subjectKeyIdentifier()
                        .orElseThrow()))
                .isTrue();
        assertThat(ESME.withCell(cell(TrustAnchorCellId.ROOT))).isSameAs(ESME);
    }

    @Test
    void twoCellsWithOneIdAreRefused() {
        assertThatThrownBy(
                        () -> DeviceCredentials.of(List.of(cell(TrustAnchorCellId.ROOT), cell(TrustAnchorCellId.ROOT))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("root");
    }

    @Test
    void aCellIsMadeOnlyFromACertificateThatFitsIt() {
        assertThatThrownBy(() -> DeviceFixtures.SETTINGS.cell(
                        TrustAnchorCellId.SUPPLIER_DS,
                        DeviceFixtures.currentCertificate(TrustAnchorCellId.SUPPLIER_KA)
                                .parsed()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustAnchorCell.of(
                        TrustAnchorCellId.SUPPLIER_DS,
                        java.util.Optional.empty(),
                        KeyIdentifier.parse("4000000000000001"),
                        cell(TrustAnchorCellId.SUPPLIER_DS).publicKey(),
                        cell(TrustAnchorCellId.ROOT).wrappedContingencyKey()))
                .hasMessageContaining("Only the Root cell");
    }

    @Test
    void aCellNeedsASubjectKeyIdentifierOfAtLeastOneOctet() {
        assertThatThrownBy(() -> TrustAnchorCell.of(
                        TrustAnchorCellId.SUPPLIER_DS,
                        java.util.Optional.empty(),
                        KeyIdentifier.of(new byte[0]),
                        cell(TrustAnchorCellId.SUPPLIER_DS).publicKey(),
                        java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject key identifier");
    }
}
