package dev.smki.core.profile;

/** How much a broken rule matters. */
public enum Severity {
    /** A requirement (MUST) is broken: the certificate does not conform. */
    ERROR,
    /** An observed convention (such as 16-octet serials) is not followed; the certificate may still conform. */
    WARN
}
