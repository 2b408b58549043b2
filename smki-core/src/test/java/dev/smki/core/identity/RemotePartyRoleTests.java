package dev.smki.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RemotePartyRoleTests {

    @Test
    void carriesTheGbcsCodesZeroToEightAnd127() {
        assertThat(Arrays.stream(RemotePartyRole.values()).map(RemotePartyRole::code))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 127);
    }

    @Test
    void writesItsOrganisationalUnitAsTwoUpperCaseHexDigits() {
        assertThat(RemotePartyRole.ROOT.organisationalUnit()).isEqualTo("00");
        assertThat(RemotePartyRole.ISSUING_AUTHORITY.organisationalUnit()).isEqualTo("07");
        assertThat(RemotePartyRole.OTHER.organisationalUnit()).isEqualTo("7F");
    }

    @Test
    void readsEveryRoleBackFromItsOrganisationalUnit() {
        for (RemotePartyRole role : RemotePartyRole.values()) {
            assertThat(RemotePartyRole.ofOrganisationalUnit(role.organisationalUnit()))
                    .isEqualTo(role);
            assertThat(RemotePartyRole.ofCode(role.code())).isEqualTo(role);
            assertThat(RemotePartyRole.parse(role.slug())).isEqualTo(role);
        }
    }

    @Test
    void refusesOrganisationalUnitsThatAreNotTwoUpperCaseHexDigits() {
        for (String ou : new String[] {"7f", "127", "2", "0x02", ""}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> RemotePartyRole.ofOrganisationalUnit(ou))
                    .withMessageContaining("'" + ou + "'");
        }
    }

    @Test
    void refusesCodesNoRoleHas() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RemotePartyRole.ofOrganisationalUnit("87"))
                .withMessageContaining("135");
        assertThatIllegalArgumentException().isThrownBy(() -> RemotePartyRole.ofCode(9));
    }

    @Test
    void treatsOnlyRootAndIssuingAuthorityAsCertificateAuthorities() {
        assertThat(Arrays.stream(RemotePartyRole.values()).filter(RemotePartyRole::isCertificateAuthority))
                .containsExactly(RemotePartyRole.ROOT, RemotePartyRole.ISSUING_AUTHORITY);
    }
}
