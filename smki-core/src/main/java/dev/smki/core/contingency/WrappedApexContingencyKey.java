package dev.smki.core.contingency;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jspecify.annotations.Nullable;

/**
 * The value of the Root OCA's WrappedApexContingencyKey extension: the contingency public key
 * (SubjectPublicKeyInfo DER) wrapped under the Symmetric Key, shaped as RFC 5934's
 * {@code ApexContingencyKey ::= SEQUENCE { wrapAlgorithm AlgorithmIdentifier, wrappedContinPubKey OCTET
 * STRING }}.
 *
 * <p>The SEC says the field exists (Section L10.30(e), certificates.md §1.2, recovery.md §1.3) but its OID,
 * ASN.1 and wrap algorithm were not found in any readable source: this shape is {@link #CONFIDENCE
 * reconstructed} from RFC 5934, which the SMKI contingency design follows. Unwrapping with the right key gives
 * back the contingency public key; with any other key it gives an empty result, never garbage (AES key wrap
 * carries an integrity check).
 */
public final class WrappedApexContingencyKey {

    /** How sure we are of this encoding: reconstructed from RFC 5934, not read in the SEC. */
    public static final Confidence CONFIDENCE = Confidence.RECONSTRUCTED;

    /** Where the shape comes from. */
    public static final List<Citation> SOURCES = List.of(
            Citation.of("RFC 5934", "ApexContingencyKey, id-pe-wrappedApexContinKey"),
            Citation.of("SEC Section L", "L10.30(e), Contingency Private Key"),
            Citation.of("RFC 5649", "AES key wrap with padding"));

    private final AlgorithmIdentifier wrapAlgorithm;
    private final byte[] wrappedKey;

    private WrappedApexContingencyKey(AlgorithmIdentifier wrapAlgorithm, byte[] wrappedKey) {
        this.wrapAlgorithm = wrapAlgorithm;
        this.wrappedKey = wrappedKey;
    }

    /**
     * {@return {@code contingencyKey} wrapped under {@code key} with {@code wrap}}
     *
     * @param contingencyKey the contingency public key
     * @param key the Symmetric Key
     * @param wrap the wrap algorithm
     */
    public static WrappedApexContingencyKey wrap(
            SubjectPublicKeyInfo contingencyKey, SymmetricKey key, ContingencyWrap wrap) {
        Objects.requireNonNull(contingencyKey, "contingencyKey");
        Objects.requireNonNull(wrap, "wrap");
        try {
            return new WrappedApexContingencyKey(
                    wrap.algorithmIdentifier(), wrap.wrap(key, contingencyKey.getEncoded(ASN1Encoding.DER)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the DER {@code ApexContingencyKey} held in an extension value.
     *
     * @param der the DER extension value
     * @return the value read
     * @throws IllegalArgumentException when the bytes are not that structure
     */
    public static WrappedApexContingencyKey parse(byte[] der) {
        Objects.requireNonNull(der, "der");
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (seq.size() != 2) {
                throw new IllegalArgumentException("expected 2 elements, got " + seq.size());
            }
            return new WrappedApexContingencyKey(
                    AlgorithmIdentifier.getInstance(seq.getObjectAt(0)),
                    ASN1OctetString.getInstance(seq.getObjectAt(1)).getOctets());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not an ApexContingencyKey: " + e.getMessage(), e);
        }
    }

    /**
     * {@return the wrapped contingency key carried by {@code rootOca} in extension {@code extensionOid}, or empty
     * when the certificate has no such extension}
     *
     * @param rootOca the Root OCA certificate
     * @param extensionOid the extension's dotted OID
     * @throws IllegalArgumentException when the extension is there but is not an ApexContingencyKey
     */
    public static Optional<WrappedApexContingencyKey> from(X509CertificateHolder rootOca, String extensionOid) {
        Objects.requireNonNull(rootOca, "rootOca");
        Objects.requireNonNull(extensionOid, "extensionOid");
        Extension extension = rootOca.getExtension(new ASN1ObjectIdentifier(extensionOid));
        return extension == null
                ? Optional.empty()
                : Optional.of(parse(extension.getExtnValue().getOctets()));
    }

    /**
     * {@return the contingency public key that {@code rootOca} carries in extension {@code extensionOid},
     * unwrapped with {@code key}: what a Device does when a contingency command brings the Symmetric Key}
     * Empty when the certificate has no such extension or when {@code key} is not the Symmetric Key.
     *
     * @param rootOca the Root OCA certificate
     * @param extensionOid the extension's dotted OID
     * @param key the Symmetric Key
     * @throws IllegalArgumentException when the extension is there but is not an ApexContingencyKey
     */
    public static Optional<SubjectPublicKeyInfo> unwrap(
            X509CertificateHolder rootOca, String extensionOid, SymmetricKey key) {
        return from(rootOca, extensionOid).flatMap(wrapped -> wrapped.unwrap(key));
    }

    /**
     * {@return the contingency public key, unwrapped with {@code key}; empty when {@code key} is not the key it
     * was wrapped under, or the wrap algorithm is not one of {@link ContingencyWrap}}
     *
     * @param key the Symmetric Key
     */
    public Optional<SubjectPublicKeyInfo> unwrap(SymmetricKey key) {
        Objects.requireNonNull(key, "key");
        Optional<ContingencyWrap> wrap =
                ContingencyWrap.ofOid(wrapAlgorithm.getAlgorithm().getId());
        if (wrap.isEmpty() || wrapAlgorithm.getParameters() != null) {
            return Optional.empty();
        }
        return wrap.get().unwrap(key, wrappedKey).flatMap(WrappedApexContingencyKey::publicKeyInfo);
    }

    private static Optional<SubjectPublicKeyInfo> publicKeyInfo(byte[] der) {
        try {
            return Optional.of(SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@return the wrap algorithm identifier} */
    public AlgorithmIdentifier wrapAlgorithm() {
        return wrapAlgorithm;
    }

    /** {@return a copy of the wrapped key octets} */
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /** {@return the ASN.1 {@code ApexContingencyKey} SEQUENCE} */
    public ASN1Sequence toAsn1() {
        return new DERSequence(new ASN1Encodable[] {wrapAlgorithm, new DEROctetString(wrappedKey)});
    }

    /**
     * {@return the certificate extension carrying this value}
     *
     * @param extensionOid the extension's dotted OID
     * @param critical whether the extension is critical
     */
    public Extension toExtension(String extensionOid, boolean critical) {
        try {
            return new Extension(
                    new ASN1ObjectIdentifier(extensionOid), critical, toAsn1().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof WrappedApexContingencyKey other
                && wrapAlgorithm.equals(other.wrapAlgorithm)
                && Arrays.equals(wrappedKey, other.wrappedKey);
    }

    @Override
    public int hashCode() {
        return wrapAlgorithm.hashCode() * 31 + Arrays.hashCode(wrappedKey);
    }

    @Override
    public String toString() {
        return "WrappedApexContingencyKey[" + wrapAlgorithm.getAlgorithm() + ", " + wrappedKey.length + " octets]";
    }
}
