package dev.smki.recovery.journal;

import static dev.smki.recovery.workflow.Samples.CUSTODIAN;
import static dev.smki.recovery.workflow.Samples.DCC;
import static dev.smki.recovery.workflow.Samples.N1;
import static dev.smki.recovery.workflow.Samples.N2;
import static dev.smki.recovery.workflow.Samples.N3;
import static dev.smki.recovery.workflow.Samples.N4;
import static dev.smki.recovery.workflow.Samples.N5;
import static dev.smki.recovery.workflow.Samples.N6;
import static dev.smki.recovery.workflow.Samples.NOTIFY;
import static dev.smki.recovery.workflow.Samples.PMA;
import static dev.smki.recovery.workflow.Samples.R1;
import static dev.smki.recovery.workflow.Samples.R11;
import static dev.smki.recovery.workflow.Samples.R2;
import static dev.smki.recovery.workflow.Samples.R5;
import static dev.smki.recovery.workflow.Samples.R6;
import static dev.smki.recovery.workflow.Samples.R7;
import static dev.smki.recovery.workflow.Samples.R9;
import static dev.smki.recovery.workflow.Samples.RECOVERY_KEY;
import static dev.smki.recovery.workflow.Samples.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.provenance.RuleId;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.ProcedureViolationException;
import dev.smki.recovery.workflow.Refusal;
import dev.smki.recovery.workflow.Samples;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProcedureRunTests {

    private final SettableClock clock = SettableClock.at(Samples.START);

    private ProcedureRun notifyRun() {
        return ProcedureRun.start(NOTIFY, clock);
    }

    private static Refusal refusalOf(Outcome outcome) {
        assertThat(outcome.isAccepted()).as("outcome %s", outcome).isFalse();
        return outcome.refusal().orElseThrow();
    }

    @Nested
    class Accepting {

        @Test
        void acceptsStepsInAnOrderTheDefinitionAllowsAndNumbersEveryAttempt() {
            ProcedureRun<Object> run = notifyRun();

            Outcome first = run.attempt(N1, SUBSCRIBER);
            clock.advance(Duration.ofMinutes(5));
            Outcome second = run.attempt(N2, SUBSCRIBER, Payload.of("file", "OCNF-17"));

            assertThat(first).isEqualTo(new Outcome.Accepted(1, Samples.START));
            assertThat(second).isEqualTo(new Outcome.Accepted(2, Samples.START.plus(Duration.ofMinutes(5))));
            assertThat(run.state().completedSteps()).containsExactlyInAnyOrder(N1, N2);
            assertThat(run.state().completedAt(N2)).contains(Samples.START.plus(Duration.ofMinutes(5)));
            assertThat(run.entries())
                    .extracting(JournalEntry::payload)
                    .containsExactly(PayloadSummary.empty(), PayloadSummary.of("file", "OCNF-17"));
        }

        @Test
        void completesARunWhenEveryStepIsDone() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC).requireAccepted();
            run.attempt(N2, SUBSCRIBER).requireAccepted();
            run.attempt(N3, DCC).requireAccepted();
            run.attempt(N4, DCC).requireAccepted();
            run.attempt(Attempt.ofItem(N5, "00-DB-12-34-56-78-90-A0", DCC, Payload.none()))
                    .requireAccepted();
            assertThat(run.isComplete()).isFalse();

            run.attempt(N6, SUBSCRIBER).requireAccepted();

            assertThat(run.isComplete()).isTrue();
        }

        @Test
        void acceptsARepeatableStepAgainAndCountsIt() {
            ProcedureRun<Object> run = recoveryKeyRunUpToActivation();

            run.attempt(R7, DCC).requireAccepted();
            run.attempt(R7, DCC).requireAccepted();

            assertThat(run.state().timesDone(R7)).isEqualTo(2);
        }

        @Test
        void acceptsAPerItemStepOncePerItemAndRequiresPerItemPrerequisitesForTheSameItem() {
            ProcedureRun<Object> run = recoveryKeyRunUpToActivation();
            run.attempt(Attempt.ofItem(R6, "device-1", DCC, Payload.none())).requireAccepted();
            run.attempt(Attempt.ofItem(R6, "device-2", DCC, Payload.none())).requireAccepted();

            Outcome verifyThird = run.attempt(Attempt.ofItem(R9, "device-3", DCC, Payload.none()));
            Outcome verifyFirst = run.attempt(Attempt.ofItem(R9, "device-1", DCC, Payload.none()));

            assertThat(refusalOf(verifyThird).message())
                    .isEqualTo("R9 \"Device verified\" for device-3 needs R6 \"Command sent to Device\" for device-3"
                            + " first");
            assertThat(verifyFirst.isAccepted()).isTrue();
            assertThat(run.state().itemsDone(R6)).containsExactlyInAnyOrder("device-1", "device-2");
            assertThat(run.state().itemsDone(R9)).containsExactly("device-1");
        }

        @Test
        void treatsAPerItemStepAsCompleteForLaterStepsAfterItsFirstItem() {
            ProcedureRun<Object> run = recoveryKeyRunUpToActivation();
            run.attempt(R7, DCC).requireAccepted();
            run.attempt(Attempt.ofItem(R6, "device-1", DCC, Payload.none())).requireAccepted();
            assertThat(refusalOf(run.attempt(R11, DCC)).message())
                    .isEqualTo("R11 \"Final report\" needs R9 \"Device verified\" first");

            run.attempt(Attempt.ofItem(R9, "device-1", DCC, Payload.none())).requireAccepted();

            assertThat(run.attempt(R11, DCC).isAccepted()).isTrue();
        }
    }

    @Nested
    class Refusing {

        @Test
        void refusesAStepWhosePrerequisitesAreMissingNamingThemByIdAndTitle() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC);
            run.attempt(N2, SUBSCRIBER);
            run.attempt(N3, DCC);

            Refusal refusal = refusalOf(run.attempt(N6, DCC));

            assertThat(refusal).isInstanceOf(Refusal.MissingPrerequisites.class);
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.MISSING_PREREQUISITES);
            assertThat(((Refusal.MissingPrerequisites) refusal).missingIds()).containsExactly(N4, N5);
            assertThat(refusal.message())
                    .isEqualTo("N6 \"Revocation requested\" needs N4 \"SMKI PMA and parties notified\", N5 \"Relevant"
                            + " Device identified\" first");
            assertThat(refusal.rule()).isEmpty();
        }

        @Test
        void refusesAnActorWhoseRoleMayNotDoTheStepNamingTheAllowedRoles() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC);

            Refusal refusal = refusalOf(run.attempt(N2, DCC));

            assertThat(refusal).isEqualTo(new Refusal.WrongActor(NOTIFY.step(N2), DCC));
            assertThat(refusal.message()).isEqualTo("DCC may not do N2 \"DCC notified\"; only SUBSCRIBER may");
        }

        @Test
        void refusesAStepAlreadyDone() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC);

            Refusal refusal = refusalOf(run.attempt(N1, SUBSCRIBER));

            assertThat(refusal).isEqualTo(new Refusal.AlreadyDone(NOTIFY.step(N1), Optional.empty()));
            assertThat(refusal.message()).isEqualTo("N1 \"Compromise detected\" is already done");
        }

        @Test
        void refusesAPerItemStepAlreadyDoneForThatItem() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC);
            run.attempt(N2, SUBSCRIBER);
            run.attempt(N3, DCC);
            run.attempt(Attempt.ofItem(N5, "device-1", DCC, Payload.none()));

            Refusal refusal = refusalOf(run.attempt(Attempt.ofItem(N5, "device-1", DCC, Payload.none())));

            assertThat(refusal.message()).isEqualTo("N5 \"Relevant Device identified\" is already done for device-1");
        }

        @Test
        void refusesAStepWhoseGuardFailsCitingTheGuardsRule() {
            Samples.Decisions decisions = new Samples.Decisions();
            ProcedureRun<Object> run = recoveryKeyRun(decisions);
            run.attempt(R1, PMA);
            run.attempt(R2, DCC);

            Outcome outcome = run.attempt(R5, CUSTODIAN, Payload.of("custodians", "3"));

            Refusal refusal = refusalOf(outcome);
            assertThat(refusal).isEqualTo(new Refusal.GuardFailed(RECOVERY_KEY.step(R5), Samples.DECISION_GATE));
            assertThat(refusal.rule()).contains(RuleId.of("REC-1"));
            assertThat(refusal.message())
                    .isEqualTo("R5 \"Recovery Private Key activated\" is refused by REC-1 decision gate: the Recovery"
                            + " Private Key is activated only when an SMKI PMA decision requires it");
            assertThatThrownBy(outcome::requireAccepted)
                    .isInstanceOf(ProcedureViolationException.class)
                    .hasMessageStartingWith("REC-1: R5 ")
                    .satisfies(e ->
                            assertThat(((ProcedureViolationException) e).rule()).contains(RuleId.of("REC-1")));
        }

        @Test
        void checksGuardsInOrderAgainstTheContextAsItIsWhenAttempted() {
            Samples.Decisions decisions = new Samples.Decisions();
            ProcedureRun<Object> run = recoveryKeyRun(decisions);
            run.attempt(R1, PMA);
            run.attempt(R2, DCC);
            decisions.requireRecoveryKey(true);

            Outcome tooFew = run.attempt(R5, CUSTODIAN, Payload.of("custodians", "2"));
            Outcome enough = run.attempt(R5, CUSTODIAN, Payload.of("custodians", "3"));

            assertThat(refusalOf(tooFew).rule()).contains(RuleId.of("REC-2"));
            assertThat(enough.isAccepted()).isTrue();
        }

        @Test
        void reportsTheFirstReasonInTheDocumentedOrder() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC);

            // N1 is done and SUBSCRIBER may do it: already done.
            assertThat(refusalOf(run.attempt(N1, SUBSCRIBER)).kind()).isEqualTo(Refusal.Kind.ALREADY_DONE);
            // SMKI_PMA may not do N4, whose prerequisites are also missing: the wrong actor is reported.
            assertThat(refusalOf(run.attempt(N4, PMA)).kind()).isEqualTo(Refusal.Kind.WRONG_ACTOR);
        }

        @Test
        void changesNoProgressWhenRefusingButJournalsTheRefusal() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC);
            RunState before = run.state();

            Outcome refused = run.attempt(N3, DCC, Payload.of("ticket", "INC-4"));

            RunState after = run.state();
            assertThat(after.completedAt()).isEqualTo(before.completedAt());
            assertThat(after.timesDone()).isEqualTo(before.timesDone());
            assertThat(after.items()).isEqualTo(before.items());
            assertThat(after.lastSequence()).isEqualTo(before.lastSequence() + 1);
            JournalEntry journalled = run.entries().get(1);
            assertThat(journalled.sequence()).isEqualTo(refused.sequence());
            assertThat(journalled.accepted()).isFalse();
            assertThat(journalled.refusal()).contains(Refusal.Kind.MISSING_PREREQUISITES);
            assertThat(journalled.reason()).contains(refusalOf(refused).message());
            assertThat(journalled.payload()).isEqualTo(PayloadSummary.of("ticket", "INC-4"));
        }
    }

    @Nested
    class Misuse {

        @Test
        void throwsForAnUnknownStepAndJournalsNothing() {
            ProcedureRun<Object> run = notifyRun();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> run.attempt(StepId.of("N9"), DCC))
                    .withMessageStartingWith("N9 is not a step of NOTIFY");
            assertThat(run.entries()).isEmpty();
        }

        @Test
        void throwsWhenAnItemIsMissingOrNotWanted() {
            ProcedureRun<Object> run = notifyRun();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> run.attempt(N5, DCC))
                    .withMessageContaining("is done per item");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> run.attempt(Attempt.ofItem(N1, "device-1", DCC, Payload.none())))
                    .withMessageContaining("is not done per item");
            assertThat(run.entries()).isEmpty();
        }

        @Test
        void decidesNothingInABatchWhenOneAttemptIsMisformed() {
            ProcedureRun<Object> run = notifyRun();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> run.attemptAll(List.of(Attempt.of(N1, DCC), Attempt.of(N5, DCC))));

            assertThat(run.entries()).isEmpty();
            assertThat(run.state().completedSteps()).isEmpty();
        }

        @Test
        void failsTheAttemptWithoutAnyEffectWhenAGuardLacksItsContext() {
            ProcedureRun<Object> run = ProcedureRun.start(RECOVERY_KEY, clock);
            run.attempt(R1, PMA);
            run.attempt(R2, DCC);

            assertThatIllegalStateException()
                    .isThrownBy(() -> run.attemptAll(
                            List.of(Attempt.of(R7, DCC), Attempt.of(R5, CUSTODIAN, Payload.of("custodians", "3")))))
                    .withMessageContaining("reads the run's context, and the run was started without one");
            assertThat(run.entries()).hasSize(2);
            assertThat(run.state().completedSteps()).containsExactlyInAnyOrder(R1, R2);
        }

        @Test
        void refusesAttemptsAfterItIsClosedButStillAnswersQueries() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC);
            run.close();

            assertThatIllegalStateException()
                    .isThrownBy(() -> run.attempt(N2, SUBSCRIBER))
                    .withMessage("The run of NOTIFY is stopped: closed");
            assertThat(run.hasCompleted(N1)).isTrue();
        }
    }

    @Nested
    class Batches {

        @Test
        void decidesABatchInOrderSoLaterAttemptsSeeEarlierOnes() {
            ProcedureRun<Object> run = notifyRun();

            List<Outcome> outcomes = run.attemptAll(List.of(
                    Attempt.of(N2, SUBSCRIBER), Attempt.of(N1, DCC), Attempt.of(N2, SUBSCRIBER), Attempt.of(N2, DCC)));

            assertThat(outcomes).extracting(Outcome::isAccepted).containsExactly(false, true, true, false);
            assertThat(outcomes).extracting(Outcome::sequence).containsExactly(1L, 2L, 3L, 4L);
            assertThat(refusalOf(outcomes.get(3)).kind()).isEqualTo(Refusal.Kind.ALREADY_DONE);
        }

        @Test
        void acceptsAnEmptyBatchWithoutJournalling() {
            ProcedureRun<Object> run = notifyRun();

            assertThat(run.attemptAll(List.of())).isEmpty();
            assertThat(run.state().lastSequence()).isZero();
        }
    }

    @Nested
    class Deadlines {

        @Test
        void reportsADeadlineStillOpenAfterItsDueTime() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC);
            run.attempt(N2, SUBSCRIBER);
            clock.advance(Duration.ofHours(4));
            assertThat(run.breachedDeadlines()).isEmpty();

            clock.advance(Duration.ofMinutes(1));

            assertThat(run.breachedDeadlines()).singleElement().satisfies(breach -> {
                assertThat(breach.deadline().name()).isEqualTo("T_confirm");
                assertThat(breach.due()).isEqualTo(Samples.START.plus(Duration.ofHours(4)));
                assertThat(breach.isOpen()).isTrue();
                assertThat(breach.overdueBy()).isEqualTo(Duration.ofMinutes(1));
            });
        }

        @Test
        void reportsADeadlineMetLateAndNotOneMetInTime() {
            ProcedureRun<Object> run = notifyRun();
            run.attempt(N1, DCC);
            run.attempt(N2, SUBSCRIBER);
            clock.advance(Duration.ofHours(5));
            run.attempt(N3, DCC);
            clock.advance(Duration.ofHours(1));
            run.attempt(N4, DCC);
            clock.advance(Duration.ofDays(1));

            assertThat(run.breachedDeadlines()).singleElement().satisfies(breach -> {
                assertThat(breach.deadline().name()).isEqualTo("T_confirm");
                assertThat(breach.completedAt()).contains(Samples.START.plus(Duration.ofHours(5)));
                assertThat(breach.overdueBy()).isEqualTo(Duration.ofHours(1));
            });
        }

        @Test
        void reportsNoDeadlineBeforeItsStartStepIsDone() {
            ProcedureRun<Object> run = notifyRun();
            clock.advance(Duration.ofDays(30));

            assertThat(run.breachedDeadlines()).isEmpty();
        }
    }

    private ProcedureRun recoveryKeyRun(Samples.Decisions decisions) {
        return ProcedureRun.start(RECOVERY_KEY, Journal.inMemory(), clock, decisions);
    }

    private ProcedureRun recoveryKeyRunUpToActivation() {
        Samples.Decisions decisions = new Samples.Decisions();
        decisions.requireRecoveryKey(true);
        ProcedureRun<Object> run = recoveryKeyRun(decisions);
        run.attempt(R1, PMA).requireAccepted();
        run.attempt(R2, DCC).requireAccepted();
        run.attempt(R5, CUSTODIAN, Payload.of("custodians", "3")).requireAccepted();
        return run;
    }
}
