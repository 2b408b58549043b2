package dev.smki.core.device;

import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.GroupingHeader;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.issuance.TestPki;
import java.util.Objects;

/**
 * Who signs an Update Security Credentials command: the originator EUI-64 written in the command header and
 * the private key that signs it (the GBCS Authorising Remote Party). Immutable; {@link #toString} never shows
 * the key.
 */
public final class Authoriser {

    private final Eui64 originator;
    private final SigningKey key;

    private Authoriser(Eui64 originator, SigningKey key) {
        this.originator = originator;
        this.key = key;
    }

    /** Returns an authoriser signing with {@code key} as {@code originator}. */
    public static Authoriser of(Eui64 originator, SigningKey key) {
        return new Authoriser(Objects.requireNonNull(originator, "originator"), Objects.requireNonNull(key, "key"));
    }

    /**
     * Returns the Party holding {@code certificate}: its x500UniqueIdentifier as originator and its private key.
     *
     * @throws IllegalArgumentException when the certificate has no 64-bit x500UniqueIdentifier or its private key
     *     is not held
     */
    public static Authoriser of(IssuedCertificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        Eui64 party = CertificateFacts.uniqueIdentifier(certificate.certificate());
        if (party == null) {
            throw new IllegalArgumentException(certificate + " names no Party (no 64-bit x500UniqueIdentifier)");
        }
        return new Authoriser(party, SigningKey.of(certificate));
    }

    /**
     * Returns the DCC signing with {@code pki}'s contingency private key, as the Party the PKI names for the Root
     * role: the authoriser of an {@link CredentialsReplacementMode#ANY_BY_CONTINGENCY} command.
     */
    public static Authoriser contingency(TestPki pki) {
        Objects.requireNonNull(pki, "pki");
        return new Authoriser(pki.parties().of(RemotePartyRole.ROOT), SigningKey.of(pki.contingency()));
    }

    /** Returns the originator EUI-64 written in the header of the commands this authoriser signs. */
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
