package dev.smki.recovery.plan;

import java.util.Objects;

/**
 * A Key Custodian on the roster.
 *
 * @param id the custodian's id, such as {@code KC-01}
 * @param party the SEC Party that employs them
 */
public record CustodianPlan(String id, String party) {

    public CustodianPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(party, "party");
    }
}
