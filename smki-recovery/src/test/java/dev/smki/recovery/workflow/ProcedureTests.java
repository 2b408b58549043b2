package dev.smki.recovery.workflow;

import static dev.smki.recovery.workflow.Samples.DCC;
import static dev.smki.recovery.workflow.Samples.N1;
import static dev.smki.recovery.workflow.Samples.N2;
import static dev.smki.recovery.workflow.Samples.N3;
import static dev.smki.recovery.workflow.Samples.N4;
import static dev.smki.recovery.workflow.Samples.NOTIFY;
import static dev.smki.recovery.workflow.Samples.QUORUM;
import static dev.smki.recovery.workflow.Samples.R1;
import static dev.smki.recovery.workflow.Samples.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProcedureTests {

    @Nested
    class Building {

        @Test
        void keepsStepsInDefinitionOrderWithTheirPhasesActorsAndPrerequisites() {
            assertThat(NOTIFY.steps()).extracting(Step::id).containsExactly(N1, N2, N3, N4, Samples.N5, Samples.N6);
            Step<Object> n6 = NOTIFY.step(Samples.N6);
            assertThat(n6.phase()).isEqualTo(Phase.POST);
            assertThat(n6.actors()).containsExactly(DCC, SUBSCRIBER);
            assertThat(n6.prerequisites()).containsExactly(N4, Samples.N5);
            assertThat(NOTIFY.step(Samples.N5).multiplicity()).isEqualTo(Multiplicity.PER_ITEM);
            assertThat(n6.describe()).isEqualTo("N6 \"Revocation requested\"");
        }

        @Test
        void recordsWhereAStepComesFrom() {
            Procedure<Object> procedure = Procedure.named("P")
                    .pre(N1, "Detected", DCC)
                    .citing(Confidence.VERIFIED, Citation.of("recovery.md", "§2.1"))
                    .build();

            assertThat(procedure.step(N1).sources()).containsExactly(Citation.of("recovery.md", "§2.1"));
            assertThat(procedure.step(N1).confidence()).contains(Confidence.VERIFIED);
        }

        @Test
        void rejectsAProcedureWithoutSteps() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("EMPTY").build())
                    .withMessage("Procedure EMPTY has no steps");
        }

        @Test
        void rejectsADuplicateStepIdNamingIt() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P")
                            .pre(N1, "Detected", DCC)
                            .pre(N2, "Notified", DCC)
                            .pre(N1, "Detected again", DCC)
                            .build())
                    .withMessageContaining("defines step N1 twice")
                    .withMessageContaining("\"Detected again\"");
        }

        @Test
        void rejectsAnUnknownPrerequisiteNamingBothSteps() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P")
                            .pre(N1, "Detected", DCC)
                            .pre(N2, "Notified", DCC)
                            .after(StepId.of("N9"))
                            .build())
                    .withMessage("Step N2 of P requires N9, which is not a step of P");
        }

        @Test
        void rejectsACycleNamingItsSteps() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P")
                            .pre(N1, "Detected", DCC)
                            .pre(N2, "Notified", DCC)
                            .after(N1, N4)
                            .pre(N3, "Confirmed", DCC)
                            .after(N2)
                            .pre(N4, "Told", DCC)
                            .after(N3)
                            .build())
                    .withMessage("Procedure P has a cycle of prerequisites: N2 → N4 → N3 → N2 (each step requires"
                            + " the next)");
        }

        @Test
        void rejectsAStepRequiringItself() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P")
                            .pre(N1, "Detected", DCC)
                            .after(N1)
                            .build())
                    .withMessageContaining("cycle of prerequisites: N1 → N1");
        }

        @Test
        void rejectsAPrerequisiteFromALaterPhase() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P")
                            .exec(N1, "Sent", DCC)
                            .pre(N2, "Prepared", DCC)
                            .after(N1)
                            .build())
                    .withMessage("Step N2 (PRE) of P requires N1 of the later phase EXEC; prerequisites come from the"
                            + " same or an earlier phase (REC-14)");
        }

        @Test
        void rejectsTheSameGuardTwiceOnAStep() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P")
                            .pre(N1, "Activated", DCC)
                            .guardedBy(QUORUM, QUORUM)
                            .build())
                    .withMessage("Step N1 of P has the guard REC-2 quorum twice");
        }

        @Test
        void rejectsADeadlineBetweenUnknownStepsOrGivenTwice() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P")
                            .pre(N1, "Detected", DCC)
                            .deadline("T_x", N1, N2, Duration.ofHours(1))
                            .build())
                    .withMessage("Deadline T_x of P names N2, which is not a step of P");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P")
                            .pre(N1, "Detected", DCC)
                            .pre(N2, "Notified", DCC)
                            .deadline("T_x", N1, N2, Duration.ofHours(1))
                            .deadline("T_x", N1, N2, Duration.ofHours(2))
                            .build())
                    .withMessage("Procedure P defines deadline T_x twice");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P").deadline("T_x", N1, N2, Duration.ZERO))
                    .withMessageContaining("positive limit");
        }

        @Test
        void rejectsModifiersBeforeAnyStep() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> Procedure.named("P").after(N1))
                    .withMessageContaining("after(...) applies to the current step");
        }

        @Test
        void rejectsAStepThatIsBothRepeatableAndPerItem() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> Procedure.named("P")
                            .exec(N1, "Reported", DCC)
                            .repeatable()
                            .perItem())
                    .withMessage("Step N1 is already REPEATABLE; it cannot also be PER_ITEM");
        }

        @Test
        void rejectsMalformedNamesAndNulls() {
            assertThatIllegalArgumentException().isThrownBy(() -> Procedure.named("1NOTIFY"));
            assertThatIllegalArgumentException().isThrownBy(() -> Actor.of("SMKI PMA"));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("P").pre(N1, " ", DCC).build())
                    .withMessage("Step N1 needs a one-line title");
            assertThatNullPointerException()
                    .isThrownBy(() -> Procedure.named("P").pre(N1, "Detected", null))
                    .withMessage("actor");
        }

        @Test
        void refusesAGuardWithoutStatementOrSource() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> Guard.rule(RuleId.of("REC-9"), "progress").when(in -> true))
                    .withMessageContaining("set stating(...) and citing(...) before when(...)");
        }
    }

    @Nested
    class Identity {

        @Test
        void hasTheSameDefinitionHashWhenDefinedTheSameWay() {
            assertThat(sample(Duration.ofHours(4)).definitionHash())
                    .isEqualTo(sample(Duration.ofHours(4)).definitionHash())
                    .hasSize(64)
                    .matches("[0-9a-f]{64}");
        }

        @Test
        void changesItsDefinitionHashWithAnyChangeToTheDefinition() {
            String base = sample(Duration.ofHours(4)).definitionHash();

            assertThat(sample(Duration.ofHours(5)).definitionHash()).isNotEqualTo(base);
            assertThat(Procedure.named("P")
                            .pre(N1, "Detected", DCC)
                            .pre(N2, "Notified", DCC, SUBSCRIBER)
                            .after(N1)
                            .deadline("T_x", N1, N2, Duration.ofHours(4))
                            .build()
                            .definitionHash())
                    .isNotEqualTo(base);
            assertThat(Procedure.named("P")
                            .pre(N1, "Detected", DCC)
                            .pre(N2, "Notified", DCC)
                            .after(N1)
                            .guardedBy(QUORUM)
                            .deadline("T_x", N1, N2, Duration.ofHours(4))
                            .build()
                            .definitionHash())
                    .isNotEqualTo(base);
        }

        @Test
        void replacesANamedDurationLeavingTheOriginalUnchanged() {
            Procedure<Object> tighter = NOTIFY.withDeadline("T_confirm", Duration.ofMinutes(30));

            assertThat(tighter.deadline("T_confirm").orElseThrow().limit()).isEqualTo(Duration.ofMinutes(30));
            assertThat(NOTIFY.deadline("T_confirm").orElseThrow().limit()).isEqualTo(Duration.ofHours(4));
            assertThat(tighter.definitionHash()).isNotEqualTo(NOTIFY.definitionHash());
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> NOTIFY.withDeadline("T_none", Duration.ofHours(1)))
                    .withMessage("NOTIFY has no deadline 'T_none'; its deadlines are [T_confirm, T_notifyPMA]");
        }

        @Test
        void namesItsStepsWhenAskedForAnUnknownOne() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> NOTIFY.step(StepId.of("X1")))
                    .withMessage("X1 is not a step of NOTIFY; its steps are [N1, N2, N3, N4, N5, N6]");
        }

        private Procedure sample(Duration limit) {
            return Procedure.named("P")
                    .pre(N1, "Detected", DCC)
                    .pre(N2, "Notified", DCC)
                    .after(N1)
                    .deadline("T_x", N1, N2, limit)
                    .build();
        }
    }

    @Nested
    class Composition {

        private final Procedure<Object> decide = Procedure.named("DECIDE")
                .pre(R1, "Decision to use the Recovery Private Key", Samples.PMA)
                .citing(Confidence.VERIFIED, Citation.of("recovery.md", "§2.2"))
                .deadline("T_decide", R1, StepId.of("R1x"), Duration.ofHours(1))
                .pre(StepId.of("R1x"), "Decision communicated", Samples.PMA)
                .after(R1)
                .build();

        @Test
        void includesTheStepsAndDeadlinesOfEachPartAndLinksThemByAmendingAStep() {
            Procedure<Object> incident = Procedure.named("INCIDENT")
                    .include(NOTIFY)
                    .include(decide)
                    .amend(R1)
                    .after(N2)
                    .build();

            assertThat(incident.steps())
                    .extracting(Step::id)
                    .containsExactly(N1, N2, N3, N4, Samples.N5, Samples.N6, R1, StepId.of("R1x"));
            assertThat(incident.step(R1).prerequisites()).containsExactly(N2);
            assertThat(incident.step(R1).sources()).containsExactly(Citation.of("recovery.md", "§2.2"));
            assertThat(incident.step(Samples.N5).multiplicity()).isEqualTo(Multiplicity.PER_ITEM);
            assertThat(incident.step(N3).phase()).isEqualTo(Phase.EXEC);
            assertThat(incident.deadlines())
                    .extracting(Deadline::name)
                    .containsExactly("T_confirm", "T_notifyPMA", "T_decide");
        }

        @Test
        void includesAPartInOnePhaseSoThatItMayFollowALaterPhase() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Procedure.named("INCIDENT")
                            .include(NOTIFY)
                            .include(decide)
                            .amend(R1)
                            .after(Samples.N6)
                            .build())
                    .withMessageContaining("requires N6 of the later phase POST");

            Procedure<Object> incident = Procedure.named("INCIDENT")
                    .include(NOTIFY)
                    .include(decide, Phase.POST)
                    .amend(R1)
                    .after(Samples.N6)
                    .build();

            assertThat(incident.step(R1).phase()).isEqualTo(Phase.POST);
            assertThat(incident.step(StepId.of("R1x")).phase()).isEqualTo(Phase.POST);
        }

        @Test
        void amendsAStepDefinedEarlierWithGuardsAndMultiplicity() {
            Procedure<Object> procedure = Procedure.named("P")
                    .pre(N1, "Detected", DCC)
                    .pre(N2, "Notified", DCC)
                    .amend(N1)
                    .guardedBy(QUORUM)
                    .repeatable()
                    .amend(N2)
                    .after(N1)
                    .build();

            assertThat(procedure.step(N1).guards()).containsExactly(QUORUM);
            assertThat(procedure.step(N1).multiplicity()).isEqualTo(Multiplicity.REPEATABLE);
            assertThat(procedure.step(N2).prerequisites()).containsExactly(N1);
        }

        @Test
        void rejectsAmendingAStepNotDefinedYetAndModifiersRightAfterAnInclude() {
            assertThatIllegalArgumentException()
                    .isThrownBy(
                            () -> Procedure.named("P").pre(N1, "Detected", DCC).amend(N2))
                    .withMessage("Procedure P has no step N2 to amend yet; define or include it first");
            assertThatIllegalStateException()
                    .isThrownBy(() -> Procedure.named("P").include(NOTIFY).after(N1))
                    .withMessageContaining("after(...) applies to the current step");
        }

        @Test
        void rejectsAStepIncludedTwice() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            Procedure.named("P").include(NOTIFY).include(NOTIFY).build())
                    .withMessageContaining("defines step N1 twice");
        }

        @Test
        void leavesStepsOutKeepingTheOrderTheyImplied() {
            Procedure<Object> shorter = NOTIFY.without(List.of(N3, N4));

            assertThat(shorter.steps()).extracting(Step::id).containsExactly(N1, N2, Samples.N5, Samples.N6);
            assertThat(shorter.step(Samples.N5).prerequisites()).containsExactly(N2);
            assertThat(shorter.step(Samples.N6).prerequisites()).containsExactly(N2, Samples.N5);
            assertThat(shorter.deadlines()).isEmpty();
            assertThat(shorter.definitionHash()).isNotEqualTo(NOTIFY.definitionHash());
            assertThat(NOTIFY.without(List.of())).isSameAs(NOTIFY);
        }

        @Test
        void refusesToLeaveOutAnUnknownStepOrEveryStep() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> NOTIFY.without(List.of(StepId.of("N9"))))
                    .withMessageContaining("N9 is not a step of NOTIFY");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> decide.without(List.of(R1, StepId.of("R1x"))))
                    .withMessage("Omitting [R1, R1x] leaves DECIDE without steps");
        }
    }
}
