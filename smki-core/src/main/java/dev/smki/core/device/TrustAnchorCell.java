package dev.smki.core.device;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.certificate.MalformedCertificateException;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.contingency.WrappedApexContingencyKey;
import dev.smki.core.identity.Eui64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One trust-anchor cell on a Device: which cell it is and what it holds of the anchored certificate, namely the
 * subject's unique identifier (EUI-64), its subject key identifier and its public key, not the certificate
 * itself (recovery.md §1.2, from the CS02a response fields). The Root cell also holds the Root OCA certificate's
 * wrapped contingency key (recovery.md §1.3), which only the Symmetric Key a contingency command releases
 * unwraps.
 *
 * <p>A Root OCA certificate carries no x500UniqueIdentifier in the test PKI (certificates.md §2.2), so the Root
 * cell's subject unique identifier is empty. Cells are immutable values, equal when their contents are, and are
 * shared between every Device that holds the same one. A Root cell also remembers the last Symmetric Key tried
 * on its wrapped contingency key and what that unwrapped (a pure function of the two, never shown), so that
 * the Devices sharing it during a contingency recovery unwrap once.
 */
public final class TrustAnchorCell {

    private final TrustAnchorCellId id;
    private final Eui64 subjectUniqueId;
    private final KeyIdentifier subjectKeyId;
    private final VerificationKey key;
    private final WrappedApexContingencyKey wrappedContingencyKey;
    private final int hash;
    private volatile Unwrapped lastUnwrapped;

    /** The last Symmetric Key tried on the wrapped contingency key, and what it unwrapped. */
    private record Unwrapped(SymmetricKey key, Optional<VerificationKey> result) {}

    private TrustAnchorCell(
            TrustAnchorCellId id,
            Eui64 subjectUniqueId,
            KeyIdentifier subjectKeyId,
            VerificationKey key,
            WrappedApexContingencyKey wrappedContingencyKey) {
        this.id = id;
        this.subjectUniqueId = subjectUniqueId;
        this.subjectKeyId = subjectKeyId;
        this.key = key;
        this.wrappedContingencyKey = wrappedContingencyKey;
        this.hash = Objects.hash(id, subjectUniqueId, subjectKeyId, key, wrappedContingencyKey);
    }

    /**
     * {@return a cell holding the given contents}
     *
     * @param id which cell
     * @param subjectUniqueId the anchored certificate's x500UniqueIdentifier, empty for a Root OCA
     * @param subjectKeyId the anchored certificate's subject key identifier
     * @param publicKey the anchored certificate's DER SubjectPublicKeyInfo, a P-256 key
     * @param wrappedContingencyKey the Root OCA's wrapped contingency key; only the Root cell holds one
     * @throws IllegalArgumentException when the key is not a P-256 public key, the subject key identifier has no
     *     octets, or a cell other than the Root would hold a wrapped contingency key
     */
    public static TrustAnchorCell of(
            TrustAnchorCellId id,
            Optional<Eui64> subjectUniqueId,
            KeyIdentifier subjectKeyId,
            byte[] publicKey,
            Optional<WrappedApexContingencyKey> wrappedContingencyKey) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectUniqueId, "subjectUniqueId");
        Objects.requireNonNull(subjectKeyId, "subjectKeyId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(wrappedContingencyKey, "wrappedContingencyKey");
        return of(
                id,
                subjectUniqueId.orElse(null),
                subjectKeyId,
                VerificationKey.of(publicKey),
                wrappedContingencyKey.orElse(null));
    }

    static TrustAnchorCell of(
            TrustAnchorCellId id,
            Eui64 subjectUniqueId,
            KeyIdentifier subjectKeyId,
            VerificationKey key,
            WrappedApexContingencyKey wrappedContingencyKey) {
        if (subjectKeyId.length() == 0) {
            throw new IllegalArgumentException(
                    "A trust-anchor cell holds a subject key identifier of 1 or more octets");
        }
        if (wrappedContingencyKey != null && !id.isRoot()) {
            throw new IllegalArgumentException("Only the Root cell holds a wrapped contingency key, not " + id);
        }
        return new TrustAnchorCell(id, subjectUniqueId, subjectKeyId, key, wrappedContingencyKey);
    }

    /**
     * Returns the cell {@code id} anchoring {@code certificate}: its x500UniqueIdentifier, subject key identifier,
     * public key and, in the Root cell, the wrapped contingency key it carries in extension
     * {@code contingencyKeyExtension}.
     *
     * @throws IllegalArgumentException when the certificate does not assert the cell's key usage, has no subject
     *     key identifier or P-256 key, is put in the Root cell without a readable wrapped contingency key, or a
     *     part of it does not decode
     */
    static TrustAnchorCell anchoring(
            TrustAnchorCellId id, SmkiCertificate certificate, String contingencyKeyExtension) {
        if (AnchorKeyUsage.assertedBy(certificate).orElse(null) != id.keyUsage()) {
            throw new IllegalArgumentException(certificate + " does not assert the key usage of the " + id + " cell");
        }
        try {
            KeyIdentifier subjectKeyId = certificate
                    .subjectKeyIdentifier()
                    .filter(ski -> ski.length() > 0)
                    .orElseThrow(() -> new IllegalArgumentException(certificate + " has no subject key identifier"));
            WrappedApexContingencyKey wrapped = null;
            if (id.isRoot()) {
                wrapped = certificate
                        .extensionValue(contingencyKeyExtension)
                        .map(WrappedApexContingencyKey::parse)
                        .orElseThrow(() -> new IllegalArgumentException(certificate
                                + " carries no wrapped contingency key in extension " + contingencyKeyExtension));
            }
            return of(
                    id,
                    certificate.subjectUniqueIdentifier().orElse(null),
                    subjectKeyId,
                    VerificationKey.of(certificate),
                    wrapped);
        } catch (MalformedCertificateException e) {
            throw new IllegalArgumentException(
                    certificate + " cannot anchor the " + id + " cell: " + e.getMessage(), e);
        }
    }

    /** {@return which cell this is} */
    public TrustAnchorCellId id() {
        return id;
    }

    /** {@return the anchored certificate's x500UniqueIdentifier; empty for a Root OCA} */
    public Optional<Eui64> subjectUniqueId() {
        return Optional.ofNullable(subjectUniqueId);
    }

    /** {@return the anchored certificate's subject key identifier} */
    public KeyIdentifier subjectKeyId() {
        return subjectKeyId;
    }

    /** {@return the anchored public key as a DER SubjectPublicKeyInfo (a copy)} */
    public byte[] publicKey() {
        return key.encoded().clone();
    }

    /** {@return the wrapped contingency key of the Root OCA certificate in the Root cell; empty for other cells} */
    public Optional<WrappedApexContingencyKey> wrappedContingencyKey() {
        return Optional.ofNullable(wrappedContingencyKey);
    }

    VerificationKey key() {
        return key;
    }

    /**
     * Returns the contingency public key that {@code symmetricKey} unwraps from this Root cell, or empty. The last
     * result is kept: it is a pure function of the cell and the key, and every Device sharing this cell during a
     * contingency recovery asks with the same key.
     */
    Optional<VerificationKey> contingencyKey(SymmetricKey symmetricKey) {
        Unwrapped last = lastUnwrapped;
        if (last != null && last.key().equals(symmetricKey)) {
            return last.result();
        }
        Optional<VerificationKey> result = wrappedContingencyKey == null
                ? Optional.empty()
                : VerificationKey.unwrapped(wrappedContingencyKey, symmetricKey);
        lastUnwrapped = new Unwrapped(symmetricKey, result);
        return result;
    }

    /** Returns whether this cell and {@code other} anchor the same key with the same contents, whatever their ids. */
    boolean sameContents(TrustAnchorCell other) {
        return Objects.equals(subjectUniqueId, other.subjectUniqueId)
                && subjectKeyId.equals(other.subjectKeyId)
                && key.equals(other.key)
                && Objects.equals(wrappedContingencyKey, other.wrappedContingencyKey);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o == this
                || o instanceof TrustAnchorCell other
                        && hash == other.hash
                        && id.equals(other.id)
                        && sameContents(other);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Returns {@code cell[uid, ski]}, such as {@code supplier-ds[02-53-4D-4B-49-02-00-01, 4A1B...]}. */
    @Override
    public String toString() {
        return id + "[" + (subjectUniqueId == null ? "no unique id" : subjectUniqueId.toString()) + ", " + subjectKeyId
                + (wrappedContingencyKey == null ? "" : ", wrapped contingency key") + "]";
    }
}
