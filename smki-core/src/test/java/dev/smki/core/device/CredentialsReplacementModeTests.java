package dev.smki.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.provenance.Confidence;
import org.junit.jupiter.api.Test;

class CredentialsReplacementModeTests {

    @Test
    void theTenModesHaveValuesZeroToNineAndMessageCodes0x0100To0x0109() {
        CredentialsReplacementMode[] modes = CredentialsReplacementMode.values();
        assertThat(modes).hasSize(10);
        for (int i = 0; i < modes.length; i++) {
            assertThat(modes[i].value()).isEqualTo(i);
            assertThat(modes[i].messageCode()).isEqualTo(0x0100 + i);
            assertThat(CredentialsReplacementMode.ofValue(i)).isSameAs(modes[i]);
            assertThat(CredentialsReplacementMode.ofMessageCode(0x0100 + i)).isSameAs(modes[i]);
            assertThat(CredentialsReplacementMode.parse(modes[i].gbcsName())).isSameAs(modes[i]);
        }
        assertThat(CredentialsReplacementMode.ANY_BY_CONTINGENCY.gbcsName()).isEqualTo("anyByContingency");
        assertThat(CredentialsReplacementMode.ROOT_BY_SUPPLIER.confidence()).isEqualTo(Confidence.INFERRED);
        assertThatThrownBy(() -> CredentialsReplacementMode.ofMessageCode(0x010A))
                .hasMessageContaining("0x010A");
        assertThatThrownBy(() -> CredentialsReplacementMode.ofValue(10)).hasMessageContaining("10");
    }

    @Test
    void everyModeButContingencyIsVerifiedWithACellOfItsAuthorisingParty() {
        for (CredentialsReplacementMode mode : CredentialsReplacementMode.values()) {
            if (mode.isContingency()) {
                assertThat(mode.authorisingCell()).isEmpty();
                assertThat(mode.authorisingRole()).isEqualTo(RemotePartyRole.ROOT);
            } else {
                assertThat(mode.authorisingCell().orElseThrow().role()).isEqualTo(mode.authorisingRole());
            }
        }
    }

    @Test
    void sameRoleModesReplaceOnlyTheirRolesCellsRootModesOnlyTheRootRecoveryAndContingencyAny() {
        assertThat(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER.mayReplace(TrustAnchorCellId.SUPPLIER_KA_TOP_UP))
                .isTrue();
        assertThat(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER.mayReplace(TrustAnchorCellId.ROOT))
                .isFalse();
        assertThat(CredentialsReplacementMode.SUPPLIER_BY_TRANSITIONAL_COS.mayReplace(TrustAnchorCellId.SUPPLIER_DS))
                .isTrue();
        assertThat(CredentialsReplacementMode.SUPPLIER_BY_TRANSITIONAL_COS.mayReplace(
                        TrustAnchorCellId.TRANSITIONAL_COS_DS))
                .isFalse();
        assertThat(CredentialsReplacementMode.ROOT_BY_WAN_PROVIDER.mayReplace(TrustAnchorCellId.ROOT))
                .isTrue();
        assertThat(CredentialsReplacementMode.ROOT_BY_WAN_PROVIDER.mayReplace(TrustAnchorCellId.WAN_PROVIDER_DS))
                .isFalse();
        for (TrustAnchorCellId cell : TrustAnchorCellId.KNOWN) {
            assertThat(CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY.mayReplace(cell))
                    .isTrue();
            assertThat(CredentialsReplacementMode.ANY_BY_CONTINGENCY.mayReplace(cell))
                    .isTrue();
        }
    }
}
