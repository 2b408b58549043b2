package dev.smki.core.device;

import dev.smki.core.gbcs.CraFlag;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.GroupingHeader;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.testing.TestKeys;
import dev.smki.core.testing.TestPkis;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One small test PKI and what the device tests sign with and install, made once per JVM: the PKI, the same PKI
 * after a contingency recovery (a new Root OCA with new contingency material), a link certificate by which the
 * current Root certifies the new one, and a fresh Organisation Certificate (a new key from {@link TestKeys})
 * for every known cell.
 */
final class DeviceFixtures {

    static final TestPki PKI = TestPkis.seeded(61);
    static final DeviceSettings SETTINGS = DeviceSettings.of(PKI.deviceProvisioning());

    /** The PKI after the contingency procedure: new Root OCA, new contingency material, new Issuing OCA. */
    static final TestPki RECOVERED = PKI.withNewRootOca();

    /** An Issuing-OCA-shaped certificate for the new Root's public key, signed by the current Root. */
    static final IssuedCertificate LINK = PKI.newCaCertificate(ProfileKind.ISSUING_OCA)
            .key(RECOVERED.rootOca().keyPair().orElseThrow())
            .issuedBy(PKI.rootOca())
            .issue();

    static final Eui64 METER = SimulatedEui64s.device(0);
    static final Eui64 OTHER_METER = SimulatedEui64s.device(1);

    private static final Map<TrustAnchorCellId, IssuedCertificate> FRESH = new ConcurrentHashMap<>();

    private DeviceFixtures() {}

    /** Returns a new Device of {@code type} at {@link #METER} with its initial credentials. */
    static Device device(DeviceType type) {
        return Device.of(SETTINGS, METER, type, true);
    }

    /**
     * Returns a conforming certificate for {@code cell} with a key the Device does not hold yet: the new Root for
     * the Root cell, otherwise a new Organisation Certificate of the cell's role and usage under the current
     * Issuing OCA.
     */
    static IssuedCertificate freshCertificate(TrustAnchorCellId cell) {
        if (cell.isRoot()) {
            return RECOVERED.rootOca();
        }
        return FRESH.computeIfAbsent(
                cell,
                c -> PKI.newOrganisationCertificate()
                        .role(c.role())
                        .keyUsage(c.keyUsage().toKeyUsage().orElseThrow())
                        .key(TestKeys.key(TrustAnchorCellId.KNOWN.indexOf(c)))
                        .issue());
    }

    /** Returns the PKI's current certificate in {@code cell}. */
    static IssuedCertificate currentCertificate(TrustAnchorCellId cell) {
        if (cell.isRoot()) {
            return PKI.rootOca();
        }
        return PKI.organisationCertificate(new OrganisationCredential(
                cell.role(), cell.keyUsage().toKeyUsage().orElseThrow(), cell.cellUsage()));
    }

    /** Returns who rightly signs commands in {@code mode} on a Device of {@link #PKI}. */
    static Authoriser authoriser(CredentialsReplacementMode mode) {
        return mode.authorisingCell()
                .map(cell -> authoriser(currentCertificate(cell)))
                .orElseGet(PKI::contingencyAuthoriser);
    }

    /** Returns the Party holding {@code certificate}, signing with its private key. */
    static Authoriser authoriser(IssuedCertificate certificate) {
        return Authoriser.of(certificate.parsed(), SigningKey.of(certificate));
    }

    /** Returns a command builder in {@code mode} with sequence number 1 and the Symmetric Key it needs. */
    static UpdateSecurityCredentials.Builder command(CredentialsReplacementMode mode) {
        UpdateSecurityCredentials.Builder builder =
                UpdateSecurityCredentials.builder(mode).sequenceNumber(1);
        if (mode.isContingency()) {
            builder.symmetricKey(PKI.contingency().symmetricKey());
        }
        return builder;
    }

    /** Returns {@code cell}'s fresh replacement, with the Issuing OCA as path when it is a party's cell. */
    static UpdateSecurityCredentials.Builder replacing(
            UpdateSecurityCredentials.Builder builder, TrustAnchorCellId... cells) {
        boolean party = false;
        for (TrustAnchorCellId cell : cells) {
            builder.replace(cell, freshCertificate(cell).parsed());
            party |= !cell.isRoot();
        }
        if (party) {
            builder.pathCertificate(PKI.issuingOca().parsed());
        }
        return builder;
    }

    /**
     * Returns a response from {@code device} with {@code outcome}, as a Device answering {@code counter} in
     * {@code mode} writes it, signed with that Device's Digital Signing key.
     */
    static UpdateSecurityCredentialsResponse response(
            Eui64 device,
            long counter,
            CredentialsReplacementMode mode,
            UpdateSecurityCredentialsResponse.ExecutionOutcome outcome) {
        return response(device, counter, mode, outcome, null);
    }

    /**
     * Returns the response {@link #response(Eui64, long, CredentialsReplacementMode,
     * UpdateSecurityCredentialsResponse.ExecutionOutcome)} makes, its payload's first four octets replaced by
     * {@code paddedHead} (such as {@code 30820011}, a zero-padded length) when given.
     */
    static UpdateSecurityCredentialsResponse response(
            Eui64 device,
            long counter,
            CredentialsReplacementMode mode,
            UpdateSecurityCredentialsResponse.ExecutionOutcome outcome,
            String paddedHead) {
        GroupingHeader header = new GroupingHeader(
                CraFlag.RESPONSE,
                counter,
                device,
                PKI.parties().of(RemotePartyRole.SUPPLIER),
                Optional.of(PKI.clock().instant()),
                mode.messageCode());
        byte[] payload = Cs02bMessages.encodeResponse(outcome);
        if (paddedHead != null) {
            byte[] head = java.util.HexFormat.of().parseHex(paddedHead);
            payload =
                    dev.smki.core.gbcs.DerWriter.concat(head, java.util.Arrays.copyOfRange(payload, 2, payload.length));
        }
        return new UpdateSecurityCredentialsResponse(
                GbcsMessage.signed(
                        header, payload, SigningKey.of(PKI.deviceKeyPair(device, CertificateUsage.DIGITAL_SIGNATURE))),
                outcome);
    }

    /** Returns the command in {@code mode} replacing {@code cells} with fresh certificates, rightfully signed for {@link #METER}. */
    static SignedCommand signed(CredentialsReplacementMode mode, TrustAnchorCellId... cells) {
        return replacing(command(mode), cells).build().sign(authoriser(mode), METER);
    }
}
