package dev.smki.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.testing.TestKeys;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

class GbcsMessageTests {

    private static final KeyPair KEY = TestKeys.key(3);
    private static final SubjectPublicKeyInfo PUBLIC =
            SubjectPublicKeyInfo.getInstance(KEY.getPublic().getEncoded());
    private static final SubjectPublicKeyInfo OTHER =
            SubjectPublicKeyInfo.getInstance(TestKeys.key(4).getPublic().getEncoded());
    private static final GroupingHeader HEADER = new GroupingHeader(
            CraFlag.COMMAND,
            7,
            Eui64.parse("02-53-4D-4B-49-01-00-01"),
            Eui64.parse("02-53-4D-4B-49-80-00-00"),
            Optional.empty(),
            0x0108);
    private static final byte[] PAYLOAD = HexFormat.of().parseHex("3003020101");

    private static GbcsMessage signed() {
        return GbcsMessage.signed(HEADER, PAYLOAD, SigningKey.of(KEY));
    }

    @Test
    void aSignedMessageIsHeaderPayloadTheLengthOctetAndRThenS() {
        GbcsMessage message = signed();
        byte[] bytes = message.toBytes();
        byte[] header = HEADER.encode(PAYLOAD.length);

        assertThat(Arrays.copyOfRange(bytes, 0, header.length)).isEqualTo(header);
        assertThat(message.payload()).isEqualTo(PAYLOAD);
        assertThat(message.payloadOffset()).isEqualTo(header.length);
        assertThat(bytes[header.length + PAYLOAD.length]).isEqualTo((byte) 0x40);
        assertThat(Arrays.copyOfRange(bytes, header.length + PAYLOAD.length + 1, bytes.length))
                .isEqualTo(message.signature().orElseThrow())
                .hasSize(64);
        assertThat(message.signedPart())
                .isEqualTo(Arrays.copyOfRange(bytes, 1, header.length + PAYLOAD.length))
                .hasSize(message.signedLength());
        assertThat(message.verifies(PUBLIC)).isTrue();
        assertThat(message.verifies(OTHER)).isFalse();
        assertThat(signed()).as("deterministic (RFC 6979)").isEqualTo(message);
    }

    @Test
    void readsBackWhatItWroteWithoutReencoding() {
        byte[] bytes = signed().toBytes();

        GbcsMessage read = GbcsMessage.read(bytes);

        assertThat(read.toBytes()).isEqualTo(bytes);
        assertThat(read.header()).isEqualTo(HEADER);
        assertThat(read.payload()).isEqualTo(PAYLOAD);
        assertThat(read.verifies(PUBLIC)).isTrue();
        assertThat(read.macLayer()).isEmpty();
    }

    @Test
    void flippingAnyBitOfTheSignedBytesOrTheSignatureBreaksTheSignature() {
        byte[] bytes = signed().toBytes();
        for (int i = 1; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= (byte) (1 << bit);
                boolean verifies;
                try {
                    verifies = GbcsMessage.read(flipped).verifies(PUBLIC);
                } catch (GbcsFormatException e) {
                    verifies = false;
                }
                assertThat(verifies).as("byte %d bit %d", i, bit).isFalse();
            }
        }
    }

    @Test
    void anUnsignedMessageEndsWithTheZeroLengthOctet() {
        GbcsMessage message = GbcsMessage.unsigned(HEADER, PAYLOAD);

        assertThat(message.toBytes()[message.length() - 1]).isZero();
        GbcsMessage read = GbcsMessage.read(message.toBytes());
        assertThat(read.signature()).isEmpty();
        assertThat(read.verifies(PUBLIC)).isFalse();
    }

    @Test
    void refusesAnotherSignatureLengthTrailingBytesAndAShortPayload() {
        byte[] bytes = signed().toBytes();
        int lengthAt = bytes.length - 65;

        byte[] otherLength = bytes.clone();
        otherLength[lengthAt] = 0x41;
        assertThatThrownBy(() -> GbcsMessage.read(otherLength))
                .isInstanceOf(GbcsFormatException.class)
                .hasMessage("byte " + lengthAt + " (Signature Length): expected 0x40 (a 64-octet signature) or 0x00"
                        + " (none), found 0x41");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> GbcsMessage.read(longer))
                .hasMessage("byte " + bytes.length + " (message): 1 unexpected bytes after its last field");
        assertThatThrownBy(() -> GbcsMessage.read(Arrays.copyOf(bytes, 36)))
                .hasMessage("byte 34 (Payload): needs 5 bytes, 2 are left");
        assertThatThrownBy(() -> GbcsMessage.read(new byte[0])).hasMessageContaining("no bytes");
    }

    @Test
    void readsAMessageInAMacHeaderAndShowsTheMacUnchecked() {
        byte[] inner = signed().toBytes();
        byte[] mac = HexFormat.of().parseHex("0102030405060708090A0B0C");
        byte[] ciphered = DerWriter.concat(HexFormat.of().parseHex("1100000009"), inner, mac);
        byte[] bytes = DerWriter.concat(
                HexFormat.of().parseHex("DD000000000000"), DerWriter.length(ciphered.length), ciphered);
        FieldTree tree = new FieldTree();

        GbcsMessage read = GbcsMessage.read(bytes, (h, p, t) -> p.octets(p.remaining(), "Payload"), tree)
                .message();

        assertThat(read.macLayer()).contains(new GbcsMessage.MacLayer(0x11, 9, "0102030405060708090A0B0C"));
        assertThat(read.headerOffset()).isEqualTo(7 + DerWriter.length(ciphered.length).length + 5);
        assertThat(read.header()).isEqualTo(HEADER);
        assertThat(read.verifies(PUBLIC)).as("the KRP Signature inside").isTrue();
        assertThat(tree.fields()).extracting(Field::name).contains("MAC Header", "Grouping Header", "ACB-SMD MAC");
        byte[] badMacHeader = bytes.clone();
        badMacHeader[3] = 1;
        assertThatThrownBy(() -> GbcsMessage.read(badMacHeader))
                .isInstanceOf(GbcsFormatException.class)
                .hasMessageStartingWith("byte 3 (General Ciphering field)");
    }
}
