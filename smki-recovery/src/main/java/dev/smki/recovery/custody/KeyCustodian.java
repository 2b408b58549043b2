package dev.smki.recovery.custody;

import java.time.Instant;
import java.util.Objects;

/**
 * A Key Custodian: an employee of a SEC Party who holds key shares and must attend recovery key ceremonies
 * (SECAS "Key Custodian Nominations", 2019; recovery.md §1.1).
 *
 * @param id the custodian's identifier
 * @param name the custodian's name
 * @param party the SEC Party that employs the custodian
 * @param status where the custodian is in the lifecycle
 * @param since when the custodian reached that status
 */
public record KeyCustodian(CustodianId id, String name, String party, CustodianStatus status, Instant since) {

    /**
     * Checks the components.
     *
     * @param id the custodian's identifier
     * @param name the custodian's name
     * @param party the SEC Party that employs the custodian
     * @param status where the custodian is in the lifecycle
     * @param since when the custodian reached that status
     * @throws NullPointerException when a component is null
     */
    public KeyCustodian {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
    }

    /** {@return whether the custodian is currently appointed, so their shares count} */
    public boolean isAppointed() {
        return status == CustodianStatus.APPOINTED;
    }

    /**
     * {@return a copy in {@code newStatus} from {@code at}}
     *
     * @param newStatus the new status
     * @param at when it happens
     */
    public KeyCustodian withStatus(CustodianStatus newStatus, Instant at) {
        return new KeyCustodian(id, name, party, newStatus, at);
    }
}
