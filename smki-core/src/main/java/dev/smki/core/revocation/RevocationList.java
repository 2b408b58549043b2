package dev.smki.core.revocation;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.core.internal.der.PemText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A published certificate revocation list: the Organisation CRL (Organisation Certificates, signed by the
 * Issuing OCA) or the ARL (OCA certificates, signed by the Root OCA), in the profile of REV-8. Immutable; two
 * lists are equal when their DER encodings are.
 */
public final class RevocationList {

    /** The PEM block type of a CRL, as {@code openssl crl} reads it. */
    public static final String PEM_TYPE = "X509 CRL";

    private final X509CRLHolder crl;
    private final byte[] der;
    private final BigInteger number;
    private final List<Entry> entries;

    /**
     * One revoked certificate on a list.
     *
     * @param serial its serial number
     * @param revokedAt its revocation date
     * @param reason its reason code, absent when the entry has none (unspecified)
     */
    public record Entry(BigInteger serial, Instant revokedAt, Optional<CrlReason> reason) {

        /**
         * Checks the components.
         *
         * @param serial its serial number
         * @param revokedAt its revocation date
         * @param reason its reason code, absent when the entry has none (unspecified)
         * @throws NullPointerException when a component is null
         */
        public Entry {
            Objects.requireNonNull(serial, "serial");
            Objects.requireNonNull(revokedAt, "revokedAt");
            Objects.requireNonNull(reason, "reason");
        }
    }

    RevocationList(X509CRLHolder crl) {
        this.crl = crl;
        try {
            this.der = crl.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Extension numberExtension = crl.getExtension(Extension.cRLNumber);
        if (numberExtension == null) {
            throw new IllegalArgumentException("The CRL has no cRLNumber (REV-8)");
        }
        this.number = CRLNumber.getInstance(numberExtension.getParsedValue()).getCRLNumber();
        List<Entry> list = new ArrayList<>();
        for (Object o : crl.getRevokedCertificates()) {
            X509CRLEntryHolder entry = (X509CRLEntryHolder) o;
            Extension reason = entry.getExtension(Extension.reasonCode);
            list.add(new Entry(
                    entry.getSerialNumber(),
                    entry.getRevocationDate().toInstant(),
                    reason == null
                            ? Optional.empty()
                            : Optional.of(CrlReason.ofCode(CRLReason.getInstance(reason.getParsedValue())
                                    .getValue()
                                    .intValueExact()))));
        }
        this.entries = List.copyOf(list);
    }

    /**
     * Reads a list from DER or from a PEM {@code X509 CRL} block.
     *
     * @param pemOrDer DER, or PEM text
     * @return the list read
     * @throws IllegalArgumentException when the bytes hold no readable CRL with a cRLNumber
     */
    public static RevocationList parse(byte[] pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        try {
            if (pemOrDer.length > 0 && pemOrDer[0] == 0x30) {
                return new RevocationList(new X509CRLHolder(CertificateList.getInstance(pemOrDer)));
            }
            try (PEMParser parser = new PEMParser(new StringReader(new String(pemOrDer, StandardCharsets.US_ASCII)))) {
                for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                    if (o instanceof X509CRLHolder holder) {
                        return new RevocationList(holder);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a readable CRL: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("No CRL found (expected DER or a PEM " + PEM_TYPE + " block)");
    }

    /**
     * Reads the list in {@code file}, PEM or DER.
     *
     * @param file the file to read
     * @return the list read
     * @throws IllegalArgumentException naming the file when it holds no readable CRL
     * @throws UncheckedIOException when it cannot be read
     */
    public static RevocationList read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** {@return the cRLNumber, which grows by one with every list of the same issuer} */
    public BigInteger number() {
        return number;
    }

    /** {@return thisUpdate} */
    public Instant thisUpdate() {
        return crl.getThisUpdate().toInstant();
    }

    /** {@return nextUpdate, when the list has one} */
    public Optional<Instant> nextUpdate() {
        return Optional.ofNullable(crl.getNextUpdate()).map(java.util.Date::toInstant);
    }

    /** {@return the issuer name as text, such as {@code OU=07,CN=...}} */
    public String issuer() {
        return crl.getIssuer().toString();
    }

    /** {@return the DER encoding of the issuer name (a copy)} */
    public byte[] issuerEncoded() {
        return encoded(crl.getIssuer());
    }

    /** {@return the authorityKeyIdentifier's key identifier, the signer's subjectKeyIdentifier, when there is one} */
    public Optional<KeyIdentifier> authorityKeyId() {
        Extension aki = crl.getExtension(Extension.authorityKeyIdentifier);
        if (aki == null) {
            return Optional.empty();
        }
        byte[] id = AuthorityKeyIdentifier.getInstance(aki.getParsedValue()).getKeyIdentifierOctets();
        return id == null ? Optional.empty() : Optional.of(KeyIdentifier.of(id));
    }

    /** {@return the signature algorithm OID, such as {@code 1.2.840.10045.4.3.2}} */
    public String signatureAlgorithm() {
        return crl.toASN1Structure().getSignatureAlgorithm().getAlgorithm().getId();
    }

    /** {@return whether the signature algorithm identifier has a parameters field} */
    public boolean hasSignatureParameters() {
        return crl.toASN1Structure().getSignatureAlgorithm().getParameters() != null;
    }

    /** {@return the revoked certificates, in list order} */
    public List<Entry> entries() {
        return entries;
    }

    /** {@return the serial numbers of the revoked certificates, in list order} */
    public Set<BigInteger> serials() {
        Set<BigInteger> serials = new LinkedHashSet<>();
        entries.forEach(e -> serials.add(e.serial()));
        return java.util.Collections.unmodifiableSet(serials);
    }

    /**
     * {@return whether the list names {@code serial}}
     *
     * @param serial its serial number
     */
    public boolean lists(BigInteger serial) {
        Objects.requireNonNull(serial, "serial");
        return entries.stream().anyMatch(e -> e.serial().equals(serial));
    }

    /**
     * {@return whether the CA {@code signer} signed this list, as {@link #isSignedBy(SmkiCertificate)} checks it with
     * the signer's certificate}
     *
     * @param signer the CA that may have signed the list
     */
    public boolean isSignedBy(ListSigner signer) {
        return isSignedBy(Objects.requireNonNull(signer, "signer").parsed());
    }

    /**
     * {@return whether {@code ca} signed this list: its issuer is a byte copy of the CA's subject and the signature
     * verifies with the CA's public key}
     *
     * @param ca the CA certificate that may have signed the list
     */
    public boolean isSignedBy(SmkiCertificate ca) {
        Objects.requireNonNull(ca, "ca");
        if (!Arrays.equals(issuerEncoded(), encoded(ca.holder().getSubject()))) {
            return false;
        }
        try {
            return crl.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(ca.holder()));
        } catch (CertException | OperatorCreationException | java.security.cert.CertificateException e) {
            return false;
        }
    }

    /** {@return the DER encoding (a copy)} */
    public byte[] toDer() {
        return der.clone();
    }

    /** {@return the list as a PEM {@code X509 CRL} block} */
    public String toPem() {
        return PemText.encode(PEM_TYPE, der);
    }

    X509CRLHolder holder() {
        return crl;
    }

    private static byte[] encoded(org.bouncycastle.asn1.x500.X500Name name) {
        try {
            return name.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RevocationList other && Arrays.equals(der, other.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    /** Returns {@code CRL #n by issuer (k entries, thisUpdate)}. */
    @Override
    public String toString() {
        return "CRL #" + number + " by " + issuer() + " (" + entries.size() + " entries, thisUpdate " + thisUpdate()
                + ")";
    }
}
