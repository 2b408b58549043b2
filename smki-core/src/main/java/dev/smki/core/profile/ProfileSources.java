package dev.smki.core.profile;

import dev.smki.core.provenance.Citation;

/** The sources the certificate rules cite, named as in the research notes (certificates.md §0). */
final class ProfileSources {

    /** GBCS Section 12, rules common to every certificate a Device processes (certificates.md S1). */
    static final Citation GBCS_GENERAL = Citation.of("GBCS", "§12 general certificate rules (S1)");

    /** GBCS Section 12, Device Certificate rules (certificates.md S2). */
    static final Citation GBCS_DEVICE = Citation.of("GBCS", "§12 Device Certificate rules (S2)");

    /** SEC glossary, Contingency Private Key, Section L10.30(e) (certificates.md S5). */
    static final Citation SEC_CONTINGENCY = Citation.of("SEC", "glossary 'Contingency Private Key', L10.30(e) (S5)");

    /** What the DCC's public ZAZ1 and RTDS test certificates show (certificates.md §6). */
    static final Citation OBSERVED = Citation.of("obs", "DCC test certificates (certificates.md §6)");

    /** The observed Issuing OCA test certificate Z1 (certificates.md §2.3, H01). */
    static final Citation Z1 = Citation.of("obs", "Issuing OCA Z1 (H01, certificates.md §2.3)");

    /** The dccboxed-keystore certificate parser (certificates.md R1). */
    static final Citation DCC_BOXED_KEYSTORE = Citation.of("dccboxed-keystore", "src/certificateMetadata.ts (R1)");

    /** The RTDS test data and keystore in gbcs-parser (certificates.md R3). */
    static final Citation RTDS = Citation.of("gbcs-parser", "test/rtds (R3)");

    /** The DUIS CS02b/CS02g request templates (certificates.md R4). */
    static final Citation DUIS_TEMPLATES = Citation.of("duis-templates", "templates/CS02b*, CS02g* (R4)");

    /** Our inference by analogy with observed certificates, not a stated rule. */
    static final Citation INFERENCE = Citation.of("inference", "certificates.md §2.2, §2.4");

    /** RFC 5280, the Internet X.509 certificate profile. */
    static Citation rfc5280(String section) {
        return Citation.of("RFC 5280", section);
    }

    /** RFC 5758, ECDSA algorithm identifiers (parameters absent). */
    static final Citation RFC5758 = Citation.of("RFC 5758", "§3.2");

    /** RFC 5480, elliptic-curve subject public key information. */
    static final Citation RFC5480 = Citation.of("RFC 5480", "§2.2");

    /** RFC 2986, PKCS #10 certification requests. */
    static final Citation RFC2986 = Citation.of("RFC 2986", "§4");

    /** RFC 4108, HardwareModuleName. */
    static final Citation RFC4108 = Citation.of("RFC 4108", "§5");

    /** The research notes' numbered rule {@code n} (certificates.md §7). */
    static Citation notes(int n) {
        return Citation.of("certificates.md", "§7 rule " + n);
    }

    private ProfileSources() {}
}
