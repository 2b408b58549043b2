package dev.smki.recovery.procedures;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SMKI Recovery Key Guidance (SEC Section L10.9) as data: the factors the SMKI PMA must take into account
 * when deciding whether to require the Recovery or Contingency Private Key (L10.9(a)), the factors it may take
 * into account (b), their weights (c), and the steps it must follow before deciding (d).
 *
 * <p>That the Guidance has these four parts is verified (recovery.md §2.2); its contents are not: every factor,
 * weight, step and the threshold below are {@linkplain Confidence#RECONSTRUCTED reconstructed}, to be replaced
 * by the official text with {@link #withFactor}, {@link #withoutFactor}, {@link #withPreDecisionStep},
 * {@link #withThreshold} or a settings file (see {@link ProcedureSettings#load}).
 *
 * <p>Step D2 of {@link Decide} applies the Guidance: its payload is an {@link Assessment} answering every factor
 * it considers, and D2 is refused unless every mandatory factor is answered and every pre-decision step is done.
 * {@link #advise} weighs the answers: when the factors that hold weigh at least the threshold, the advice is the
 * mechanism recovery.md §1.5 associates with the compromised key, otherwise no key use. The SMKI PMA's decision
 * (D3) may differ from the advice; the Guidance informs it.
 */
public final class RecoveryKeyGuidance {

    /** Pre-decision step ids take the form of factor ids, such as P1. */
    private static final Pattern ID = FactorId.FORM;

    /** Where the Guidance's existence and shape come from. */
    public static final Citation SOURCE = Sources.L10_9;

    private final Map<FactorId, Factor> factors;
    private final Map<String, PreDecisionStep> preDecisionSteps;
    private final int threshold;

    private RecoveryKeyGuidance(
            Map<FactorId, Factor> factors, Map<String, PreDecisionStep> preDecisionSteps, int threshold) {
        this.factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        this.preDecisionSteps = Collections.unmodifiableMap(new LinkedHashMap<>(preDecisionSteps));
        this.threshold = threshold;
    }

    /** {@return the reconstructed Guidance: four mandatory factors, two optional ones, two pre-decision steps} */
    public static RecoveryKeyGuidance defaults() {
        Map<FactorId, Factor> factors = new LinkedHashMap<>();
        for (Factor factor : List.of(
                Factor.mandatory("F1", 3, "The compromise is confirmed, not only suspected"),
                Factor.mandatory(
                        "F2",
                        4,
                        "The Relevant Subscriber cannot replace its own trust anchors (Method 1) before the"
                                + " compromised key can be misused"),
                Factor.mandatory("F3", 2, "Many Relevant Devices stay exposed until their trust anchors change"),
                Factor.mandatory("F4", 2, "Consumers' supply is at risk, for example prepayment customers"),
                Factor.optional("F5", 1, "The SMKI Specialist advises using the key"),
                Factor.optional(
                        "F6",
                        -2,
                        "Using the key spends contingency material or exposes the Recovery key to further use"))) {
            factors.put(factor.id(), factor);
        }
        Map<String, PreDecisionStep> steps = new LinkedHashMap<>();
        for (PreDecisionStep step : List.of(
                PreDecisionStep.of("P1", "The DCC's impact data (Relevant Devices and Subscribers) considered"),
                PreDecisionStep.of("P2", "The Relevant Subscriber heard"))) {
            steps.put(step.id(), step);
        }
        return new RecoveryKeyGuidance(factors, steps, 5);
    }

    /** {@return the factors, mandatory and optional, in the order given} */
    public List<Factor> factors() {
        return List.copyOf(factors.values());
    }

    /**
     * {@return the factor {@code id}, if the Guidance has it}
     *
     * @param id the id
     */
    public Optional<Factor> factor(FactorId id) {
        return Optional.ofNullable(factors.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * {@return the factor {@code id}, such as {@code F1}, if the Guidance has it}
     *
     * @param id the id
     * @throws IllegalArgumentException when {@code id} is not a factor id ({@link FactorId})
     */
    public Optional<Factor> factor(String id) {
        return factor(FactorId.of(id));
    }

    /** {@return the steps the SMKI PMA must follow before deciding, in the order given} */
    public List<PreDecisionStep> preDecisionSteps() {
        return List.copyOf(preDecisionSteps.values());
    }

    /** {@return the weight at or above which the advice is to use a key} */
    public int threshold() {
        return threshold;
    }

    /**
     * {@return a copy with {@code factor} added, or replacing the factor with its id}
     *
     * @param factor the factor
     */
    public RecoveryKeyGuidance withFactor(Factor factor) {
        Objects.requireNonNull(factor, "factor");
        Map<FactorId, Factor> changed = new LinkedHashMap<>(factors);
        changed.put(factor.id(), factor);
        return new RecoveryKeyGuidance(changed, preDecisionSteps, threshold);
    }

    /**
     * {@return a copy without the factor {@code id}}
     *
     * @param id the id
     * @throws IllegalArgumentException when the Guidance has no such factor
     */
    public RecoveryKeyGuidance withoutFactor(FactorId id) {
        if (!factors.containsKey(Objects.requireNonNull(id, "id"))) {
            throw new IllegalArgumentException(
                    "The Recovery Key Guidance has no factor " + id + "; its factors are " + factors.keySet());
        }
        Map<FactorId, Factor> changed = new LinkedHashMap<>(factors);
        changed.remove(id);
        return new RecoveryKeyGuidance(changed, preDecisionSteps, threshold);
    }

    /**
     * {@return a copy without the factor {@code id}, such as {@code F6}}
     *
     * @param id the id
     * @throws IllegalArgumentException when {@code id} is not a factor id ({@link FactorId}) or the Guidance has no
     *     such factor
     */
    public RecoveryKeyGuidance withoutFactor(String id) {
        return withoutFactor(FactorId.of(id));
    }

    /**
     * {@return a copy with {@code step} added, or replacing the step with its id}
     *
     * @param step the step
     */
    public RecoveryKeyGuidance withPreDecisionStep(PreDecisionStep step) {
        Objects.requireNonNull(step, "step");
        Map<String, PreDecisionStep> changed = new LinkedHashMap<>(preDecisionSteps);
        changed.put(step.id(), step);
        return new RecoveryKeyGuidance(factors, changed, threshold);
    }

    /**
     * {@return a copy without the pre-decision step {@code id}}
     *
     * @param id the id
     * @throws IllegalArgumentException when the Guidance has no such step
     */
    public RecoveryKeyGuidance withoutPreDecisionStep(String id) {
        if (!preDecisionSteps.containsKey(id)) {
            throw new IllegalArgumentException("The Recovery Key Guidance has no pre-decision step " + id
                    + "; its steps are " + preDecisionSteps.keySet());
        }
        Map<String, PreDecisionStep> changed = new LinkedHashMap<>(preDecisionSteps);
        changed.remove(id);
        return new RecoveryKeyGuidance(factors, changed, threshold);
    }

    /**
     * {@return a copy advising key use at or above {@code newThreshold}}
     *
     * @param newThreshold the weight at or above which the advice is to use a key
     * @throws IllegalArgumentException when {@code newThreshold} is negative
     */
    public RecoveryKeyGuidance withThreshold(int newThreshold) {
        if (newThreshold < 0) {
            throw new IllegalArgumentException("guidance.threshold must be 0 or more, not " + newThreshold);
        }
        return new RecoveryKeyGuidance(factors, preDecisionSteps, newThreshold);
    }

    /**
     * {@return a builder of an assessment of {@code compromised} under this Guidance}
     *
     * @param compromised the kind of key compromised
     */
    public Assessment.Builder assess(CompromisedKey compromised) {
        return new Assessment.Builder(this, Objects.requireNonNull(compromised, "compromised"));
    }

    /**
     * {@return what the Guidance still needs before the SMKI PMA may decide on {@code assessment}: each mandatory
     * factor left unanswered and each pre-decision step not done, by id; empty when it is complete}
     *
     * @param assessment the assessment
     */
    public List<String> missing(Assessment assessment) {
        Objects.requireNonNull(assessment, "assessment");
        List<String> missing = new ArrayList<>();
        for (Factor factor : factors.values()) {
            if (factor.kind() == FactorKind.MANDATORY && !assessment.answers().containsKey(factor.id())) {
                missing.add("factor " + factor.id());
            }
        }
        for (PreDecisionStep step : preDecisionSteps.values()) {
            if (!assessment.stepsDone().contains(step.id())) {
                missing.add("step " + step.id());
            }
        }
        return List.copyOf(missing);
    }

    /**
     * {@return the weight of the factors that hold in {@code assessment}}
     *
     * @param assessment the assessment
     */
    public int weigh(Assessment assessment) {
        Objects.requireNonNull(assessment, "assessment");
        int total = 0;
        for (Map.Entry<FactorId, Boolean> answer : assessment.answers().entrySet()) {
            Factor factor = factors.get(answer.getKey());
            if (factor != null && answer.getValue()) {
                total += factor.weight();
            }
        }
        return total;
    }

    /**
     * {@return the mechanism the Guidance advises for {@code assessment}: the compromised key's usual mechanism
     * (recovery.md §1.5) when the factors that hold weigh at least the threshold, otherwise
     * {@link RecoveryMechanism#NONE}}
     *
     * @param assessment the assessment
     * @throws IllegalStateException when the assessment is incomplete ({@link #missing} is not empty)
     */
    public RecoveryMechanism advise(Assessment assessment) {
        List<String> missing = missing(assessment);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The Recovery Key Guidance cannot advise yet: " + missing + " missing");
        }
        return weigh(assessment) >= threshold ? assessment.compromised().usualMechanism() : RecoveryMechanism.NONE;
    }

    /**
     * {@return a copy changed by the {@code guidance.*} properties of {@code properties}:
     * {@code guidance.threshold=N}; {@code guidance.factor.ID=mandatory|optional,WEIGHT,QUESTION} adds or
     * replaces a factor and {@code guidance.factor.ID=none} removes it; {@code guidance.step.ID=DESCRIPTION}
     * adds or replaces a pre-decision step and {@code guidance.step.ID=none} removes it}
     *
     * @param properties the settings, as properties
     * @throws SettingsException naming the property when one is malformed
     */
    public RecoveryKeyGuidance withProperties(Map<String, String> properties) {
        RecoveryKeyGuidance result = this;
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            String key = entry.getKey();
            try {
                result = result.withProperty(key, entry.getValue().trim());
            } catch (SettingsException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new SettingsException(key, e.getMessage(), e);
            }
        }
        return result;
    }

    private RecoveryKeyGuidance withProperty(String key, String value) {
        if (key.equals("guidance.threshold")) {
            try {
                return withThreshold(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new SettingsException(key, key + " must be a whole number, not '" + value + "'", e);
            }
        } else if (key.startsWith("guidance.factor.")) {
            FactorId id = FactorId.of(key.substring("guidance.factor.".length()));
            if (value.equalsIgnoreCase("none")) {
                return withoutFactor(id);
            }
            String[] parts = value.split(",", 3);
            if (parts.length != 3) {
                throw new SettingsException(
                        key, key + " is written mandatory|optional,WEIGHT,QUESTION; got '" + value + "'");
            }
            FactorKind kind = FactorKind.parse(parts[0], key);
            int weight;
            try {
                weight = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new SettingsException(
                        key, key + ": the weight must be a whole number, not '" + parts[1].trim() + "'", e);
            }
            return withFactor(new Factor(id, kind, weight, parts[2].trim(), Confidence.RECONSTRUCTED));
        } else if (key.startsWith("guidance.step.")) {
            String id = key.substring("guidance.step.".length());
            return value.equalsIgnoreCase("none")
                    ? withoutPreDecisionStep(id)
                    : withPreDecisionStep(PreDecisionStep.of(id, value));
        } else if (key.startsWith("guidance.")) {
            throw new SettingsException(
                    key,
                    "Unknown Guidance property " + key
                            + " (expected guidance.threshold, guidance.factor.ID or guidance.step.ID)");
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecoveryKeyGuidance g
                && factors.equals(g.factors)
                && preDecisionSteps.equals(g.preDecisionSteps)
                && threshold == g.threshold;
    }

    @Override
    public int hashCode() {
        return Objects.hash(factors, preDecisionSteps, threshold);
    }

    /** Returns the factors, steps and threshold in one line. */
    @Override
    public String toString() {
        return "RecoveryKeyGuidance[factors " + factors.keySet() + ", steps " + preDecisionSteps.keySet()
                + ", threshold " + threshold + "]";
    }

    private static String checkId(String id, String what) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A " + what + " id is a letter then up to 31 letters, digits, '-' or"
                    + " '_', such as F1; got '" + id + "'");
        }
        return id;
    }

    /** Whether the SMKI PMA must (L10.9(a)) or may (L10.9(b)) take a factor into account. */
    public enum FactorKind {
        /** A factor the SMKI PMA must take into account. */
        MANDATORY,
        /** A factor the SMKI PMA may take into account. */
        OPTIONAL;

        static FactorKind parse(String text, String property) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        property + ": a factor is mandatory or optional, not '" + text.trim() + "'");
            }
        }
    }

    /**
     * One factor of the Guidance: a question whose answer, when it holds, weighs towards using a key (a negative
     * weight weighs against).
     *
     * @param id the factor's id, such as {@code F1}
     * @param kind whether it must or may be taken into account
     * @param weight its weight (L10.9(c))
     * @param question what the SMKI PMA asks, one sentence
     * @param confidence how sure we are of the factor
     */
    public record Factor(FactorId id, FactorKind kind, int weight, String question, Confidence confidence) {

        /**
         * Checks the factor.
         *
         * @param id the factor's id, such as {@code F1}
         * @param kind whether it must or may be taken into account
         * @param weight its weight (L10.9(c))
         * @param question what the SMKI PMA asks, one sentence
         * @param confidence how sure we are of the factor
         * @throws IllegalArgumentException when the question is blank
         */
        public Factor {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(confidence, "confidence");
            if (question.isBlank()) {
                throw new IllegalArgumentException("Factor " + id + " asks no question");
            }
        }

        /**
         * {@return a reconstructed mandatory factor}
         *
         * @param id the id
         * @param weight its weight
         * @param question what the SMKI PMA asks, one sentence
         * @throws IllegalArgumentException when {@code id} is not a factor id or the question is blank
         */
        public static Factor mandatory(String id, int weight, String question) {
            return new Factor(FactorId.of(id), FactorKind.MANDATORY, weight, question, Confidence.RECONSTRUCTED);
        }

        /**
         * {@return a reconstructed optional factor}
         *
         * @param id the id
         * @param weight its weight
         * @param question what the SMKI PMA asks, one sentence
         * @throws IllegalArgumentException when {@code id} is not a factor id or the question is blank
         */
        public static Factor optional(String id, int weight, String question) {
            return new Factor(FactorId.of(id), FactorKind.OPTIONAL, weight, question, Confidence.RECONSTRUCTED);
        }
    }

    /**
     * A step the SMKI PMA must follow before deciding (L10.9(d)).
     *
     * @param id the step's id, such as {@code P1}
     * @param description what is done, one sentence
     * @param confidence how sure we are of the step
     */
    public record PreDecisionStep(String id, String description, Confidence confidence) {

        /**
         * Checks the components.
         *
         * @param id the step's id, such as {@code P1}
         * @param description what is done, one sentence
         * @param confidence how sure we are of the step
         * @throws NullPointerException when a component is null
         */
        public PreDecisionStep {
            checkId(id, "pre-decision step");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(confidence, "confidence");
        }

        /**
         * {@return a reconstructed pre-decision step}
         *
         * @param id the id
         * @param description what it is, one sentence
         */
        public static PreDecisionStep of(String id, String description) {
            return new PreDecisionStep(id, description, Confidence.RECONSTRUCTED);
        }
    }

    /**
     * The SMKI PMA's application of the Guidance to one compromise (step D2): which factors hold, which pre-decision
     * steps are done. It is D2's payload; its summary records the answers, the steps and the weight.
     *
     * @param guidance the Guidance applied
     * @param compromised the kind of key compromised
     * @param answers whether each factor answered holds, by factor id
     * @param stepsDone the pre-decision steps done, by id
     */
    public record Assessment(
            RecoveryKeyGuidance guidance,
            CompromisedKey compromised,
            Map<FactorId, Boolean> answers,
            Set<String> stepsDone)
            implements Payload {

        /**
         * Checks the components.
         *
         * @param guidance the Guidance applied
         * @param compromised the kind of key compromised
         * @param answers whether each factor answered holds, by factor id
         * @param stepsDone the pre-decision steps done, by id
         * @throws NullPointerException when a component is null
         */
        public Assessment {
            Objects.requireNonNull(guidance, "guidance");
            Objects.requireNonNull(compromised, "compromised");
            answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
            stepsDone = Collections.unmodifiableSet(new LinkedHashSet<>(stepsDone));
        }

        /** Returns the answers, steps done and weight, for the journal. */
        @Override
        public PayloadSummary summary() {
            PayloadSummary.Builder b = PayloadSummary.builder().put("compromised", compromised.name());
            answers.forEach((id, holds) -> b.put("factor." + id, holds));
            b.put("steps", String.join(",", stepsDone));
            b.put("weight", guidance.weigh(this));
            return b.build();
        }

        /** Builds an {@link Assessment}. */
        public static final class Builder {
            private final RecoveryKeyGuidance guidance;
            private final CompromisedKey compromised;
            private final Map<FactorId, Boolean> answers = new LinkedHashMap<>();
            private final Set<String> stepsDone = new LinkedHashSet<>();

            private Builder(RecoveryKeyGuidance guidance, CompromisedKey compromised) {
                this.guidance = guidance;
                this.compromised = compromised;
            }

            /**
             * Records whether factor {@code id} holds.
             *
             * @param id the id
             * @param holds whether it holds
             * @return this builder
             * @throws IllegalArgumentException when the Guidance has no such factor
             */
            public Builder answer(FactorId id, boolean holds) {
                if (!guidance.factors.containsKey(Objects.requireNonNull(id, "id"))) {
                    throw new IllegalArgumentException("The Recovery Key Guidance has no factor " + id
                            + "; its factors are " + guidance.factors.keySet());
                }
                answers.put(id, holds);
                return this;
            }

            /**
             * Records whether factor {@code id}, such as {@code F1}, holds.
             *
             * @param id the id
             * @param holds whether it holds
             * @return this builder
             * @throws IllegalArgumentException when {@code id} is not a factor id or the Guidance has no such factor
             */
            public Builder answer(String id, boolean holds) {
                return answer(FactorId.of(id), holds);
            }

            /**
             * Records that every factor of the Guidance holds or not as {@code holds} says, by id.
             *
             * @param holds whether it holds
             * @return this builder
             */
            public Builder answerAll(Map<String, Boolean> holds) {
                holds.forEach(this::answer);
                return this;
            }

            /**
             * Records that pre-decision step {@code id} is done.
             *
             * @param id the id
             * @return this builder
             * @throws IllegalArgumentException when the Guidance has no such step
             */
            public Builder done(String id) {
                if (!guidance.preDecisionSteps.containsKey(id)) {
                    throw new IllegalArgumentException("The Recovery Key Guidance has no pre-decision step " + id
                            + "; its steps are " + guidance.preDecisionSteps.keySet());
                }
                stepsDone.add(id);
                return this;
            }

            /**
             * Records every pre-decision step as done.
             *
             * @return this builder
             */
            public Builder allStepsDone() {
                stepsDone.addAll(guidance.preDecisionSteps.keySet());
                return this;
            }

            /** {@return the assessment} */
            public Assessment build() {
                return new Assessment(guidance, compromised, answers, stepsDone);
            }
        }
    }
}
