package dev.smki.recovery.plan;

import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.procedures.RecoveryKeyReplacement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code decisions} section of a plan: what the SMKI PMA and the DCC decide.
 * Each problem is reported to the {@link PlanReader} with where it is.
 */
final class DecisionsSection {

    private DecisionsSection() {}

    static DecisionsPlan decisions(PlanReader r, PlanNode map, ExercisePlan base) {
        r.known(
                map,
                "mechanism",
                "guidance",
                "confirmationMechanism",
                "confirmedWith",
                "directionUse",
                "directionWindow",
                "afterUse",
                "afterUseReason",
                "authorisingKey",
                "solrEnd");
        DecisionsPlan b = base == null ? null : base.decisions();
        RecoveryMechanism mechanism =
                r.enumValue(map, "mechanism", RecoveryMechanism.class, b == null ? null : b.mechanism());
        Map<String, Boolean> guidance = b == null ? null : b.guidance();
        PlanNode guidanceAt = map.fields.get("guidance");
        if (guidanceAt != null) {
            guidance = new LinkedHashMap<>();
            if (!guidanceAt.isMap()) {
                r.problem(guidanceAt, "guidance is a map of factor id to true or false, such as F1: true");
            } else {
                for (Map.Entry<String, PlanNode> e : guidanceAt.fields.entrySet()) {
                    String t = e.getValue().isScalar() ? e.getValue().text : "";
                    if (t.equals("true") || t.equals("false")) {
                        guidance.put(e.getKey(), Boolean.parseBoolean(t));
                    } else {
                        r.problem(e.getValue(), "the answer to " + e.getKey() + " is true or false");
                    }
                }
            }
        } else if (b == null) {
            r.problem(map, "'guidance' is missing");
        }
        String confirmation = r.text(map, "confirmationMechanism", b == null ? null : b.confirmationMechanism());
        String with = r.text(map, "confirmedWith", b == null ? null : b.confirmedWith());
        String use = r.text(map, "directionUse", b == null ? null : b.directionUse());
        Duration window = r.duration(map, "directionWindow", b == null ? null : b.directionWindow());
        RecoveryKeyReplacement.Outcome afterUse =
                r.enumValue(map, "afterUse", RecoveryKeyReplacement.Outcome.class, b == null ? null : b.afterUse());
        String reason = r.text(map, "afterUseReason", b == null ? null : b.afterUseReason());
        RecoveryKeyReplacement.AuthorisingKey key = r.enumValue(
                map,
                "authorisingKey",
                RecoveryKeyReplacement.AuthorisingKey.class,
                b == null ? null : b.authorisingKey());
        SolrEndCondition end = r.enumValue(map, "solrEnd", SolrEndCondition.class, b == null ? null : b.solrEnd());
        if (r.hasProblems()) {
            return null;
        }
        return new DecisionsPlan(mechanism, guidance, confirmation, with, use, window, afterUse, reason, key, end);
    }
}
