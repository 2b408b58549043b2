package dev.smki.core.issuance;

import dev.smki.core.internal.der.KeyIdentifiers;
import dev.smki.core.internal.der.X509Times;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.RuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What every test-PKI certificate builder offers: a conforming certificate by default (style.md G10), and
 * {@link #breaking} to make a deliberately broken one for a negative test, naming the rules it breaks.
 *
 * <p>{@link #issue()} builds the TBSCertificate once, lints it against the profile before signing, and
 * refuses with an {@link IssuanceRefusedException} when it breaks a rule that was not declared, or when a
 * declared rule is not in fact broken.
 *
 * @param <B> the concrete builder type
 */
public abstract sealed class CertificateBuilder<B extends CertificateBuilder<B>>
        permits CaCertificateBuilder, OrganisationCertificateBuilder, DeviceCertificateBuilder {

    final TestPki pki;
    private final String label;
    private IssuedCertificate issuer;
    EcKey key;
    private BigInteger serialNumber;
    private Instant notBefore;
    private Instant notAfter;
    private final Set<RuleId> declared = new LinkedHashSet<>();
    private final List<Consumer<CertificateDraft>> mutations = new ArrayList<>();

    CertificateBuilder(TestPki pki, String label) {
        this.pki = pki;
        this.label = label;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Certifies {@code keyPair} (P-256) instead of a key the PKI generates.
     *
     * @param keyPair the P-256 key pair whose public key the certificate certifies
     * @return this builder
     */
    public B key(KeyPair keyPair) {
        this.key = EcKey.of(keyPair);
        return self();
    }

    /**
     * Signs with {@code issuer} instead of the PKI's own CA for this profile; its private key must be held.
     *
     * @param issuer the CA certificate to sign with; the PKI must hold its private key
     * @return this builder
     * @throws IllegalArgumentException when the PKI does not hold the issuer's private key
     */
    public B issuedBy(IssuedCertificate issuer) {
        Objects.requireNonNull(issuer, "issuer");
        if (!issuer.hasPrivateKey()) {
            throw new IllegalArgumentException("Cannot sign with " + issuer + ": its private key is not held");
        }
        this.issuer = issuer;
        return self();
    }

    /**
     * Uses {@code serialNumber} instead of a random 16-octet one.
     *
     * @param serialNumber the serial number to write
     * @return this builder
     */
    public B serialNumber(BigInteger serialNumber) {
        this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
        return self();
    }

    /**
     * Uses the validity period {@code notBefore} to {@code notAfter}, both inclusive, in the RFC 5280 time choice.
     *
     * @param notBefore the first instant of validity
     * @param notAfter the last instant of validity
     * @return this builder
     */
    public B validity(Instant notBefore, Instant notAfter) {
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
        this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
        return self();
    }

    /**
     * Applies {@code mutation} to the conforming draft, declaring that the result breaks {@code rule}. Issuance
     * then refuses unless the certificate breaks that rule, and breaks no other rule with an error that was not
     * declared too.
     *
     * @param rule the rule the result breaks
     * @param mutation what to change in the conforming draft
     * @return this builder
     */
    public B breaking(RuleId rule, Consumer<CertificateDraft> mutation) {
        return breaking(List.of(Objects.requireNonNull(rule, "rule")), mutation);
    }

    /**
     * Applies {@code mutation} to the conforming draft, declaring that the result breaks every rule in {@code rules}.
     *
     * @param rules the rules the result breaks
     * @param mutation what to change in the conforming draft
     * @return this builder
     */
    public B breaking(Collection<RuleId> rules, Consumer<CertificateDraft> mutation) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(mutation, "mutation");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("A deliberately broken certificate names at least one rule it breaks");
        }
        rules.forEach(r -> declared.add(Objects.requireNonNull(r, "rule")));
        mutations.add(mutation);
        return self();
    }

    /**
     * Lints, signs and returns the certificate.
     *
     * @return the certificate, signed
     * @throws IssuanceRefusedException when it breaks a rule not declared with {@link #breaking}, or a declared
     *     rule is not broken
     * @throws IllegalStateException when {@link #issuedBy} was given for a self-signed root certificate
     */
    public IssuedCertificate issue() {
        if (isSelfSigned() && issuer != null) {
            throw new IllegalStateException(
                    "A " + kind().displayName() + " certificate is self-signed: issuedBy does not apply");
        }
        prepare();
        SecureRandom random = pki.randomFor(label);
        EcKey subjectKey = key != null ? key : defaultKey(random);
        BigInteger serial = serialNumber != null ? serialNumber : Issuance.serialNumber(random);
        IssuedCertificate ca = isSelfSigned() ? null : (issuer != null ? issuer : defaultIssuer());
        Instant start = notBefore != null ? notBefore : pki.startOfDay();
        Instant end = notAfter != null ? notAfter : defaultNotAfter(start, ca);
        CertificateDraft draft = new CertificateDraft()
                .serialNumber(serial)
                .publicKey(subjectKey.publicKeyInfo())
                .notBefore(X509Times.of(start))
                .notAfter(X509Times.of(end));
        fill(draft, subjectKey.publicKeyInfo(), ca);
        if (ca != null) {
            draft.issuer(ca.certificate().toASN1Structure().getSubject());
        } else {
            draft.issuer(draft.subject());
        }
        mutations.forEach(m -> m.accept(draft));
        return Issuance.issue(
                kind(),
                draft,
                subjectKey,
                ca == null ? subjectKey : ca.key(),
                pki.lintContext(ca),
                Set.copyOf(declared));
    }

    /** Returns the profile the builder issues to. */
    abstract ProfileKind kind();

    /** Checks inputs before anything is generated; the default does nothing. */
    void prepare() {}

    boolean isSelfSigned() {
        return false;
    }

    abstract IssuedCertificate defaultIssuer();

    abstract Instant defaultNotAfter(Instant notBefore, IssuedCertificate issuer);

    /** Fills the subject and extensions of the conforming certificate. */
    abstract void fill(CertificateDraft draft, SubjectPublicKeyInfo publicKey, IssuedCertificate issuer);

    EcKey defaultKey(SecureRandom random) {
        return EcKey.generate(random);
    }

    static Instant plusYearsMinusOneSecond(Instant start, int years) {
        return start.atOffset(ZoneOffset.UTC).plusYears(years).minusSeconds(1).toInstant();
    }

    static Extension keyUsage(int bits) {
        return extension(Extension.keyUsage, true, new KeyUsage(bits));
    }

    static Extension subjectKeyIdentifier(SubjectPublicKeyInfo publicKey) {
        return extension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subjectKeyIdentifier(publicKey));
    }

    static Extension authorityKeyIdentifier(IssuedCertificate issuer) {
        return extension(
                Extension.authorityKeyIdentifier,
                false,
                KeyIdentifiers.authorityKeyIdentifier(issuer.subjectKeyIdentifier()));
    }

    static Extension certificatePolicies(String policyOid) {
        return certificatePolicies(new ASN1ObjectIdentifier(policyOid));
    }

    static Extension certificatePolicies(ASN1ObjectIdentifier policyOid) {
        return extension(
                Extension.certificatePolicies, true, new CertificatePolicies(new PolicyInformation(policyOid)));
    }

    static Extension basicConstraintsCa(Integer pathLength) {
        return extension(
                Extension.basicConstraints,
                true,
                pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
    }

    static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Object value) {
        try {
            return new Extension(oid, critical, value.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
