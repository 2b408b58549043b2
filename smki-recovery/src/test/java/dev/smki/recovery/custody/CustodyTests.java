package dev.smki.recovery.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.simulation.SimulationSeed;
import dev.smki.core.testing.TestKeys;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.RecoveryMechanism;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustodyTests {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final IncidentId INCIDENT = IncidentId.of("INC-1");
    private static final PmaDecision RECOVERY = new PmaDecision(INCIDENT, RecoveryMechanism.RECOVERY_METHOD_3, T0);
    private static final PmaDecision CONTINGENCY = new PmaDecision(INCIDENT, RecoveryMechanism.CONTINGENCY, T0);
    private static final PmaDecision NO_KEY = new PmaDecision(INCIDENT, RecoveryMechanism.NONE, T0);

    private final KeyPair recoveryKey = TestKeys.key(1);
    private Custodians custodians;
    private SimulatedHsm hsm;
    private List<KeyShare> shares;

    @BeforeEach
    void fiveCustodiansHoldTheRecoveryKeyThreeOfFive() {
        custodians = Custodians.empty();
        String[] parties = {"Acme", "Acme", "Bolt", "Cell", "DCC"};
        for (int i = 1; i <= 5; i++) {
            custodians.appointDirectly(CustodianId.of("KC-0" + i), "Custodian " + i, parties[i - 1], T0);
        }
        hsm = SimulatedHsm.create(
                custodians, Quorum.of(3, 5), SimulationSeed.of(42).secureRandom("custody"));
        shares = hsm.store(
                CustodyKey.RECOVERY_PRIVATE_KEY, recoveryKey.getPrivate().getEncoded());
    }

    @Test
    void splitsTheKeyIntoOneShareForEachOfNCustodians() {
        assertThat(shares).hasSize(5);
        assertThat(shares).extracting(KeyShare::holder).doesNotHaveDuplicates();
        assertThat(hsm.holds(CustodyKey.RECOVERY_PRIVATE_KEY)).isTrue();
    }

    @Test
    void activatesWithMDistinctAppointedCustodiansAndADecisionRequiringTheKey() {
        KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
        assertThat(ceremony.present(shares.get(4))).hasToString("1 of 3");
        assertThat(ceremony.present(shares.get(0))).hasToString("2 of 3");
        assertThat(ceremony.present(shares.get(2)).isQuorate()).isTrue();
        try (ActivatedKey key = ceremony.activate()) {
            assertThat(key.privateKey().getEncoded())
                    .isEqualTo(recoveryKey.getPrivate().getEncoded());
            assertThat(key.incidentReference()).isEqualTo("INC-1");
        }
    }

    @Nested
    class DecisionGate {

        @Test
        void refusesActivationWithoutADecisionRequiringThatKey() {
            assertThatThrownBy(() -> hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, NO_KEY))
                    .isInstanceOf(CustodyViolationException.class)
                    .hasMessageStartingWith("REC-1:")
                    .hasMessageContaining("INC-1");
            assertThatThrownBy(() -> hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, CONTINGENCY))
                    .hasMessageStartingWith("REC-1:");
        }

        @Test
        void refusesAKeyNotInCustody() {
            assertThatThrownBy(() -> hsm.beginActivation(CustodyKey.CONTINGENCY_PRIVATE_KEY, CONTINGENCY))
                    .hasMessageContaining("not in custody");
        }
    }

    @Nested
    class Quorate {

        @Test
        void refusesActivationBelowTheQuorumAndKeepsTheProgress() {
            KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
            ceremony.present(shares.get(0));
            ceremony.present(shares.get(1));
            assertThatThrownBy(ceremony::activate)
                    .isInstanceOf(CustodyViolationException.class)
                    .hasMessageStartingWith("REC-2:")
                    .hasMessageContaining("2 of 3");
            assertThat(ceremony.progress()).hasToString("2 of 3");
        }

        @Test
        void countsOneCustodianOnceAndTheRefusalChangesNothing() {
            KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
            ceremony.present(shares.get(0));
            assertThatThrownBy(() -> ceremony.present(shares.get(0)))
                    .hasMessageStartingWith("REC-2:")
                    .hasMessageContaining("counts once");
            assertThat(ceremony.progress()).hasToString("1 of 3");
        }

        @Test
        void neverCountsACeasedCustodianEvenOneWhoPresentedBeforeCeasing() {
            KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
            ceremony.present(shares.get(0));
            ceremony.present(shares.get(1));
            custodians.cease(CustodianId.of("KC-03"), T0.plusSeconds(60));
            assertThatThrownBy(() -> ceremony.present(shares.get(2))).hasMessageContaining("not currently appointed");
            ceremony.present(shares.get(3));
            custodians.cease(CustodianId.of("KC-01"), T0.plusSeconds(120));
            assertThat(ceremony.progress()).hasToString("2 of 3");
            assertThatThrownBy(ceremony::activate).hasMessageStartingWith("REC-2:");
        }

        @Test
        void resetForgetsEveryPresentedShare() {
            KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
            ceremony.present(shares.get(0));
            ceremony.present(shares.get(1));
            ceremony.reset();
            assertThat(ceremony.progress()).hasToString("0 of 3");
        }

        @Test
        void refusesASharePresentedByAnyoneButItsHolder() {
            KeyShare forged = new KeyShare(
                    CustodyKey.RECOVERY_PRIVATE_KEY,
                    CustodianId.of("KC-02"),
                    shares.get(0).index(),
                    shares.get(0).generation(),
                    shares.get(0).secret());
            KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
            assertThatThrownBy(() -> ceremony.present(forged)).hasMessageStartingWith("CUS-1:");
        }

        @Test
        void refusesSharesOfAnOlderSplit() {
            List<KeyShare> newer = hsm.store(
                    CustodyKey.RECOVERY_PRIVATE_KEY, recoveryKey.getPrivate().getEncoded());
            KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
            assertThatThrownBy(() -> ceremony.present(shares.get(0))).hasMessageStartingWith("CUS-1:");
            ceremony.present(newer.get(0));
            assertThat(ceremony.progress().presented()).isEqualTo(1);
        }

        @Test
        void canRequireCustodiansFromDifferentParties() {
            SimulatedHsm strict = hsm.requiringDistinctParties();
            List<KeyShare> strictShares = strict.store(
                    CustodyKey.RECOVERY_PRIVATE_KEY, recoveryKey.getPrivate().getEncoded());
            KeyActivation ceremony = strict.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
            ceremony.present(strictShares.get(0));
            assertThatThrownBy(() -> ceremony.present(strictShares.get(1)))
                    .hasMessageStartingWith("CUS-4:")
                    .hasMessageContaining("Acme");
        }
    }

    @Test
    void refusesToSplitAmongFewerThanNAppointedCustodians() {
        custodians.cease(CustodianId.of("KC-05"), T0);
        assertThatThrownBy(() -> hsm.store(CustodyKey.CONTINGENCY_PRIVATE_KEY, new byte[] {1, 2, 3}))
                .hasMessageStartingWith("REC-2:")
                .hasMessageContaining("4 are appointed");
    }

    @Test
    void theKeyIsDeactivatedAfterUseAndNeedsANewCeremony() {
        KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
        shares.subList(0, 3).forEach(ceremony::present);
        ActivatedKey key = ceremony.activate();
        key.deactivate();
        assertThat(key.isActive()).isFalse();
        assertThatIllegalStateException().isThrownBy(key::privateKey).withMessageStartingWith("CUS-2:");
        assertThat(ceremony.progress()).hasToString("0 of 3");
    }

    @Test
    void noSecretAppearsInTextForms() {
        KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, RECOVERY);
        shares.subList(0, 3).forEach(ceremony::present);
        ActivatedKey key = ceremony.activate();
        String hex = java.util.HexFormat.of().formatHex(shares.get(0).secret());
        for (Object o : List.of(key, ceremony, hsm, shares.get(0))) {
            assertThat(o.toString()).doesNotContain(hex);
        }
        assertThat(key.toString()).doesNotContain(java.util.HexFormat.of().formatHex(key.secret()));
    }

    @Test
    void custodiansMoveOnlyForwardThroughTheirLifecycle() {
        Custodians roster = Custodians.empty();
        CustodianId id = CustodianId.of("KC-X");
        roster.nominate(id, "X", "Acme", T0);
        assertThatThrownBy(() -> roster.appoint(id, T0))
                .hasMessageStartingWith("CUS-3:")
                .hasMessageContaining("VETTED");
        roster.vet(id, T0);
        roster.appoint(id, T0);
        roster.cease(id, T0);
        assertThatThrownBy(() -> roster.cease(id, T0)).hasMessageContaining("already ceased");
        assertThatThrownBy(() -> roster.nominate(id, "X", "Acme", T0)).hasMessageContaining("already on the roster");
        assertThat(roster.isAppointed(id)).isFalse();
    }

    @Test
    void readsQuorumsWrittenMSlashN() {
        assertThat(Quorum.parse("3/5")).isEqualTo(Quorum.of(3, 5));
        assertThat(Quorum.parse("2-of-3")).isEqualTo(Quorum.of(2, 3));
        assertThatThrownBy(() -> Quorum.parse("5/3")).hasMessageContaining("5 of 3");
        assertThatThrownBy(() -> Quorum.of(1, 3)).hasMessageContaining("2 <= M");
        assertThatThrownBy(() -> Quorum.parse("three")).hasMessageContaining("'three'");
    }
}
