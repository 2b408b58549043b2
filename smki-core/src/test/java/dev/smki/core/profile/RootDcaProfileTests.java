package dev.smki.core.profile;

import static dev.smki.core.profile.TestHierarchy.OTHER_KEY;
import static dev.smki.core.profile.TestHierarchy.caName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

class RootDcaProfileTests implements CertificateProfileContract {

    @Override
    public ProfileKind profile() {
        return ProfileKind.ROOT_DCA;
    }

    @Override
    public Set<String> notCheckedWithoutIssuers() {
        return Set.of();
    }

    @Override
    public List<Breaker> breakers() {
        List<Breaker> breakers = new ArrayList<>(CommonBreakers.forProfile(profile()));
        breakers.add(Breaker.of("CERT-17", "signed by another key", s -> s.signedBy(OTHER_KEY.getPrivate())));
        breakers.add(Breaker.of(
                "CERT-19",
                "basicConstraints with cA FALSE",
                s -> s.extension(Extension.basicConstraints, true, new BasicConstraints(false))));
        breakers.add(Breaker.of(
                "CERT-20",
                "keyUsage cRLSign without keyCertSign",
                s -> s.extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.cRLSign))));
        breakers.add(Breaker.of(
                "CERT-27",
                "an OU beside the CN",
                s -> s.subject(caName("05", "R1")).issuer(caName("05", "R1"))));
        return breakers;
    }
}
