package dev.smki.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.gbcs.FieldTree;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.testing.TestPkis;
import org.junit.jupiter.api.Test;

/** The Java example of docs/gbcs.md, as written there, runs and does what the page says. */
class GbcsDocsExampleTests {

    @Test
    void theJavaExampleBuildsACommandTheDeviceAcceptsAndAnswers() {
        TestPki pki = TestPkis.seeded(7);
        Eui64 meter = Eui64.parse("02-53-4D-4B-49-80-00-01");
        IssuedCertificate recovery =
                pki.organisationCertificate(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE);
        IssuedCertificate newSupplier = pki.newOrganisationCertificate()
                .credential(OrganisationCredential.of(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE))
                .issue();
        SignedCommand command = UpdateSecurityCredentials.builder(
                        CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY)
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.SUPPLIER_DS, newSupplier.parsed())
                .pathCertificate(pki.issuingOca().parsed())
                .build()
                .sign(Authoriser.of(recovery.parsed(), SigningKey.of(recovery)), meter);
        byte[] bytes = command.toBytes();
        Device device = Device.of(DeviceSettings.of(pki.deviceProvisioning()), meter, DeviceType.ESME, true);
        Device.Answer answer = device.answer(bytes);
        FieldTree fields = new FieldTree();
        Cs02bMessages.decode(bytes, fields);

        assertThat(answer.outcome().isAccepted()).as("%s", answer.outcome()).isTrue();
        assertThat(answer.response().orElseThrow().status()).isEqualTo(StatusCode.SUCCESS);
        assertThat(fields.fields())
                .extracting(f -> f.name())
                .containsExactly("Grouping Header", "Payload", "Signature");
    }
}
