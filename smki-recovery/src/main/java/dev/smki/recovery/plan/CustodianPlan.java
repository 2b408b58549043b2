package dev.smki.recovery.plan;

import java.util.Objects;

/**
 * A Key Custodian on the roster.
 *
 * @param id the custodian's id, such as {@code KC-01}
 * @param party the SEC Party that employs them
 */
public record CustodianPlan(String id, String party) {

    /**
     * Checks the components.
     *
     * @param id the custodian's id, such as {@code KC-01}
     * @param party the SEC Party that employs them
     * @throws NullPointerException when a component is null
     */
    public CustodianPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(party, "party");
    }
}
