package dev.smki.recovery.procedures;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.registration.RangeDeclaration;
import dev.smki.core.registration.UserRole;
import dev.smki.core.revocation.CertificateRegistry;
import dev.smki.core.revocation.CertificateStatus;
import dev.smki.core.revocation.Subscriber;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The registry slice of an {@link IncidentState}: the DCC's records as Registration Authority and SMKI Repository:
 * every certificate and its status, the EUI-64 ranges the Parties declared on their Organisation Information Forms,
 * whether the new OCA certificates are published (CS1), and the CSR submission schedule (CS2). Changed only by the
 * effects of accepted steps.
 */
public final class RegistryState {

    private final CertificateRegistry registry;
    private final List<RangeDeclaration> declarations;
    private final Set<String> csrSchedule = new LinkedHashSet<>();
    private boolean newOcaPublished;

    RegistryState(TestPki pki) {
        this.registry = pki.certificateRegistry();
        this.declarations = List.of(
                declaration(pki, RemotePartyRole.SUPPLIER, UserRole.IMPORT_SUPPLIER),
                declaration(pki, RemotePartyRole.SUPPLIER, UserRole.GAS_SUPPLIER),
                declaration(pki, RemotePartyRole.NETWORK_OPERATOR, UserRole.ELECTRICITY_DISTRIBUTOR),
                declaration(pki, RemotePartyRole.NETWORK_OPERATOR, UserRole.GAS_TRANSPORTER),
                declaration(pki, RemotePartyRole.OTHER, UserRole.OTHER_USER));
    }

    private static RangeDeclaration declaration(TestPki pki, RemotePartyRole role, UserRole userRole) {
        Eui64 party = pki.parties().of(role);
        Eui64 first = Eui64.of(party.value() & ~0xFFFFL);
        return RangeDeclaration.of(Subscriber.ofRole(role).name(), userRole, Eui64Range.of(first, first.plus(0xFFFF)));
    }

    /** {@return the certificate registry} */
    public CertificateRegistry certificates() {
        return registry;
    }

    /** Registers {@code certificate} for {@code subscriber}. */
    void register(IssuedCertificate certificate, Subscriber subscriber) {
        registry.register(certificate.parsed(), subscriber);
    }

    /** Moves {@code certificate} out of use. */
    void retire(IssuedCertificate certificate) {
        registry.moveTo(certificate.serialNumber(), CertificateStatus.NOT_IN_USE);
    }

    /** {@return the EUI-64 ranges the Parties declared on their Organisation Information Forms (OIF-4)} */
    public List<RangeDeclaration> organisationInformation() {
        return declarations;
    }

    /** Publishes the new OCA certificates in the SMKI Repository (CS1): the new Root, if any, and Issuing OCA. */
    void publishNewOca(PkiState pki) {
        pki.next().ifPresent(next -> registry.register(next.rootOca().parsed(), Subscriber.DCC));
        registry.register(pki.requireNewIssuingOca().parsed(), Subscriber.DCC);
        newOcaPublished = true;
    }

    /** {@return whether the new OCA certificates are published in the SMKI Repository (REC-10)} */
    public boolean isNewOcaPublished() {
        return newOcaPublished;
    }

    /** Puts {@code items} on the CSR submission schedule (CS2). */
    void schedule(Collection<String> items) {
        csrSchedule.addAll(items);
    }

    /** {@return the items of the CSR submission schedule, one per certificate to re-issue} */
    public Set<String> csrSchedule() {
        return Set.copyOf(csrSchedule);
    }
}
