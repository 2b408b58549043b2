package dev.smki.recovery.procedures;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.identity.KeyUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.TestPki;
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
    private final Map<String, IssuedCertificate> reissued = new LinkedHashMap<>();
    private IssuedCertificate replacement;
    private IssuedCertificate subscriberCertificate;

    PkiState(TestPki pki) {
        this.pki = Objects.requireNonNull(pki, "pki");
    }

    /** Returns the test PKI the incident starts from. */
    public TestPki current() {
        return pki;
    }

    /** Returns the PKI under the new Root OCA, once C2 made it. */
    public Optional<TestPki> next() {
        return Optional.ofNullable(next);
    }

    /** Returns whether a new Root OCA carrying fresh contingency material exists (C2; REC-6). */
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
        return "new " + next.rootOca() + " with fresh contingency material";
    }

    TestPki requireNext() {
        if (next == null) {
            throw new IllegalStateException("No new Root OCA has been made");
        }
        return next;
    }

    /** Returns the incident's Organisation Certificate of {@code role} for {@code usage}. */
    public IssuedCertificate certificate(RemotePartyRole role, KeyUsage usage) {
        return pki.organisationCertificate(role, usage);
    }

    /** Re-issues {@code credential}'s certificate under the new Issuing OCA with the same key pair; returns it. */
    IssuedCertificate reissue(String stem, OrganisationCredential credential) {
        IssuedCertificate old = pki.organisationCertificate(credential);
        IssuedCertificate renewed = requireNext()
                .newOrganisationCertificate()
                .credential(credential)
                .key(old.keyPair().orElseThrow())
                .issue();
        reissued.put(stem, renewed);
        return renewed;
    }

    /** Returns the Organisation Certificates re-issued under the new Issuing OCA, by credential file stem. */
    public Map<String, IssuedCertificate> reissued() {
        return Collections.unmodifiableMap(reissued);
    }

    /** Issues a new Organisation Certificate (a new key pair) for {@code role} and {@code usage}; returns it. */
    IssuedCertificate issueNew(RemotePartyRole role, KeyUsage usage) {
        return pki.newOrganisationCertificate()
                .credential(OrganisationCredential.of(role, usage))
                .issue();
    }

    /** Returns the certificate a recovery command puts into the compromised (or replaced) cells, once chosen. */
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

    /** Returns the Subscriber's new certificate put in place after Method 2 (R8), once issued. */
    public Optional<IssuedCertificate> subscriberCertificate() {
        return Optional.ofNullable(subscriberCertificate);
    }

    void placeSubscriberCertificate(IssuedCertificate certificate) {
        subscriberCertificate = Objects.requireNonNull(certificate, "certificate");
    }
}
