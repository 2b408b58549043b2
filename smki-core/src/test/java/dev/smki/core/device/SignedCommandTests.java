package dev.smki.core.device;

import static dev.smki.core.device.DeviceFixtures.METER;
import static dev.smki.core.device.DeviceFixtures.PKI;
import static dev.smki.core.device.DeviceFixtures.RECOVERED;
import static dev.smki.core.device.DeviceFixtures.authoriser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.RemotePartyRole;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class SignedCommandTests {

    private static final UpdateSecurityCredentials CONTINGENCY = UpdateSecurityCredentials.builder(
                    CredentialsReplacementMode.ANY_BY_CONTINGENCY)
            .symmetricKey(PKI.contingency().symmetricKey())
            .sequenceNumber(300)
            .newFloor(5)
            .replace(TrustAnchorCellId.ROOT, RECOVERED.rootOca())
            .replace(
                    TrustAnchorCellId.SUPPLIER_KA_TOP_UP,
                    DeviceFixtures.currentCertificate(TrustAnchorCellId.SUPPLIER_KA_TOP_UP))
            .pathCertificate(PKI.issuingOca())
            .executionDateTime(Instant.parse("2026-03-01T12:30:15.250Z"))
            .build();

    private static ASN1Sequence sequence(ASN1Encodable value) {
        return ASN1Sequence.getInstance(value);
    }

    private static byte[] der(ASN1Encodable value) throws Exception {
        return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    }

    /** Returns a signed envelope around {@code header} and {@code body}, with a dummy signature. */
    private static byte[] envelope(ASN1Encodable header, ASN1Encodable body) throws Exception {
        return der(new DERSequence(new ASN1Encodable[] {
            new DERSequence(new ASN1Encodable[] {header, body}), new DEROctetString(new byte[] {1, 2, 3})
        }));
    }

    private static ASN1Encodable header(int messageCode) {
        return new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(messageCode), new DEROctetString(new byte[8]), new DEROctetString(METER.toOctets())
        });
    }

    /** Returns a contingency body whose control sequence holds {@code control}. */
    private static ASN1Encodable body(ASN1Encodable... control) throws Exception {
        ASN1Sequence good = sequence(ASN1Primitive.fromByteArray(CONTINGENCY.toDer()));
        return new DERSequence(
                new ASN1Encodable[] {new DERSequence(control), good.getObjectAt(1), good.getObjectAt(2)});
    }

    @Test
    void theBodyHasTheGbcsLayout() throws Exception {
        ASN1Sequence body = sequence(ASN1Primitive.fromByteArray(CONTINGENCY.toDer()));

        ASN1Sequence control = sequence(body.getObjectAt(0));
        assertThat(ASN1Integer.getInstance(control.getObjectAt(0)).intValueExact())
                .isEqualTo(9);
        ASN1TaggedObject key = ASN1TaggedObject.getInstance(control.getObjectAt(1));
        assertThat(key.getTagNo()).isZero();
        assertThat(ASN1OctetString.getInstance(key, false).getOctets())
                .isEqualTo(PKI.contingency().symmetricKey().toOctets());
        assertThat(ASN1Integer.getInstance(control.getObjectAt(2)).intValueExact())
                .isEqualTo(300);
        ASN1TaggedObject floor = ASN1TaggedObject.getInstance(control.getObjectAt(3));
        assertThat(floor.getTagNo()).isEqualTo(4);
        assertThat(ASN1Integer.getInstance(floor, false).intValueExact()).isEqualTo(5);

        ASN1Sequence replacements = sequence(body.getObjectAt(1));
        ASN1Sequence root = sequence(replacements.getObjectAt(0));
        assertThat(der(root.getObjectAt(0))).isEqualTo(RECOVERED.rootOca().toDer());
        ASN1Sequence rootCell = sequence(root.getObjectAt(1));
        assertThat(rootCell.size())
                .as("cell usage management is the DEFAULT, left out")
                .isEqualTo(2);
        assertThat(ASN1Integer.getInstance(rootCell.getObjectAt(0)).intValueExact())
                .isZero();
        assertThat(der(rootCell.getObjectAt(1))).isEqualTo(der(new KeyUsage(KeyUsage.keyCertSign)));
        ASN1Sequence topUpCell = sequence(sequence(replacements.getObjectAt(1)).getObjectAt(1));
        assertThat(ASN1Integer.getInstance(topUpCell.getObjectAt(0)).intValueExact())
                .isEqualTo(2);
        assertThat(der(topUpCell.getObjectAt(1))).isEqualTo(HexFormat.of().parseHex("03020308"));
        assertThat(ASN1Integer.getInstance(topUpCell.getObjectAt(2)).intValueExact())
                .isEqualTo(1);

        assertThat(Certificate.getInstance(sequence(body.getObjectAt(2)).getObjectAt(0))
                        .getEncoded())
                .isEqualTo(PKI.issuingOca().toDer());
        assertThat(ASN1GeneralizedTime.getInstance(body.getObjectAt(3)).getTimeString())
                .isEqualTo("20260301123015Z");
    }

    @Test
    void theEnvelopeCarriesTheMessageCodeOriginatorAndRecipientUnderTheSignature() throws Exception {
        SignedCommand signed = CONTINGENCY.sign(authoriser(CredentialsReplacementMode.ANY_BY_CONTINGENCY), METER);
        ASN1Sequence envelope = sequence(ASN1Primitive.fromByteArray(signed.toDer()));

        ASN1Sequence header = sequence(sequence(envelope.getObjectAt(0)).getObjectAt(0));
        assertThat(ASN1Integer.getInstance(header.getObjectAt(0)).intValueExact())
                .isEqualTo(0x0109);
        assertThat(ASN1OctetString.getInstance(header.getObjectAt(1)).getOctets())
                .isEqualTo(PKI.parties().of(RemotePartyRole.ROOT).toOctets());
        assertThat(ASN1OctetString.getInstance(header.getObjectAt(2)).getOctets())
                .isEqualTo(METER.toOctets());
        assertThat(der(sequence(envelope.getObjectAt(0)).getObjectAt(1))).isEqualTo(CONTINGENCY.toDer());
        assertThat(ASN1OctetString.getInstance(envelope.getObjectAt(1)).getOctets())
                .isEqualTo(signed.signature());
    }

    @Test
    void readsTheCommandItWrote() throws Exception {
        assertThat(SignedCommand.parse(envelope(header(0x0109), ASN1Primitive.fromByteArray(CONTINGENCY.toDer())))
                        .command())
                .isEqualTo(CONTINGENCY);
    }

    @Test
    void refusesAHeaderWhoseMessageCodeIsNotTheModes() throws Exception {
        byte[] bytes = envelope(header(0x0102), ASN1Primitive.fromByteArray(CONTINGENCY.toDer()));

        assertThatThrownBy(() -> SignedCommand.parse(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x0102");
    }

    @Test
    void refusesFieldsTheSimulationDoesNotModel() throws Exception {
        byte[] timeChecks = envelope(
                header(0x0109),
                body(new ASN1Integer(9), new DERTaggedObject(false, 1, new ASN1Integer(1)), new ASN1Integer(1)));
        byte[] otherParties = envelope(
                header(0x0109),
                body(new ASN1Integer(9), new ASN1Integer(1), new DERTaggedObject(false, 6, new DERSequence())));

        assertThatThrownBy(() -> SignedCommand.parse(timeChecks)).hasMessageContaining("does not model");
        assertThatThrownBy(() -> SignedCommand.parse(otherParties)).hasMessageContaining("does not model");
    }

    @Test
    void refusesAnUnknownModeOrANegativeSequenceNumber() throws Exception {
        assertThatThrownBy(() ->
                        SignedCommand.parse(envelope(header(0x010A), body(new ASN1Integer(10), new ASN1Integer(1)))))
                .hasMessageContaining("mode");
        assertThatThrownBy(() ->
                        SignedCommand.parse(envelope(header(0x0109), body(new ASN1Integer(9), new ASN1Integer(-1)))))
                .hasMessageContaining("sequence number");
    }

    @Test
    void refusesACellIdentifierThatNamesNoCell() throws Exception {
        ASN1EncodableVector issuingAuthority = new ASN1EncodableVector();
        issuingAuthority.add(new ASN1Integer(7));
        issuingAuthority.add(new KeyUsage(KeyUsage.digitalSignature));
        ASN1EncodableVector twoUsages = new ASN1EncodableVector();
        twoUsages.add(new ASN1Integer(2));
        twoUsages.add(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        for (ASN1EncodableVector cell : java.util.List.of(issuingAuthority, twoUsages)) {
            ASN1Encodable replacement = new DERSequence(
                    new ASN1Encodable[] {PKI.rootOca().certificate().toASN1Structure(), new DERSequence(cell)});
            ASN1Encodable bad = new DERSequence(new ASN1Encodable[] {
                new DERSequence(new ASN1Encodable[] {new ASN1Integer(2), new ASN1Integer(1)}),
                new DERSequence(replacement),
                new DERSequence()
            });
            assertThatThrownBy(() -> SignedCommand.parse(envelope(header(0x0102), bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("trust-anchor cell identifier");
        }
    }

    @Test
    void refusesBytesThatAreNotStrictDer() throws Exception {
        byte[] good = CONTINGENCY
                .sign(authoriser(CredentialsReplacementMode.ANY_BY_CONTINGENCY), METER)
                .toDer();
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        byte[] indefinite = good.clone();
        indefinite[1] = (byte) 0x80;

        assertThatThrownBy(() -> SignedCommand.parse(trailing)).hasMessageContaining("unexpected octets");
        assertThatThrownBy(() -> SignedCommand.parse(indefinite)).hasMessageContaining("not DER");
        assertThatThrownBy(() -> SignedCommand.parse(new byte[0])).hasMessageContaining("missing");
    }

    @Test
    void neverShowsTheSymmetricKey() {
        assertThat(CONTINGENCY.toString())
                .contains("anyByContingency", "with Symmetric Key")
                .doesNotContain(PKI.contingency().symmetricKey().toHex());
    }

    @Test
    void needsASequenceNumber() {
        assertThatThrownBy(() -> UpdateSecurityCredentials.builder(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER)
                        .build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> UpdateSecurityCredentials.builder(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER)
                        .sequenceNumber(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
