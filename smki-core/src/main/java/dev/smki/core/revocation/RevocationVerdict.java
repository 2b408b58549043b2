package dev.smki.core.revocation;

/** What became of a request to revoke a certificate ({@link RevocationOutcome}) or RA credentials ({@link RaRevocationOutcome}). */
public enum RevocationVerdict {
    /** It was revoked; a certificate goes on the next CRL or ARL. */
    REVOKED,
    /** A rule refused the request; nothing changed. */
    REFUSED,
    /** Section L16 displaces Appendix D §8: the request waits until the SMKI PMA's delay ends (certificates only). */
    HELD
}
