package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.Confidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevocationPolicyTests {

    private final RevocationPolicy defaults = RevocationPolicy.defaults();

    @Test
    void theDefaultsAreTheReconstructionOfTheResearchNotes() {
        assertThat(defaults.requesters(ProfileKind.ORGANISATION))
                .containsExactlyInAnyOrder(
                        RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER, RequesterKind.DCC, RequesterKind.SMKI_PMA);
        assertThat(defaults.requesters(ProfileKind.ISSUING_OCA))
                .containsExactlyInAnyOrder(RequesterKind.DCC, RequesterKind.SMKI_PMA);
        assertThat(defaults.requesters(ProfileKind.ROOT_OCA)).isEmpty();
        assertThat(defaults.requestersConfidence()).isEqualTo(Confidence.RECONSTRUCTED);
        assertThat(defaults.deviceCertificatesRevocable()).isFalse();
        assertThat(defaults.deviceConfidence()).isEqualTo(Confidence.MEMORY);
        assertThat(defaults.crlReason(RevocationReason.KEY_COMPROMISE)).isEqualTo(CrlReason.KEY_COMPROMISE);
        assertThat(defaults.certificateReasonOf(CrlReason.SUPERSEDED)).hasValue(RevocationReason.SUPERSEDED);
        assertThat(defaults.certificateReasonOf(CrlReason.AA_COMPROMISE)).isEmpty();
        assertThat(defaults.raRequesters()).contains(RequesterKind.SMKI_PMA_MEMBER);
        assertThat(defaults.holderMayRequest()).isTrue();
        assertThat(defaults.nextUpdateInterval()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void thePropertiesFormReadsBackToAnEqualPolicy(@TempDir Path dir) throws IOException {
        RevocationPolicy changed = defaults.withRequesters(ProfileKind.ORGANISATION, Set.of(RequesterKind.DCC))
                .withRequestersConfidence(Confidence.VERIFIED)
                .withDeviceCertificatesRevocable(true, Confidence.INFERRED)
                .withReasonCode(RevocationReason.INCORRECT_DATA, CrlReason.UNSPECIFIED)
                .withRaRequesters(Set.of(RequesterKind.DCC), false, Confidence.OBSERVED)
                .withNextUpdateInterval(Duration.ofHours(6));
        assertThat(RevocationPolicy.parse(defaults.toProperties())).isEqualTo(defaults);
        Path file = dir.resolve("policy.properties");
        Files.writeString(file, changed.toProperties());
        RevocationPolicy read = RevocationPolicy.load(file);
        assertThat(read).isEqualTo(changed).isNotEqualTo(defaults);
        assertThat(read.toProperties()).contains("requesters.organisation=dcc\n", "ra.requesters=dcc\n");
    }

    @Test
    void absentKeysKeepTheirDefaults() {
        RevocationPolicy policy = RevocationPolicy.parse("devices.revocable=true\n");
        assertThat(policy.deviceCertificatesRevocable()).isTrue();
        assertThat(policy.requesters(ProfileKind.ORGANISATION))
                .isEqualTo(defaults.requesters(ProfileKind.ORGANISATION));
    }

    @Test
    void malformedPoliciesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> RevocationPolicy.parse("requesters.organisations=dcc"))
                .hasMessageContaining("'requesters.organisations'");
        assertThatThrownBy(() -> RevocationPolicy.parse("requesters.root-oca=dcc"))
                .hasMessageContaining("'requesters.root-oca'");
        assertThatThrownBy(() -> RevocationPolicy.parse("reason.key-compromise=certificateHold"))
                .hasMessageContaining("revocation is final");
        assertThatThrownBy(() -> RevocationPolicy.parse("devices.revocable=maybe"))
                .hasMessageContaining("'devices.revocable'");
        assertThatThrownBy(() -> RevocationPolicy.parse("list.nextUpdateInterval=1 day"))
                .hasMessageContaining("'list.nextUpdateInterval'");
        assertThatThrownBy(() -> RevocationPolicy.parse("colour=blue")).hasMessageContaining("'colour': unknown key");
        assertThatThrownBy(() -> defaults.withNextUpdateInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRulesStateWhatThePolicySays() {
        RevocationRules rules =
                RevocationRules.of(defaults.withRequesters(ProfileKind.ORGANISATION, Set.of(RequesterKind.SMKI_PMA))
                        .withRequestersConfidence(Confidence.VERIFIED));
        assertThat(rules.organisationRequesters().statement())
                .isEqualTo("Revocation of an Organisation Certificate may be requested by the SMKI PMA by direction.");
        assertThat(rules.organisationRequesters().confidence()).isEqualTo(Confidence.VERIFIED);
        assertThat(RevocationRules.defaults().organisationRequesters().statement())
                .isEqualTo("Revocation of an Organisation Certificate may be requested by the Subscriber through one"
                        + " of its Authorised Responsible Officers, the DCC on its own initiative or the SMKI PMA by"
                        + " direction.");
    }
}
