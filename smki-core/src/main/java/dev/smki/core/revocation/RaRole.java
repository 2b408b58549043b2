package dev.smki.core.revocation;

/** The role of someone holding SMKI Registration Authority credentials (SEC Appendix D). */
public enum RaRole {
    /** An SMKI Registration Authority Manager. */
    RA_MANAGER,
    /** Other SMKI Registration Authority personnel. */
    RA_PERSONNEL;

    /** {@return the requester kind of someone acting in this role} */
    public RequesterKind requesterKind() {
        return this == RA_MANAGER ? RequesterKind.RA_MANAGER : RequesterKind.RA_PERSONNEL;
    }
}
