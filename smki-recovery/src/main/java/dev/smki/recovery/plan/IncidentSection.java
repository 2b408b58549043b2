package dev.smki.recovery.plan;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.recovery.incident.CompromisedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code incident} section of a plan: which key is compromised or suspected.
 * Each problem is reported to the {@link PlanReader} with where it is.
 */
final class IncidentSection {

    private IncidentSection() {}

    static IncidentPlan incident(PlanReader r, PlanNode map, ExercisePlan base) {
        r.known(map, "compromised", "role", "usage", "credentials");
        IncidentPlan b = base == null ? null : base.incident();
        PlanNode at = map.fields.get("compromised");
        Optional<CompromisedKey> compromised = b == null ? Optional.empty() : b.compromised();
        if (at != null) {
            compromised = at.isScalar() && (at.text.isEmpty() || at.text.equalsIgnoreCase("none"))
                    ? Optional.empty()
                    : Optional.ofNullable(r.enumValue(map, "compromised", CompromisedKey.class, null));
        } else if (b == null) {
            r.problem(map, "'compromised' is missing");
        }
        RemotePartyRole role = r.enumValue(map, "role", RemotePartyRole.class, b == null ? null : b.role());
        CertificateUsage usage = r.enumValue(map, "usage", CertificateUsage.class, b == null ? null : b.usage());
        List<OrganisationCredential> credentials = b == null ? List.of() : b.credentials();
        if (map.fields.containsKey("credentials")) {
            credentials = new ArrayList<>();
            for (String stem : r.strings(map, "credentials")) {
                try {
                    OrganisationCredential credential = OrganisationCredential.parse(stem);
                    if (role != null && credential.role() != role) {
                        r.problem(map.fields.get("credentials"), "credential " + stem + " is not of the role " + role);
                    }
                    credentials.add(credential);
                } catch (IllegalArgumentException e) {
                    r.problem(map.fields.get("credentials"), e.getMessage());
                }
            }
        }
        return r.hasProblems() ? null : new IncidentPlan(compromised, role, usage, credentials);
    }
}
