package dev.smki.recovery.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.workflow.Deadline;
import dev.smki.recovery.workflow.Phase;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IncidentResponsesTests {

    private static final ProcedureSettings DEFAULTS = ProcedureSettings.defaults();

    static Stream<Procedure<IncidentState>> everyProcedure() {
        return Stream.of(
                Notify.definition(),
                Decide.definition(),
                MethodOne.definition(),
                RecoveryKeyUse.definition(RecoveryKeyUse.Method.METHOD_2),
                RecoveryKeyUse.definition(RecoveryKeyUse.Method.METHOD_3),
                Contingency.definition(),
                Distribute.definition(),
                CsrCoordination.definition(),
                RecoveryKeyReplacement.definition(),
                Revoke.definition(),
                SupplierOfLastResortDelay.definition(),
                Exercise.definition(DEFAULTS, EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY)),
                CustodianLifecycle.definition(),
                IncidentResponses.notification(DEFAULTS),
                IncidentResponses.organisationKeyCompromise(DEFAULTS, RecoveryKeyUse.Method.METHOD_2),
                IncidentResponses.rootOcaCompromise(DEFAULTS));
    }

    @Test
    void citesASourceAndAConfidenceForEveryStepOfEveryProcedure() {
        assertThat(everyProcedure().flatMap(p -> p.steps().stream())).allSatisfy(step -> {
            assertThat(step.sources()).as(step.describe()).isNotEmpty();
            assertThat(step.confidence()).as(step.describe()).isPresent();
        });
    }

    @Test
    void takesEveryDeadlineFromTheSettings() {
        ProcedureSettings slow = DEFAULTS;
        for (NamedDuration d : DEFAULTS.durations()) {
            slow = slow.withDuration(d.name(), d.value().plusMinutes(7));
        }
        ProcedureSettings changed = slow;
        List<Procedure<IncidentState>> defaults = everyProcedure().toList();
        List<Procedure<IncidentState>> slower = List.of(
                Notify.definition(changed),
                IncidentResponses.organisationKeyCompromise(changed, RecoveryKeyUse.Method.METHOD_3),
                IncidentResponses.rootOcaCompromise(changed),
                SupplierOfLastResortDelay.definition(changed),
                CustodianLifecycle.definition(changed),
                CsrCoordination.definition(changed),
                MethodOne.definition(changed),
                Exercise.definition(changed, EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY)));

        assertThat(defaults.stream().flatMap(p -> p.deadlines().stream()))
                .allSatisfy(d -> assertThat(d.limit()).isEqualTo(DEFAULTS.duration(d.name())));
        assertThat(slower.stream().flatMap(p -> p.deadlines().stream()))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.limit())
                        .isEqualTo(DEFAULTS.duration(d.name()).plusMinutes(7)));
    }

    @Test
    void linksTheRootOcaCompromiseResponseAcrossItsProcedures() {
        Procedure<IncidentState> response = IncidentResponses.rootOcaCompromise(DEFAULTS);

        assertThat(response.name()).isEqualTo("ROOT_OCA_COMPROMISE");
        assertThat(response.step(Decide.RECEIVED).prerequisites()).containsExactly(Notify.PMA_NOTIFIED);
        assertThat(response.step(Contingency.DECIDED).prerequisites()).containsExactly(Decide.COMMUNICATED);
        assertThat(response.step(Contingency.COMMANDS_SENT).prerequisites()).contains(Notify.SCOPED);
        assertThat(response.step(CsrCoordination.OCA_PUBLISHED).prerequisites())
                .containsExactly(Contingency.OLD_OCA_REVOKED);
        assertThat(response.step(Contingency.CERTIFICATES_REISSUED).prerequisites())
                .containsExactly(Contingency.OLD_OCA_REVOKED, CsrCoordination.REPORTED);
        assertThat(response.step(Distribute.CELLS_CHOSEN).prerequisites())
                .containsExactly(Contingency.CERTIFICATES_REISSUED, Contingency.ROOT_REPLACED);
        assertThat(response.step(Contingency.CERTIFICATES_DISTRIBUTED).prerequisites())
                .containsExactly(Contingency.CERTIFICATES_REISSUED, Distribute.SENT);
        assertThat(Stream.concat(
                        CsrCoordination.definition().steps().stream(), Distribute.definition().steps().stream()))
                .allSatisfy(s -> assertThat(response.step(s.id()).phase()).isEqualTo(Phase.POST));
        assertThat(response.deadlines()).extracting(Deadline::name).contains("T_confirm", "T_decide", "T_newRoot");
    }

    @Test
    void linksTheOrganisationKeyCompromiseResponseWithItsRevocationRequestedAtN6() {
        Procedure<IncidentState> response =
                IncidentResponses.organisationKeyCompromise(DEFAULTS, RecoveryKeyUse.Method.METHOD_3);

        assertThat(response.name()).isEqualTo("ORGANISATION_KEY_COMPROMISE.M3");
        assertThat(response.hasStep(Revoke.REQUESTED)).isFalse();
        assertThat(response.step(Revoke.DECIDED).prerequisites()).containsExactly(Notify.REVOCATION_REQUESTED);
        assertThat(response.step(RecoveryKeyUse.DECIDED).prerequisites()).containsExactly(Decide.COMMUNICATED);
        assertThat(response.step(RecoveryKeyUse.COMMANDS_BUILT).prerequisites()).contains(Notify.SCOPED);
        assertThat(response.step(RecoveryKeyUse.CLOSED).prerequisites()).contains(Revoke.PUBLISHED);
        assertThat(response.deadline("T_processRevocation").orElseThrow().from())
                .isEqualTo(Notify.REVOCATION_REQUESTED);
    }

    @Test
    void leavesOutAReconstructedStepKeepingTheOrderAcrossProceduresButNeverAVerifiedOne() {
        Procedure withoutD4 = IncidentResponses.rootOcaCompromise(DEFAULTS.omitting(List.of(Decide.COMMUNICATED)));

        assertThat(withoutD4.hasStep(Decide.COMMUNICATED)).isFalse();
        assertThat(withoutD4.step(Contingency.DECIDED).prerequisites()).containsExactly(Decide.DECIDED);
        assertThat(withoutD4.deadline("T_communicate")).isEmpty();
        assertThat(Decide.definition().step(Decide.COMMUNICATED).confidence()).contains(Confidence.RECONSTRUCTED);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IncidentResponses.rootOcaCompromise(DEFAULTS.omitting(List.of(Notify.PMA_NOTIFIED))))
                .withMessageContaining("N4 \"SMKI PMA, affected Parties (by Party Category) and RDPs notified\"")
                .withMessageContaining("is verified; only reconstructed or memory steps may be left out");
    }

    @Test
    void keepsEveryIncidentResponseWithinTheOrderingAnalysisLimit() {
        assertThat(everyProcedure()).allSatisfy(p -> assertThat(p.steps()).hasSizeLessThanOrEqualTo(64));
        assertThat(IncidentResponses.rootOcaCompromise(DEFAULTS).steps())
                .extracting(Step::id)
                .startsWith(Notify.DETECTED)
                .endsWith(Distribute.SENT);
    }

    @Test
    void changesTheDefinitionWhenADurationChanges() {
        assertThat(IncidentResponses.rootOcaCompromise(DEFAULTS.withDuration("T_newRoot", Duration.ofHours(9)))
                        .definitionHash())
                .isNotEqualTo(IncidentResponses.rootOcaCompromise(DEFAULTS).definitionHash());
    }
}
