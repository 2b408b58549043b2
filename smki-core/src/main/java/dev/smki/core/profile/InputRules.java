package dev.smki.core.profile;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import java.util.List;

/** The rule about the input itself: it must be a certificate or a certificate request at all. */
final class InputRules {

    /** What a CERT-0 finding expects. */
    static final String EXPECTED = "a DER or PEM X.509 certificate or PKCS#10 certificate request";

    static final Rule UNPARSEABLE = new Rule(
            RuleId.of("CERT-0"),
            "The input parses as an X.509 certificate or a PKCS#10 certificate request.",
            Scope.ALL,
            Severity.ERROR,
            Confidence.VERIFIED,
            List.of(ProfileSources.rfc5280("§4.1"), ProfileSources.RFC2986, Citation.of("smki-sim", "issue #2")));

    private InputRules() {}
}
