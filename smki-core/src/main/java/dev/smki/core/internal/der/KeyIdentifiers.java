package dev.smki.core.internal.der;

import java.util.Objects;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/**
 * Builds SMKI key identifiers: RFC 5280 §4.2.1.2 method (2), the 60 low bits of the SHA-1 of the subject
 * public key behind the nibble {@code 0100}, always 8 octets (CERT-7, CERT-8, CERT-10).
 */
public final class KeyIdentifiers {

    private KeyIdentifiers() {}

    /** Returns the 8-octet method (2) subject key identifier of {@code publicKey}. */
    public static SubjectKeyIdentifier subjectKeyIdentifier(SubjectPublicKeyInfo publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        // A fresh utility per call: its SHA-1 digest calculator is not thread-safe.
        return new BcX509ExtensionUtils().createTruncatedSubjectKeyIdentifier(publicKey);
    }

    /** Returns an authority key identifier holding only {@code keyIdentifier}, the issuer's SKI. */
    public static AuthorityKeyIdentifier authorityKeyIdentifier(byte[] keyIdentifier) {
        Objects.requireNonNull(keyIdentifier, "keyIdentifier");
        return new AuthorityKeyIdentifier(keyIdentifier);
    }
}
