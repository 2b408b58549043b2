package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.simulation.SettableClock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RaCredentialsTests {

    private static final Instant START = Instant.parse("2026-01-02T09:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final RaCredentials credentials = RaCredentials.of(RevocationPolicy.defaults(), clock);

    RaCredentialsTests() {
        credentials.appoint("Mo", RaRole.RA_MANAGER);
        credentials.appoint("Rita", RaRole.RA_PERSONNEL);
        credentials.addPmaMember("Pat");
    }

    private RaRevocationOutcome revokeRita(Requester requester) {
        return credentials.submit(RaRevocationRequest.of("Rita", RevocationReason.PERSONNEL_LEFT, requester));
    }

    private void assertRefusedBy(RaRevocationOutcome outcome, String rule) {
        assertThat(outcome.isRevoked()).isFalse();
        assertThat(outcome.refusedBy()).map(r -> r.id()).hasValue(RuleId.of(rule));
        assertThat(credentials.find("Rita").orElseThrow().isRevoked()).isFalse();
    }

    @Test
    void rev10And11AnySmkiPmaMemberOnRecordHasTheCredentialsRevoked() {
        RaRevocationOutcome outcome = revokeRita(Requester.parse("pma-member:Pat"));
        assertThat(outcome.isRevoked()).isTrue();
        assertThat(outcome.steps())
                .extracting(step -> step.rule().id().value())
                .containsExactly("REV-10", "REV-11", "REV-11");
        assertThat(outcome.credential().revokedAt()).hasValue(START);
        assertThat(outcome.credential().reason()).hasValue(RevocationReason.PERSONNEL_LEFT);
        assertThat(credentials.find("Rita").orElseThrow().isRevoked()).isTrue();
    }

    @Test
    void rev10TheHolderAnRaManagerTheDccAndTheSmkiPmaMayAsk() {
        for (Requester requester : new Requester[] {
            Requester.parse("ra-personnel:Rita"), Requester.parse("ra-manager:Mo"), Requester.dcc(), Requester.smkiPma()
        }) {
            RaCredentials fresh = RaCredentials.of(RevocationPolicy.defaults(), clock);
            fresh.appoint("Mo", RaRole.RA_MANAGER);
            fresh.appoint("Rita", RaRole.RA_PERSONNEL);
            assertThat(fresh.submit(RaRevocationRequest.of("Rita", RevocationReason.SCREENING_FAILED, requester))
                            .isRevoked())
                    .as("revoked at the request of %s", requester)
                    .isTrue();
        }
    }

    @Test
    void rev10RefusesOtherPersonnelAndAros() {
        credentials.appoint("Ruth", RaRole.RA_PERSONNEL);
        assertRefusedBy(revokeRita(Requester.parse("ra-personnel:Ruth")), "REV-12");
        assertRefusedBy(revokeRita(Requester.aroOf("supplier")), "REV-12");
        assertRefusedBy(revokeRita(Requester.parse("other:someone")), "REV-12");
    }

    @Test
    void rev11RefusesARequestTheDccsRecordsDoNotVerify() {
        assertRefusedBy(revokeRita(Requester.parse("pma-member:Impostor")), "REV-11");
        assertRefusedBy(revokeRita(Requester.parse("ra-manager:Rita")), "REV-11");
        credentials.removePmaMember("Pat");
        RaRevocationOutcome formerMember = revokeRita(Requester.parse("pma-member:Pat"));
        assertRefusedBy(formerMember, "REV-11");
        assertThat(formerMember.toString()).contains("not verified: Pat is not a current SMKI PMA Member");
    }

    @Test
    void rev11ARevokedRaManagerIsNoLongerVerified() {
        credentials.submit(RaRevocationRequest.of("Mo", RevocationReason.SCREENING_FAILED, Requester.dcc()));
        RaRevocationOutcome outcome = revokeRita(Requester.parse("ra-manager:Mo"));
        assertRefusedBy(outcome, "REV-11");
        assertThat(outcome.toString()).contains("holds no active SMKI RA Manager credentials");
    }

    @Test
    void revokedCredentialsStayRevoked() {
        revokeRita(Requester.dcc());
        RaRevocationOutcome again = revokeRita(Requester.smkiPma());
        assertThat(again.isRevoked()).isFalse();
        assertThat(again.refusedBy()).map(r -> r.id()).hasValue(RuleId.of("REV-1"));
        assertThat(credentials.history()).hasSize(2);
    }

    @Test
    void whoMayAskIsPolicyData() {
        RevocationPolicy policy =
                RevocationPolicy.defaults().withRaRequesters(Set.of(RequesterKind.DCC), false, Confidence.VERIFIED);
        RaCredentials strict = RaCredentials.of(policy, clock);
        strict.appoint("Rita", RaRole.RA_PERSONNEL);
        RaRevocationOutcome byHolder = strict.submit(
                RaRevocationRequest.of("Rita", RevocationReason.PERSONNEL_LEFT, Requester.parse("ra-personnel:Rita")));
        assertThat(byHolder.isRevoked()).isFalse();
        assertThat(byHolder.refusedBy().orElseThrow().confidence()).isEqualTo(Confidence.VERIFIED);
        assertThat(byHolder.refusedBy().orElseThrow().statement())
                .endsWith("requested by the DCC on its own initiative.");
    }

    @Test
    void anUnknownHolderIsBadInput() {
        assertThatThrownBy(() -> credentials.submit(
                        RaRevocationRequest.of("Nobody", RevocationReason.PERSONNEL_LEFT, Requester.dcc())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nobody");
        assertThatThrownBy(() -> credentials.appoint("Rita", RaRole.RA_MANAGER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
