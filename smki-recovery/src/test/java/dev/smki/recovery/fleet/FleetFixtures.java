package dev.smki.recovery.fleet;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.Authoriser;
import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.DeviceCredentials;
import dev.smki.core.device.DeviceSettings;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.testing.TestKeys;
import dev.smki.core.testing.TestPkis;
import dev.smki.recovery.incident.IncidentId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One test PKI and what the fleet tests send, made once per JVM: the PKI, the same PKI after a contingency
 * recovery, the compromised Supplier signing certificate and its replacements (a new Supplier certificate for
 * Method 3, the ACB's for Method 2), and the three recovery commands.
 */
final class FleetFixtures {

    static final TestPki PKI = TestPkis.seeded(71);
    static final TestPki RECOVERED = PKI.withNewRootOca();
    static final DeviceSettings SETTINGS = DeviceSettings.of(PKI.deviceProvisioning());

    static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final IncidentId INCIDENT = IncidentId.of("INC-2026-007");

    static final IssuedCertificate SUPPLIER_DS =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
    static final IssuedCertificate RECOVERY_DS =
            PKI.organisationCertificate(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE);
    static final IssuedCertificate ACB_DS =
            PKI.organisationCertificate(RemotePartyRole.ACCESS_CONTROL_BROKER, CertificateUsage.DIGITAL_SIGNATURE);
    static final IssuedCertificate NEW_SUPPLIER_DS = PKI.newOrganisationCertificate()
            .role(RemotePartyRole.SUPPLIER)
            .keyUsage(CertificateUsage.DIGITAL_SIGNATURE)
            .key(TestKeys.key(41))
            .issue();

    static final KeyIdentifier COMPROMISED_SUPPLIER =
            SUPPLIER_DS.parsed().subjectKeyIdentifier().orElseThrow();
    static final KeyIdentifier OLD_ROOT =
            PKI.rootOca().parsed().subjectKeyIdentifier().orElseThrow();
    static final KeyIdentifier NEW_ROOT =
            RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow();

    private FleetFixtures() {}

    /** Returns {@code size} Devices of every type, 95% commissioned, in an order drawn from {@code seed}. */
    static Fleet fleet(int size, long seed) {
        int esme = size * 40 / 100;
        int gsme = size * 30 / 100;
        int chf = size * 15 / 100;
        int gpf = size * 5 / 100;
        int ppmid = size * 5 / 100;
        int hcalcs = size * 3 / 100;
        return Fleet.builder(SETTINGS)
                .devices(DeviceType.ESME, esme)
                .devices(DeviceType.GSME, gsme)
                .devices(DeviceType.CHF, chf)
                .devices(DeviceType.GPF, gpf)
                .devices(DeviceType.PPMID, ppmid)
                .devices(DeviceType.HCALCS, hcalcs)
                .devices(DeviceType.TYPE2, size - esme - gsme - chf - gpf - ppmid - hcalcs)
                .seed(seed)
                .commissionedShare(0.95)
                .build();
    }

    /** Returns each Device's credentials now, in fleet order. */
    static List<DeviceCredentials> state(Fleet fleet) {
        return fleet.stream().map(d -> d.credentials()).toList();
    }

    /** Returns the Recovery key's command putting {@code certificate} into the Supplier's signing cell (Methods 2, 3). */
    static UpdateSecurityCredentials supplierCellBy(IssuedCertificate certificate, long sequenceNumber) {
        return UpdateSecurityCredentials.builder(CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY)
                .sequenceNumber(sequenceNumber)
                .newFloor(1_000)
                .replace(TrustAnchorCellId.SUPPLIER_DS, certificate.parsed())
                .pathCertificate(PKI.issuingOca().parsed())
                .build();
    }

    /** Returns Method 3's command: the Supplier's new certificate into its signing cell. */
    static UpdateSecurityCredentials method3() {
        return supplierCellBy(NEW_SUPPLIER_DS, 1);
    }

    /** Returns the contingency command putting the new Root in, releasing the current Symmetric Key. */
    static UpdateSecurityCredentials newRoot(long sequenceNumber) {
        return UpdateSecurityCredentials.builder(CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(PKI.contingency().symmetricKey())
                .sequenceNumber(sequenceNumber)
                .replace(TrustAnchorCellId.ROOT, RECOVERED.rootOca().parsed())
                .build();
    }

    /** Returns the DCC signing with the PKI's Recovery key. */
    static Authoriser recovery() {
        return Authoriser.of(RECOVERY_DS.parsed(), SigningKey.of(RECOVERY_DS));
    }

    /** Returns the DCC signing with the PKI's contingency key. */
    static Authoriser contingency() {
        return PKI.contingencyAuthoriser();
    }

    /** Returns an executor starting at {@link #T0} with {@code settings}. */
    static FleetExecutor executor(DeliverySettings settings) {
        return FleetExecutor.of(settings, CLOCK);
    }
}
