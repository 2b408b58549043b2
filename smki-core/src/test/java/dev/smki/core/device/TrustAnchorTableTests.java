package dev.smki.core.device;

import static dev.smki.core.device.TrustAnchorCellId.ACB_KA;
import static dev.smki.core.device.TrustAnchorCellId.RECOVERY;
import static dev.smki.core.device.TrustAnchorCellId.ROOT;
import static dev.smki.core.device.TrustAnchorCellId.WAN_PROVIDER_DS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.DeviceType;
import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustAnchorTableTests {

    @Test
    void everyDeviceTypeHasARowWithItsConfidenceAndSources() {
        assertThat(TrustAnchorTable.DEFAULT.rows())
                .extracting(TrustAnchorTable.Row::type)
                .containsExactly(DeviceType.values());
        assertThat(TrustAnchorTable.DEFAULT.rows())
                .allSatisfy(row -> assertThat(row.sources()).isNotEmpty());
        assertThat(TrustAnchorTable.DEFAULT.row(DeviceType.ESME).confidence()).isEqualTo(Confidence.MEMORY);
        assertThat(TrustAnchorTable.DEFAULT.row(DeviceType.PPMID).confidence()).isEqualTo(Confidence.RECONSTRUCTED);
    }

    @Test
    void theDefaultsFollowTheNotes() {
        assertThat(TrustAnchorTable.DEFAULT.cells(DeviceType.CHF))
                .containsExactly(ROOT, RECOVERY, ACB_KA, WAN_PROVIDER_DS);
        assertThat(TrustAnchorTable.DEFAULT.cells(DeviceType.ESME))
                .contains(ROOT, RECOVERY, TrustAnchorCellId.SUPPLIER_KA_TOP_UP, TrustAnchorCellId.TRANSITIONAL_COS_DS)
                .doesNotContain(WAN_PROVIDER_DS);
        assertThat(TrustAnchorTable.DEFAULT.cells(DeviceType.GSME))
                .doesNotContain(TrustAnchorCellId.LOAD_CONTROLLER_DS);
        assertThat(TrustAnchorTable.DEFAULT.cells(DeviceType.TYPE2)).isEmpty();
    }

    @Test
    void aRowCanBeReplacedWithoutChangingTheOriginal() {
        TrustAnchorTable changed = TrustAnchorTable.DEFAULT.with(
                DeviceType.PPMID, Set.of(ROOT, RECOVERY), Confidence.VERIFIED, Citation.of("GBCS", "§4"));

        assertThat(changed.cells(DeviceType.PPMID)).containsExactly(ROOT, RECOVERY);
        assertThat(changed.row(DeviceType.PPMID).sources()).containsExactly(Citation.of("GBCS", "§4"));
        assertThat(TrustAnchorTable.DEFAULT.holds(DeviceType.PPMID, ACB_KA)).isTrue();
        assertThat(changed.row(DeviceType.ESME)).isEqualTo(TrustAnchorTable.DEFAULT.row(DeviceType.ESME));
    }

    @Test
    void newDevicesHoldExactlyTheirRowsCellsFilledFromThePki() {
        DeviceSettings settings = DeviceFixtures.SETTINGS;
        for (DeviceType type : DeviceType.values()) {
            DeviceCredentials credentials = settings.initialCredentials(type);
            assertThat(credentials.cells())
                    .extracting(TrustAnchorCell::id)
                    .containsExactlyElementsOf(TrustAnchorTable.DEFAULT.cells(type));
            assertThat(credentials.floors()).isEmpty();
        }
        TrustAnchorCell root =
                settings.initialCredentials(DeviceType.ESME).cell(ROOT).orElseThrow();
        assertThat(root.subjectKeyId())
                .isEqualTo(DeviceFixtures.PKI
                        .rootOca()
                        .parsed()
                        .subjectKeyIdentifier()
                        .orElseThrow());
        assertThat(root.wrappedContingencyKey())
                .contains(DeviceFixtures.PKI.contingency().wrappedKey());
        TrustAnchorCell acb =
                settings.initialCredentials(DeviceType.CHF).cell(ACB_KA).orElseThrow();
        assertThat(acb.subjectUniqueId()).contains(DeviceFixtures.PKI.parties().of(ACB_KA.role()));
        assertThat(acb.wrappedContingencyKey()).isEmpty();
    }

    @Test
    void aTableNamingACellThePkiHasNoCertificateForIsRefused() {
        TrustAnchorTable withRecoveryKeyAgreement = TrustAnchorTable.DEFAULT.with(
                DeviceType.CHF,
                List.of(
                        ROOT,
                        TrustAnchorCellId.of(RECOVERY.role(), dev.smki.core.identity.CertificateUsage.KEY_AGREEMENT)),
                Confidence.RECONSTRUCTED,
                Citation.of("test"));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DeviceSettings.builder(DeviceFixtures.PKI.deviceProvisioning())
                                .trustAnchors(withRecoveryKeyAgreement)
                                .build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
