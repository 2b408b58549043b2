package dev.smki.core.profile;

import static dev.smki.core.profile.TestHierarchy.DEVICE_KEY;
import static dev.smki.core.profile.TestHierarchy.METER;

import dev.smki.core.testing.TestKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Everything in a test Device CSR, so a test can change one thing: by default a conforming CS02c-style
 * request (v1, empty subject, P-256, critical keyUsage digitalSignature and hwModuleName SAN).
 */
final class CsrSpec {

    private int version = 0;
    private X500Name subject = new X500Name(new RDN[0]);
    private SubjectPublicKeyInfo publicKey = TestHierarchy.spki(DEVICE_KEY);
    private AlgorithmIdentifier signatureAlgorithm = CertificateSpec.ECDSA_WITH_SHA256;
    private PrivateKey signingKey = DEVICE_KEY.getPrivate();
    private boolean requestExtensions = true;
    private final Map<ASN1ObjectIdentifier, Extension> extensions = new LinkedHashMap<>();

    CsrSpec() {
        try {
            extensions.put(
                    Extension.keyUsage,
                    new Extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature).getEncoded()));
            extensions.put(
                    Extension.subjectAlternativeName,
                    new Extension(
                            Extension.subjectAlternativeName,
                            true,
                            TestHierarchy.hardwareModuleName(TestHierarchy.ENV.hwType(), TestHierarchy.eui(METER))
                                    .getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    CsrSpec version(int version) {
        this.version = version;
        return this;
    }

    CsrSpec subject(X500Name subject) {
        this.subject = subject;
        return this;
    }

    CsrSpec publicKey(SubjectPublicKeyInfo publicKey) {
        this.publicKey = publicKey;
        return this;
    }

    SubjectPublicKeyInfo publicKey() {
        return publicKey;
    }

    CsrSpec signatureAlgorithm(AlgorithmIdentifier algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    CsrSpec signedBy(PrivateKey key) {
        this.signingKey = key;
        return this;
    }

    CsrSpec withoutExtensionRequest() {
        this.requestExtensions = false;
        return this;
    }

    CsrSpec extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            extensions.put(
                    oid, new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    CsrSpec without(ASN1ObjectIdentifier oid) {
        extensions.remove(oid);
        return this;
    }

    PKCS10CertificationRequest build() {
        try {
            return new PKCS10CertificationRequest(encode());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] encode() {
        try {
            ASN1EncodableVector info = new ASN1EncodableVector();
            info.add(new ASN1Integer(version));
            info.add(subject);
            info.add(publicKey);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            if (requestExtensions) {
                attributes.add(new Attribute(
                        PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                        new DERSet(new Extensions(extensions.values().toArray(Extension[]::new)))));
            }
            info.add(new DERTaggedObject(false, 0, new DERSet(attributes)));
            DERSequence infoSequence = new DERSequence(info);
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(TestKeys.provider())
                    .build(signingKey);
            try (OutputStream out = signer.getOutputStream()) {
                out.write(infoSequence.getEncoded("DER"));
            }
            return new DERSequence(new ASN1Encodable[] {
                        infoSequence, signatureAlgorithm, new DERBitString(signer.getSignature())
                    })
                    .getEncoded("DER");
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot encode test CSR", e);
        }
    }
}
