package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smki.core.gbcs.HexText;
import dev.smki.core.identity.Eui64;
import dev.smki.core.testing.TestPkiDirectories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smki gbcs}: a command built from a test PKI decodes, verifies and is accepted; a tampered one is not. */
class GbcsCommandTests {

    static final Eui64 METER = Eui64.parse("02-53-4D-4B-49-80-00-01");

    @TempDir
    Path tmp;

    Path pki;

    @BeforeEach
    void copyThePki() {
        pki = TestPkiDirectories.copyOf(7, List.of(Eui64.parse("02-53-4D-4B-49-80-00-00"), METER), tmp.resolve("pki"));
    }

    private CliRun buildRun(String mode, String device, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "gbcs", "build", "--pki", pki.toString(), "--mode", mode, "--device", device, "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path build(String mode, String name, String... more) {
        Path out = tmp.resolve(name);
        CliRun run = buildRun(mode, METER.toString(), out, more);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    private static CliRun verify(Path message, Path signer) {
        return CliRun.of("gbcs", "verify", message.toString(), "--signer", signer.toString());
    }

    private CliRun check(Path message, String... more) {
        List<String> args = new ArrayList<>(List.of("gbcs", "check", message.toString(), "--pki", pki.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aRecoveryCommandItBuildsDecodesVerifiesWithTheRecoveryCertificateAndIsAccepted() throws Exception {
        Path command = build("recovery", "recovery.hex");

        String text = Files.readString(command, StandardCharsets.US_ASCII);
        assertThat(text).matches("([0-9A-F]{1,64}\n)+");
        CliRun decode = CliRun.of("gbcs", "decode", command.toString());
        assertThat(decode.exitCode()).as(decode.err()).isZero();
        assertThat(decode.out())
                .contains("     2      1      CRA Flag: command")
                .contains("Message Code: 0x0108")
                .contains("Credentials Replacement Mode: anyExceptAbnormalRootByRecovery (8)")
                .contains("Business Target ID: " + METER)
                .contains("Target Trust Anchor Cell: supplier-ka-topup");
        CliRun verify = verify(command, pki.resolve("org/recovery-ds.pem"));
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("valid: ");
        CliRun check = check(command);
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out())
                .startsWith("accepted by ESME " + METER)
                .contains("replaced supplier-ds:", "replaced supplier-ka:", "replaced supplier-ka-topup:")
                .contains("response: success, counter 1");
    }

    @Test
    void theResponseCheckPrintsIsSignedWithTheDevicesDigitalSigningKey() throws Exception {
        CliRun check = check(build("recovery", "recovery.hex"));
        String hex =
                check.out().substring(check.out().indexOf(":\n", check.out().indexOf("response:")) + 2);
        Path response = tmp.resolve("response.hex");
        Files.writeString(response, hex, StandardCharsets.US_ASCII);

        CliRun verify = verify(response, pki.resolve("devices/02534d4b49800001-ds.pem"));

        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("response 0x0108 from " + METER);
        assertThat(CliRun.of("gbcs", "decode", response.toString()).out()).contains("Status Code: success (0)");
    }

    @Test
    void aContingencyCommandVerifiesWithTheContingencyPublicKeyAndAGasMeterAcceptsIt() {
        Path command = build("contingency", "contingency.hex", "--counter", "4");

        assertThat(verify(command, pki.resolve("secret/contingency-public-key.pem"))
                        .exitCode())
                .isZero();
        assertThat(verify(command, pki.resolve("org/recovery-ds.pem")).exitCode())
                .isEqualTo(1);
        CliRun check = check(command, "--type", "gsme");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(CliRun.of("gbcs", "decode", command.toString()).out())
                .contains("Plaintext Symmetric Key: 16 octets (not shown)")
                .contains("Authorising Remote Party Seq Number: 4");
    }

    @Test
    void aReplacementCanBeGivenAsACertificateFile() {
        Path command = build(
                "recovery", "acb.hex", "--replace", "supplier-ds=" + pki.resolve("org/access-control-broker-ds.pem"));

        CliRun check = check(command);

        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out())
                .contains("replaced supplier-ds: 02-53-4D-4B-49-02-00-01")
                .contains("-> 02-53-4D-4B-49-04-00-01");
    }

    /** The length of the Grouping Header of the commands {@code gbcs build} writes (no Date-Time). */
    private static final int HEADER_LENGTH = 36;

    @Test
    void aCommandWhoseBodyIsMalformedIsRefusedUnderDevOneByTheDeviceItsHeaderNames() throws Exception {
        Path command = build("recovery", "recovery.hex");
        byte[] bytes = HexText.read(Files.readAllBytes(command));
        byte[] flipped = bytes.clone();
        flipped[HEADER_LENGTH + 9] ^= 0x20; // the authorising cell's constructed tag [2] becomes a primitive one
        Path file = tmp.resolve("malformed-body.hex");
        Files.writeString(file, HexText.format(flipped), StandardCharsets.US_ASCII);

        CliRun check = check(file);

        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(1);
        assertThat(check.out())
                .startsWith("refused by ESME 02-53-4D-4B-49-80-00-01")
                .contains("DEV-1:")
                .contains("GBCS status code: other (127)")
                .contains("no response: the Device cannot read the command");
    }

    @Test
    void flippingBytesOfTheSignedPartNeverLeavesAValidOrAcceptedCommand() throws Exception {
        Path command = build("recovery", "recovery.hex");
        byte[] bytes = HexText.read(Files.readAllBytes(command));
        int signedEnd = bytes.length - 65;
        List<Integer> positions = new ArrayList<>();
        // Every field of the Grouping Header (its lengths, CRA Flag, counter, identifiers, message code and
        // content length), then bytes spread over the payload; DeviceTests flips every byte in the library.
        positions.addAll(List.of(1, 2, 3, 10, 11, 12, 19, 20, 21, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37));
        for (int i = 40; i < signedEnd; i += 211) {
            positions.add(i);
        }
        positions.add(signedEnd - 1);
        int invalid = 0;
        for (int position : positions) {
            byte[] flipped = bytes.clone();
            flipped[position] ^= 0x01;
            Path file = tmp.resolve("flipped.hex");
            Files.writeString(file, HexText.format(flipped), StandardCharsets.US_ASCII);

            CliRun verify = verify(file, pki.resolve("org/recovery-ds.pem"));
            CliRun check = check(file);

            // A flip in the Grouping Header may leave it unreadable (exit 2, naming the offset); once the header
            // can be read, the signature no longer verifies and the Device it names refuses the command.
            int afterHeader = position >= HEADER_LENGTH ? 1 : 2;
            assertThat(verify.exitCode())
                    .as("verify, byte %d: %s%s", position, verify.out(), verify.err())
                    .isIn(1, afterHeader);
            assertThat(check.exitCode())
                    .as("check, byte %d: %s%s", position, check.out(), check.err())
                    .isIn(1, afterHeader);
            if (verify.exitCode() == 1) {
                invalid++;
                assertThat(verify.out()).startsWith("invalid: ");
            } else {
                assertThat(verify.errLines()).hasSize(1);
                assertThat(verify.err()).contains("malformed at byte ");
            }
            if (check.exitCode() == 1) {
                assertThat(check.out())
                        .as("byte %d", position)
                        .startsWith("refused by ")
                        .contains("GBCS status code:");
            } else {
                assertThat(check.errLines()).hasSize(1);
                assertThat(check.err()).contains("malformed at byte ");
            }
        }
        assertThat(invalid)
                .as("flips that leave a readable message with a broken signature")
                .isGreaterThan(positions.size() / 2);
    }

    @Test
    void decodeAsJsonGivesTheFieldTreeAndAMalformedMessageExitsTwoNamingTheOffset() throws Exception {
        Path command = build("recovery", "recovery.hex");
        CliRun json = CliRun.of("gbcs", "decode", command.toString(), "--json");
        assertThat(json.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("fields").get(0).get("name").asText()).isEqualTo("Grouping Header");
        assertThat(root.get("fields")
                        .get(0)
                        .get("fields")
                        .get(1)
                        .get("fields")
                        .get(1)
                        .get("value")
                        .asText())
                .isEqualTo("command");
        JsonNode counter = root.findParents("name").stream()
                .filter(field -> field.get("name").asText().equals("Originator Counter"))
                .findFirst()
                .orElseThrow()
                .get("value");
        assertThat(counter.isNumber()).as("a counter is a JSON number").isTrue();
        assertThat(root.findValues("value"))
                .as("no number is written as a string")
                .noneSatisfy(
                        value -> assertThat(value.isTextual() && value.asText().matches("\\d+"))
                                .isTrue());

        byte[] bytes = HexText.read(Files.readAllBytes(command));
        Path truncated = tmp.resolve("truncated.hex");
        Files.writeString(truncated, HexText.format(java.util.Arrays.copyOf(bytes, 200)), StandardCharsets.US_ASCII);
        CliRun malformed = CliRun.of("gbcs", "decode", truncated.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.errLines()).hasSize(1);
        assertThat(malformed.err()).contains("malformed at byte 36 (Payload): needs 1812 bytes, 164 are left");
        assertThat(malformed.out()).contains("Content Length");
        CliRun malformedJson = CliRun.of("gbcs", "decode", truncated.toString(), "--json");
        assertThat(malformedJson.exitCode()).isEqualTo(2);
        assertThat(new ObjectMapper()
                        .readTree(malformedJson.out())
                        .get("malformed")
                        .get("offset")
                        .asInt())
                .isEqualTo(36);
    }

    @Test
    void readsBinaryMessagesAndHexWithSpacesAsTheReferenceDataWritesThem() throws Exception {
        Path command = build("recovery", "recovery.hex");
        byte[] bytes = HexText.read(Files.readAllBytes(command));
        Path binary = tmp.resolve("recovery.bin");
        Files.write(binary, bytes);
        Path spaced = tmp.resolve("spaced.hex");
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x ", b));
        }
        Files.writeString(spaced, text, StandardCharsets.US_ASCII);

        assertThat(verify(binary, pki.resolve("org/recovery-ds.pem")).exitCode())
                .isZero();
        assertThat(check(spaced).exitCode()).isZero();
    }

    @Test
    void refusesBadUsageWithOneLineAndExitTwo() throws Exception {
        Path command = build("recovery", "recovery.hex");
        String before = Files.readString(command, StandardCharsets.US_ASCII);

        for (CliRun run : List.of(
                buildRun("sideways", METER.toString(), tmp.resolve("x.hex")),
                buildRun("recovery", "nope", tmp.resolve("x.hex")),
                buildRun("recovery", METER.toString(), command),
                buildRun("recovery", METER.toString(), tmp.resolve("y.hex"), "--replace", "attic=x.pem"),
                CliRun.of(
                        "gbcs",
                        "build",
                        "--pki",
                        tmp.resolve("missing").toString(),
                        "--mode",
                        "recovery",
                        "--device",
                        METER.toString(),
                        "--out",
                        tmp.resolve("z.hex").toString()),
                CliRun.of("gbcs", "verify", command.toString(), "--signer", command.toString()),
                CliRun.of("gbcs", "decode", tmp.resolve("absent.hex").toString()),
                check(command, "--type", "toaster"),
                check(command, "--at", "yesterday"))) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.errLines()).as(run.err()).hasSize(1);
        }
        assertThat(Files.readString(command, StandardCharsets.US_ASCII))
                .as("an existing --out is left alone")
                .isEqualTo(before);
        assertThat(tmp.resolve("x.hex")).doesNotExist();
    }

    @Test
    void theDevicesClockDecidesWhetherTheNewCertificatesAreValid() {
        Path command = build("recovery", "recovery.hex");

        CliRun late = check(command, "--at", "2099-01-01");

        assertThat(late.exitCode()).isEqualTo(1);
        assertThat(late.out()).contains("DEV-12").contains("badCertificate (5)");
    }
}
