package dev.smki.core.profile;

import static dev.smki.core.profile.TestHierarchy.OTHER_KEY;
import static dev.smki.core.profile.TestHierarchy.generalized;

import dev.smki.core.internal.der.X500Names;
import dev.smki.core.internal.der.X509Times;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509ExtensionUtils;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/** Breakers for the rules every certificate profile shares (CERT-2 to CERT-16, CERT-53). */
final class CommonBreakers {

    private CommonBreakers() {}

    /** Returns the breakers of the common rules that apply to {@code profile}. */
    static List<Breaker> forProfile(ProfileKind profile) {
        List<Breaker> breakers = new ArrayList<>(List.of(
                Breaker.of(
                        "CERT-2",
                        "a negative 16-octet serial",
                        s -> s.serial(BigInteger.ONE.shiftLeft(127).negate().add(BigInteger.valueOf(12_345)))),
                Breaker.of("CERT-2a", "an 8-octet serial", s -> s.serial(BigInteger.valueOf(0x1234_5678_90AB_CDEFL))),
                Breaker.of(
                        "CERT-3",
                        "ecdsa-with-SHA256 with NULL parameters",
                        s -> s.signatureAlgorithm(
                                new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256, DERNull.INSTANCE))),
                Breaker.of(
                        "CERT-3",
                        "tbsCertificate.signature ecdsa-with-SHA384",
                        s -> s.tbsSignatureAlgorithm(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384))),
                Breaker.of("CERT-4", "explicit curve parameters instead of prime256v1", CommonBreakers::explicitCurve),
                Breaker.of("CERT-5", "a compressed point", CommonBreakers::compressedPoint),
                Breaker.of("CERT-6", "a non-critical keyUsage", s -> s.critical(Extension.keyUsage, false)),
                Breaker.of("CERT-7", "no subjectKeyIdentifier", s -> s.without(Extension.subjectKeyIdentifier)),
                Breaker.of(
                        "CERT-8",
                        "a subjectKeyIdentifier that is not method (2)",
                        s -> s.extension(
                                Extension.subjectKeyIdentifier,
                                false,
                                new SubjectKeyIdentifier(HexFormat.of().parseHex("4000000000000001")))),
                Breaker.of(
                        "CERT-9",
                        "a non-critical certificatePolicies",
                        s -> s.critical(Extension.certificatePolicies, false)),
                Breaker.of("CERT-10", "a critical authorityKeyIdentifier", CommonBreakers::criticalAki),
                Breaker.of(
                        "CERT-14",
                        "notBefore as GeneralizedTime before 2050",
                        s -> s.notBefore(generalized("20" + X509Times.text(s.notBefore())))),
                Breaker.of(
                        "CERT-15", "an issuerUniqueID", s -> s.issuerUniqueId(new DERBitString(new byte[] {1, 2, 3}))),
                Breaker.of(
                        "CERT-16",
                        "an unknown critical extension",
                        s -> s.extension(new ASN1ObjectIdentifier("1.2.3.4.5"), true, DERNull.INSTANCE)),
                Breaker.of(
                        "CERT-16a",
                        "an unknown non-critical extension",
                        s -> s.extension(new ASN1ObjectIdentifier("1.2.3.4.5"), false, DERNull.INSTANCE)),
                Breaker.of("CERT-53", "validated before notBefore", s -> s)
                        .inContext(c -> c.at(Instant.parse("1990-01-01T00:00:00Z")))));
        if (Scope.ISSUED.contains(profile)) {
            breakers.add(Breaker.of(
                    "CERT-11", "no authorityKeyIdentifier", s -> s.without(Extension.authorityKeyIdentifier)));
            breakers.add(Breaker.of("CERT-12", "signed by another key", s -> s.signedBy(OTHER_KEY.getPrivate())));
            breakers.add(Breaker.of(
                    "CERT-12",
                    "an authorityKeyIdentifier that is not the issuer's",
                    s -> s.extension(
                            Extension.authorityKeyIdentifier,
                            false,
                            new AuthorityKeyIdentifier(HexFormat.of().parseHex("4000000000000002")))));
            breakers.add(
                    Breaker.of("CERT-13", "the issuer name re-encoded as UTF8String", s -> s.issuer(utf8(s.issuer()))));
        }
        return breakers;
    }

    private static CertificateSpec explicitCurve(CertificateSpec s) {
        X962Parameters explicit = new X962Parameters(CustomNamedCurves.getByOID(X9ObjectIdentifiers.prime256v1));
        SubjectPublicKeyInfo key = s.publicKey();
        return s.publicKey(new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, explicit),
                key.getPublicKeyData().getBytes()));
    }

    private static CertificateSpec compressedPoint(CertificateSpec s) {
        SubjectPublicKeyInfo key = s.publicKey();
        ECPoint point = CustomNamedCurves.getByOID(X9ObjectIdentifiers.prime256v1)
                .getCurve()
                .decodePoint(key.getPublicKeyData().getBytes());
        return s.publicKey(new SubjectPublicKeyInfo(key.getAlgorithm(), point.getEncoded(true)));
    }

    private static CertificateSpec criticalAki(CertificateSpec s) {
        if (s.hasExtension(Extension.authorityKeyIdentifier)) {
            return s.critical(Extension.authorityKeyIdentifier, true);
        }
        // a root: its own key identifier, critical
        X509ExtensionUtils utils = new BcX509ExtensionUtils();
        byte[] own = utils.createTruncatedSubjectKeyIdentifier(s.publicKey()).getKeyIdentifier();
        return s.extension(Extension.authorityKeyIdentifier, true, new AuthorityKeyIdentifier(own));
    }

    /** Returns {@code name} with every string attribute re-encoded as UTF8String. */
    static X500Name utf8(X500Name name) {
        RDN[] rdns = name.getRDNs();
        RDN[] out = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            AttributeTypeAndValue atv = rdns[i].getFirst();
            out[i] = new RDN(atv.getType(), new DERUTF8String(X500Names.string(atv.getValue())));
        }
        return new X500Name(out);
    }
}
