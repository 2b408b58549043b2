package dev.smki.core.device;

import dev.smki.core.certificate.MalformedCertificateException;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.GbcsSigner;
import dev.smki.core.gbcs.GroupingHeader;
import dev.smki.core.identity.Eui64;
import java.util.Objects;

/**
 * Who signs an Update Security Credentials command: the originator EUI-64 written in the command header and
 * the private key that signs it (the GBCS Authorising Remote Party). Immutable; {@link #toString} never shows
 * the key.
 *
 * <p>With a test PKI: {@code Authoriser.of(certificate.parsed(), SigningKey.of(certificate))} for a Party's
 * certificate whose key the PKI holds, and {@code pki.contingencyAuthoriser()} for the DCC's contingency key.
 */
public final class Authoriser {

    private final Eui64 originator;
    private final GbcsSigner key;

    private Authoriser(Eui64 originator, GbcsSigner key) {
        this.originator = originator;
        this.key = key;
    }

    /**
     * {@return an authoriser signing with {@code key} as {@code originator}}
     *
     * @param originator the EUI-64 of the Party the authoriser signs as
     * @param key the key it signs with
     */
    public static Authoriser of(Eui64 originator, GbcsSigner key) {
        return new Authoriser(Objects.requireNonNull(originator, "originator"), Objects.requireNonNull(key, "key"));
    }

    /**
     * {@return the Party holding {@code certificate}, signing with {@code key}: the certificate's
     * x500UniqueIdentifier is the originator, and {@code key} should be its private key}
     *
     * @param certificate the Organisation Certificate of the Party signing
     * @param key the key matching that certificate, which it signs with
     * @throws IllegalArgumentException when the certificate has no 64-bit x500UniqueIdentifier
     */
    public static Authoriser of(SmkiCertificate certificate, GbcsSigner key) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        Eui64 party;
        try {
            party = certificate.subjectUniqueIdentifier().orElse(null);
        } catch (MalformedCertificateException e) {
            party = null;
        }
        if (party == null) {
            throw new IllegalArgumentException(certificate + " names no Party (no 64-bit x500UniqueIdentifier)");
        }
        return new Authoriser(party, key);
    }

    /** {@return the originator EUI-64 written in the header of the commands this authoriser signs} */
    public Eui64 originator() {
        return originator;
    }

    /** Returns {@code header || payload || 0x40 || KRP Signature}, signed with this authoriser's key. */
    GbcsMessage sign(GroupingHeader header, byte[] payload) {
        return GbcsMessage.signed(header, payload, key);
    }

    /** Returns {@code Authoriser[originator]}; never the key. */
    @Override
    public String toString() {
        return "Authoriser[" + originator + "]";
    }
}
