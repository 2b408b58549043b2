package dev.smki.recovery.procedures;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.ProfileKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The PKI slice of an {@link IncidentState}: the test PKI the incident starts from, the new Root and Issuing OCA once
 * made (C2, C3), the Organisation Certificates re-issued under them (CS4), and the certificates a recovery puts into
 * Devices' cells (R3, R4, R8, RK1). Changed only by the effects of accepted steps.
 */
public final class PkiState {

    private final TestPki pki;
    private TestPki next;
    private IssuedCertificate newIssuingOca;
    private IssuedCertificate linkCertificate;
    private final Map<String, IssuedCertificate> reissued = new LinkedHashMap<>();
    private IssuedCertificate replacement;
    private final Map<TrustAnchorCellId, IssuedCertificate> replacements = new LinkedHashMap<>();
    private IssuedCertificate subscriberCertificate;

    PkiState(TestPki pki) {
        this.pki = Objects.requireNonNull(pki, "pki");
    }

    /** {@return the test PKI the incident starts from} */
    public TestPki current() {
        return pki;
    }

    /** {@return the PKI under the new Root OCA, once C2 made it} */
    public Optional<TestPki> next() {
        return Optional.ofNullable(next);
    }

    /** {@return whether a new Root OCA carrying fresh contingency material exists (C2; REC-6)} */
    public boolean hasNewRoot() {
        return next != null;
    }

    /** Returns the key identifier of the new Root OCA, once made. */
    Optional<KeyIdentifier> newRootKey() {
        return next().map(p -> p.rootOca().parsed().subjectKeyIdentifier().orElseThrow());
    }

    /** Makes the new Root OCA with fresh contingency material; returns a note. */
    String makeNewRoot() {
        next = pki.withNewRootOca();
        newIssuingOca = next.issuingOca();
        return "new " + next.rootOca() + " with fresh contingency material";
    }

    /**
     * Makes a link certificate for the new Root OCA: its key certified by the current Root, so that a Device holding
     * the current Root accepts the new one in a normal (not abnormal) Root replacement by the Recovery key; returns a
     * note.
     */
    String makeLinkCertificate() {
        TestPki renewed = requireNext();
        linkCertificate = pki.newCaCertificate(ProfileKind.ISSUING_OCA)
                .commonName("SIM Root OCA link " + (pki.ocaGeneration() + 1))
                .key(renewed.rootOca().keyPair().orElseThrow())
                .issuedBy(pki.rootOca())
                .issue();
        return "link certificate (serial "
                + linkCertificate.serialNumber().toString(16).toUpperCase(java.util.Locale.ROOT)
                + ") certifying the new Root's key under the current Root";
    }

    /** Returns the link certificate for the new Root (CK1), once made. */
    Optional<IssuedCertificate> linkCertificate() {
        return Optional.ofNullable(linkCertificate);
    }

    /**
     * Makes a new Issuing OCA under the current Root, which is not compromised (an Issuing OCA compromise); returns a
     * note.
     */
    String makeNewIssuingOca() {
        newIssuingOca = pki.newCaCertificate(ProfileKind.ISSUING_OCA)
                .issuedBy(pki.rootOca())
                .issue();
        return "new " + newIssuingOca + " under the current " + pki.rootOca();
    }

    /** {@return the new Issuing OCA (C3, CK1 or IO1), once made} */
    public Optional<IssuedCertificate> newIssuingOca() {
        return Optional.ofNullable(newIssuingOca);
    }

    IssuedCertificate requireNewIssuingOca() {
        if (newIssuingOca == null) {
            throw new IllegalStateException("No new Issuing OCA has been made");
        }
        return newIssuingOca;
    }

    TestPki requireNext() {
        if (next == null) {
            throw new IllegalStateException("No new Root OCA has been made");
        }
        return next;
    }

    /**
     * {@return the incident's Organisation Certificate of {@code role} for {@code usage}}
     *
     * @param role the role, such as DCC
     * @param usage the key usage
     */
    public IssuedCertificate certificate(RemotePartyRole role, CertificateUsage usage) {
        return pki.organisationCertificate(role, usage);
    }

    /** Re-issues {@code credential}'s certificate under the new Issuing OCA with the same key pair; returns it. */
    IssuedCertificate reissue(String stem, OrganisationCredential credential) {
        IssuedCertificate old = pki.organisationCertificate(credential);
        IssuedCertificate renewed = next != null
                ? next.newOrganisationCertificate()
                        .credential(credential)
                        .key(old.keyPair().orElseThrow())
                        .issue()
                : pki.newOrganisationCertificate()
                        .credential(credential)
                        .key(old.keyPair().orElseThrow())
                        .issuedBy(requireNewIssuingOca())
                        .issue();
        reissued.put(stem, renewed);
        return renewed;
    }

    /** {@return the Organisation Certificates re-issued under the new Issuing OCA, by credential file stem} */
    public Map<String, IssuedCertificate> reissued() {
        return Collections.unmodifiableMap(reissued);
    }

    /** Issues a new Organisation Certificate (a new key pair) for {@code role} and {@code usage}; returns it. */
    IssuedCertificate issueNew(RemotePartyRole role, CertificateUsage usage) {
        return issueNew(OrganisationCredential.of(role, usage));
    }

    /** Issues a new Organisation Certificate (a new key pair) for {@code credential}; returns it. */
    IssuedCertificate issueNew(OrganisationCredential credential) {
        return pki.newOrganisationCertificate().credential(credential).issue();
    }

    /**
     * {@return the new certificate for each cell a multi-cell recovery replaces, in order (R3, M1.pre, RKD3); the first
     * is also {@link #replacement()}}
     */
    public Map<TrustAnchorCellId, IssuedCertificate> replacements() {
        return Collections.unmodifiableMap(replacements);
    }

    void replaceAll(Map<TrustAnchorCellId, IssuedCertificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("No replacement certificates");
        }
        replacements.clear();
        replacements.putAll(certificates);
        replacement = certificates.values().iterator().next();
    }

    /** {@return the certificate a recovery command puts into the compromised (or replaced) cells, once chosen} */
    public Optional<IssuedCertificate> replacement() {
        return Optional.ofNullable(replacement);
    }

    void replaceWith(IssuedCertificate certificate) {
        replacement = Objects.requireNonNull(certificate, "certificate");
    }

    IssuedCertificate requireReplacement() {
        if (replacement == null) {
            throw new IllegalStateException("No replacement certificate has been chosen");
        }
        return replacement;
    }

    /** {@return the Subscriber's new certificate put in place after Method 2 (R8), once issued} */
    public Optional<IssuedCertificate> subscriberCertificate() {
        return Optional.ofNullable(subscriberCertificate);
    }

    void placeSubscriberCertificate(IssuedCertificate certificate) {
        subscriberCertificate = Objects.requireNonNull(certificate, "certificate");
    }
}
