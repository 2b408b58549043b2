package dev.smki.core.profile;

import static dev.smki.core.profile.TestHierarchy.caName;
import static dev.smki.core.profile.TestHierarchy.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

class IssuingOcaProfileTests implements CertificateProfileContract {

    @Override
    public ProfileKind profile() {
        return ProfileKind.ISSUING_OCA;
    }

    @Override
    public Set<String> notCheckedWithoutIssuers() {
        return Set.of("CERT-12", "CERT-13");
    }

    @Override
    public List<Breaker> breakers() {
        List<Breaker> breakers = new ArrayList<>(CommonBreakers.forProfile(profile()));
        breakers.add(Breaker.of("CERT-22", "subject OU=06", s -> s.subject(caName("06", "Z1"))));
        breakers.add(Breaker.of(
                "CERT-23",
                "keyUsage keyCertSign only",
                s -> s.extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))));
        breakers.add(Breaker.of(
                "CERT-24",
                "pathLenConstraint 1",
                s -> s.extension(Extension.basicConstraints, true, new BasicConstraints(1))));
        breakers.add(Breaker.of(
                "CERT-25",
                "a policy of no environment",
                s -> s.extension(Extension.certificatePolicies, true, policies("1.2.3.4"))));
        return breakers;
    }
}
