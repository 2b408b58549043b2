package dev.smki.recovery.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.rehearsal.Anomaly;
import dev.smki.recovery.rehearsal.Rehearsal;
import dev.smki.recovery.rehearsal.RehearsalResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

/**
 * Properties over generated valid plans: a built-in plan changed in its seed, fleet, failures, quorum, attendance
 * (every outcome, later sessions), decision and injected events. A plan written and read back is equal and writes the
 * same text; a rehearsal of it completes, or its anomalies name the rule or the quorum that stopped it.
 */
class ExercisePlanProperties implements WithQuickTheories {

    private static final List<AttendanceOutcome> OUTCOMES = List.of(AttendanceOutcome.values());

    Gen<ExercisePlan> plans() {
        Gen<ExercisePlan> base = arbitrary()
                .pick(List.of(
                        "contingency", "recovery-key", "recovery-key-replacement", "notify-only", "live-exercise"))
                .map(ExercisePlan::builtIn);
        Gen<ExercisePlan> sized = base.zip(
                longs().between(1, 50),
                integers().between(5, 20),
                (p, seed, devices) -> p.withSeed(seed).withDevices(devices));
        Gen<ExercisePlan> failing = sized.zip(
                doubles().between(0, 0.2),
                doubles().between(0, 0.3),
                integers().between(0, 3),
                (p, silent, busy, retries) -> p.withFailures(silent, busy, retries));
        Gen<ExercisePlan> custodians = failing.zip(
                integers().between(2, 4),
                integers().between(0, 2),
                lists().of(integers().between(0, 14)).ofSizeBetween(0, 8),
                booleans().all(),
                (p, m, extra, codes, reconvene) -> attendance(p, Quorum.of(m, m + extra), codes, reconvene));
        Gen<ExercisePlan> decided = custodians.zip(
                arbitrary().pick(List.of(RecoveryMechanism.values())),
                booleans().all(),
                (p, mechanism, keep) -> keep ? p : p.withDecision(mechanism));
        return decided.zip(integers().between(0, 5), (p, event) -> withEvent(p, event));
    }

    private static ExercisePlan attendance(ExercisePlan plan, Quorum quorum, List<Integer> codes, boolean reconvene) {
        ExercisePlan changed = plan.withQuorum(quorum);
        List<AttendancePlan> attendance = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int code : codes) {
            String custodian =
                    changed.custody().custodians().get(code % quorum.n()).id();
            int session = reconvene && code >= 10 ? 2 : 1;
            if (seen.contains(custodian + "@" + session)) {
                continue;
            }
            seen.add(custodian + "@" + session);
            attendance.add(new AttendancePlan(custodian, session, OUTCOMES.get(code % OUTCOMES.size())));
        }
        return codes.isEmpty()
                ? changed
                : changed.withCustody(
                        changed.custody().withAttendance(attendance).withReconvene(reconvene));
    }

    private static ExercisePlan withEvent(ExercisePlan plan, int event) {
        String at =
                PlanProcedures.procedure(plan).steps().get(event % 3 + 2).id().value();
        return switch (event) {
            case 1 ->
                plan.withEvents(List.of(new InjectedEvent(
                        EventKind.SECOND_COMPROMISE,
                        at,
                        Duration.ZERO,
                        RemotePartyRole.NETWORK_OPERATOR,
                        CertificateUsage.DIGITAL_SIGNATURE)));
            case 2 ->
                plan.withEvents(List.of(new InjectedEvent(
                        EventKind.HSM_ACTIVATION_FAILURE,
                        at,
                        Duration.ofHours(3),
                        RemotePartyRole.ROOT,
                        CertificateUsage.DIGITAL_SIGNATURE)));
            default -> plan;
        };
    }

    @Test
    void aPlanWrittenAndReadBackIsEqualAndWritesTheSameText() {
        qt().withExamples(60).forAll(plans()).checkAssert(plan -> {
            String text = plan.toYaml();
            ExercisePlan read = ExercisePlan.parse(text, "generated");
            assertThat(read).isEqualTo(plan);
            assertThat(read.toYaml()).isEqualTo(text);
            assertThat(ExercisePlan.parse(plan.toCanonicalYaml(), "canonical")).isEqualTo(plan);
            String expanded = plan.toExpandedYaml();
            assertThat(ExercisePlan.parse(expanded, "expanded").toExpandedYaml())
                    .isEqualTo(expanded);
        });
    }

    @Test
    void aRehearsalCompletesOrNamesTheRuleOrQuorumThatStoppedIt() {
        qt().withExamples(15).withShrinkCycles(20).forAll(plans()).checkAssert(plan -> {
            RehearsalResult result = Rehearsal.run(plan);
            if (result.complete()) {
                assertThat(result.devices().recovered() + result.devices().writtenOff())
                        .as("every Relevant Device recovered or written off when a recovery closes")
                        .isEqualTo(
                                result.devices().relevant() > 0
                                                && result.devices().recovered() == 0
                                        ? result.devices().writtenOff()
                                        : result.devices().relevant());
            } else {
                assertThat(result.anomalies())
                        .as("an incomplete rehearsal of %s names the rule or the quorum that stopped it", plan.name())
                        .anySatisfy(a -> assertThat(a.text())
                                .containsPattern("is refused by [A-Z]+-[0-9]+ |^REC-2 quorum not reached: activating"));
                assertThat(result.anomalies())
                        .anySatisfy(a -> assertThat(a.kind()).isEqualTo(Anomaly.Kind.PROCEDURE_INCOMPLETE));
                boolean activationRefused = result.timeline().stream()
                        .anyMatch(e -> !e.accepted()
                                && List.of("C4", "R5", "RK3", "T4")
                                        .contains(e.step().value()));
                boolean activated = result.timeline().stream()
                        .anyMatch(e -> e.accepted()
                                && List.of("C4", "R5", "RK3", "T4")
                                        .contains(e.step().value()));
                if (activationRefused
                        && !activated
                        && result.timeline().stream()
                                .noneMatch(e -> !e.accepted() && e.outcome().contains("CUS-5"))) {
                    assertThat(result.anomalies())
                            .anySatisfy(a -> assertThat(a.text()).startsWith("REC-2 quorum not reached: activating"));
                }
            }
        });
    }
}
