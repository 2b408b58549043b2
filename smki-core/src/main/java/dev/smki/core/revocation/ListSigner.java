package dev.smki.core.revocation;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.profile.ProfileKind;
import org.bouncycastle.operator.ContentSigner;

/**
 * A certification authority that signs revocation lists: its certificate and its private key. The test PKI's
 * {@code IssuedCertificate} is one (its CA certificates sign the Organisation CRL, the ARL and the Device lists); any
 * other holder of a CA's key, such as a simulated HSM that never exports it, can be another.
 */
public interface ListSigner {

    /** {@return the CA's certificate, whose subject names the list's issuer and whose key verifies the list} */
    SmkiCertificate parsed();

    /** {@return the CA's profile, such as {@link ProfileKind#ISSUING_OCA}, as its certificate says} */
    default ProfileKind kind() {
        return ProfileKind.of(parsed().kind());
    }

    /**
     * {@return a signer for one list: ecdsa-with-SHA256 without parameters with the CA's private key}
     *
     * @throws IllegalStateException when the private key is not held
     */
    ContentSigner contentSigner();
}
