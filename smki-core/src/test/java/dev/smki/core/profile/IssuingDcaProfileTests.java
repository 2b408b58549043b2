package dev.smki.core.profile;

import static dev.smki.core.profile.TestHierarchy.caName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;

class IssuingDcaProfileTests implements CertificateProfileContract {

    @Override
    public ProfileKind profile() {
        return ProfileKind.ISSUING_DCA;
    }

    @Override
    public Set<String> notCheckedWithoutIssuers() {
        return Set.of("CERT-12", "CERT-13");
    }

    @Override
    public List<Breaker> breakers() {
        List<Breaker> breakers = new ArrayList<>(CommonBreakers.forProfile(profile()));
        breakers.add(Breaker.of(
                "CERT-26",
                "basicConstraints with cA FALSE",
                s -> s.extension(Extension.basicConstraints, true, new BasicConstraints(false))));
        breakers.add(Breaker.of(
                "CERT-26a",
                "pathLenConstraint 1",
                s -> s.extension(Extension.basicConstraints, true, new BasicConstraints(1))));
        breakers.add(Breaker.of("CERT-27", "an OU beside the CN", s -> s.subject(caName("05", "E357"))));
        return breakers;
    }
}
