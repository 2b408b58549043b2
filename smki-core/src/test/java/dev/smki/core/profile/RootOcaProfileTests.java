package dev.smki.core.profile;

import static dev.smki.core.profile.TestHierarchy.OTHER_KEY;
import static dev.smki.core.profile.TestHierarchy.caName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

class RootOcaProfileTests implements CertificateProfileContract {

    @Override
    public ProfileKind profile() {
        return ProfileKind.ROOT_OCA;
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
                "CERT-18",
                "role OU=01 in subject and issuer",
                s -> s.subject(caName("01", "ZA")).issuer(caName("01", "ZA"))));
        breakers.add(Breaker.of(
                "CERT-19", "a non-critical basicConstraints", s -> s.critical(Extension.basicConstraints, false)));
        breakers.add(Breaker.of(
                "CERT-20",
                "keyUsage with digitalSignature too",
                s -> s.extension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))));
        breakers.add(Breaker.of(
                "CERT-21",
                "no contingency-key extension",
                s -> s.without(new ASN1ObjectIdentifier(TestHierarchy.ENV.contingencyKeyExtension()))));
        return breakers;
    }
}
