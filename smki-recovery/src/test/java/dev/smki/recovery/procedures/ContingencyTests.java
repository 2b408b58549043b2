package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Samples;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContingencyTests {

    private static final CustodyKey PRIVATE = CustodyKey.CONTINGENCY_PRIVATE_KEY;
    private static final CustodyKey SYMMETRIC = CustodyKey.CONTINGENCY_SYMMETRIC_KEY;
    private static final RemotePartyRole SUPPLIER = RemotePartyRole.SUPPLIER;
    private static final CertificateUsage DS = CertificateUsage.DIGITAL_SIGNATURE;

    private final TestIncident incident = new TestIncident();
    private final Procedure<IncidentState> contingency = Contingency.definition();
    private ProcedureRun<IncidentState> run;

    @BeforeEach
    void decided() {
        incident.authorise(PRIVATE, SYMMETRIC);
        run = ProcedureRun.start(contingency, Journal.inMemory(), SettableClock.at(Samples.START), incident.state);
        assertThat(Outcomes.of(run.attempt(Contingency.DECIDED, SMKI_PMA))).isEqualTo("ACCEPTED");
        run.attempt(incident.attends(contingency, Contingency.CUSTODIAN_ATTENDS, "KC-01"));
    }

    private void activated() {
        incident.present(3);
        assertThat(Outcomes.of(run.attempt(Contingency.KEY_ACTIVATED, DCC))).isEqualTo("ACCEPTED");
        incident.activate(PRIVATE, SYMMETRIC);
    }

    @Test
    void refusesTheFirstStepWithoutADecisionRequiringBothContingencyKeys() {
        TestIncident undecided = new TestIncident();
        undecided.authorise(PRIVATE);
        ProcedureRun<IncidentState> other =
                ProcedureRun.start(contingency, Journal.inMemory(), SettableClock.at(Samples.START), undecided.state);

        assertThat(Outcomes.of(other.attempt(Contingency.DECIDED, SMKI_PMA))).isEqualTo("REC-1 decision gate");
    }

    @Test
    void countsOnlyAnAppointedCustodianPresentingTheirOwnCurrentShares() {
        assertThat(Outcomes.of(run.attempt(incident.attends(contingency, Contingency.CUSTODIAN_ATTENDS, "KC-09"))))
                .isEqualTo("REC-2 appointed custodian");
        assertThat(Outcomes.of(run.attempt(incident.attends(contingency, Contingency.CUSTODIAN_ATTENDS, "KC-05"))))
                .isEqualTo("CUS-1 own share");
        assertThat(Outcomes.of(run.attempt(incident.attends(contingency, Contingency.CUSTODIAN_ATTENDS, "KC-02"))))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void activatesOnlyWithTheQuorumPresent() {
        incident.present(2);

        assertThat(Outcomes.of(run.attempt(Contingency.KEY_ACTIVATED, DCC))).isEqualTo("REC-2 quorum");
        incident.present(3);
        assertThat(Outcomes.of(run.attempt(Contingency.KEY_ACTIVATED, DCC))).isEqualTo("ACCEPTED");
    }

    @Test
    void releasesTheSymmetricKeyOnlyOnceTheNewRootExistsInTheWorld() {
        activated();
        run.attempt(Contingency.NEW_ROOT, DCC);

        assertThat(Outcomes.of(run.attempt(Contingency.COMMANDS_SENT, DCC))).isEqualTo("REC-6 new Root first");
        incident.state.pki().makeNewRoot();
        incident.state.custody().deactivate(List.of(SYMMETRIC));
        assertThat(Outcomes.of(run.attempt(Contingency.COMMANDS_SENT, DCC))).isEqualTo("CUS-2 key active");
        incident.activate(SYMMETRIC);
        assertThat(Outcomes.of(run.attempt(Contingency.COMMANDS_SENT, DCC))).isEqualTo("ACCEPTED");
    }

    @Test
    void revokesTheOldOcaOnlyOnceTheDevicesHoldTheNewRootAndClosesOnlyWhenTheScopeIsSettled() {
        incident.state.fleet().scope(incident.state.compromisedCertificate());
        activated();
        assertThat(incident.does(run, Contingency.NEW_ROOT, DCC)).isEqualTo("ACCEPTED");
        run.attempt(Contingency.NEW_ISSUING_OCA, DCC);
        assertThat(Outcomes.of(run.attempt(Contingency.COMMANDS_SENT, DCC))).isEqualTo("ACCEPTED");
        run.attempt(Contingency.ROOT_REPLACED, DCC);
        run.attempt(Contingency.PROGRESS_REPORTED, DCC);

        assertThat(Outcomes.of(run.attempt(Contingency.OLD_OCA_REVOKED, DCC))).isEqualTo("REC-10 chain order");
        contingency
                .step(Contingency.COMMANDS_SENT)
                .effect()
                .apply(incident.state, Attempt.of(Contingency.COMMANDS_SENT, DCC));
        assertThat(incident.state.devicesHoldNewRoot()).isTrue();
        assertThat(Outcomes.of(run.attempt(Contingency.OLD_OCA_REVOKED, DCC))).isEqualTo("ACCEPTED");
        run.attempt(Contingency.CERTIFICATES_REISSUED, DCC);
        run.attempt(Contingency.CERTIFICATES_DISTRIBUTED, DCC);
        KeyIdentifier newRoot = incident.state
                .pki()
                .next()
                .orElseThrow()
                .rootOca()
                .parsed()
                .subjectKeyIdentifier()
                .orElseThrow();
        incident.state
                .fleet()
                .target(
                        incident.state
                                .pki()
                                .issueNew(SUPPLIER, DS)
                                .parsed()
                                .subjectKeyIdentifier()
                                .orElseThrow(),
                        "elsewhere");
        assertThat(Outcomes.of(run.attempt(Contingency.MATERIAL_IN_CUSTODY, DCC)))
                .isEqualTo("REC-8 scope settled");
        incident.state.fleet().target(newRoot, "C5");
        assertThat(Outcomes.of(run.attempt(Contingency.MATERIAL_IN_CUSTODY, KEY_CUSTODIAN)))
                .isEqualTo("ACCEPTED");
        assertThat(run.isComplete()).isTrue();
    }

    @Test
    void definesEachOtherOrderByDroppingOnePrerequisiteOfTheModelledOne() {
        assertThat(contingency.step(Contingency.OLD_OCA_REVOKED).prerequisites())
                .containsExactly(Contingency.NEW_ISSUING_OCA, Contingency.ROOT_REPLACED);
        assertThat(Contingency.definition(ProcedureSettings.defaults(), Contingency.Order.REVOKE_BEFORE_DEVICES_UPDATED)
                        .step(Contingency.OLD_OCA_REVOKED)
                        .prerequisites())
                .containsExactly(Contingency.NEW_ISSUING_OCA);
        assertThat(contingency.step(Contingency.COMMANDS_SENT).prerequisites())
                .containsExactly(Contingency.KEY_ACTIVATED, Contingency.NEW_ROOT);
        assertThat(Contingency.definition(ProcedureSettings.defaults(), Contingency.Order.SYMMETRIC_KEY_BEFORE_NEW_ROOT)
                        .step(Contingency.COMMANDS_SENT)
                        .prerequisites())
                .containsExactly(Contingency.KEY_ACTIVATED);
        assertThat(Contingency.definition(ProcedureSettings.defaults(), Contingency.Order.KEY_USE_BEFORE_DECISION)
                        .step(Contingency.CUSTODIAN_ATTENDS)
                        .prerequisites())
                .isEmpty();
    }
}
