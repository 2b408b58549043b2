package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.issuance.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintACertificateTests {

    @TempDir
    Path dir;

    @Test
    void findsTheTestPkiCertificateCleanItsSimOidsWrongUnderDccTestAndEachFilesBrokenRules() throws IOException {
        Path file = dir.resolve("device-non-repudiation.pem");
        try (var in = getClass().getResourceAsStream("/lint/device-non-repudiation.pem")) {
            Files.write(file, in.readAllBytes());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        LintACertificate.run(List.of(file), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("DEVICE device 02-53-4D-4B-49-80-00-00, serial 1D852AEBEECA18AC6D08F5E39E25B146: clean");
        assertThat(lines.get(1))
                .isEqualTo("DEVICE 02-53-4D-4B-49-80-00-00 KEY_AGREEMENT, issuer key "
                        + HexFormat.of()
                                .withUpperCase()
                                .formatHex(TestPki.seeded(7).issuingDca().subjectKeyIdentifier()));
        assertThat(lines.get(2)).endsWith(": 2 findings");
        assertThat(lines.get(3)).startsWith("  CERT-48 ERROR: The hwType is the environment's SMKI hwType OID.");
        assertThat(lines.get(4))
                .startsWith("  CERT-49 ERROR: certificatePolicies holds exactly one policy")
                .contains("(environment dcc-test)");
        assertThat(lines.get(5)).isEqualTo("UNREADABLE DER: not a certificate: 1 finding");
        assertThat(lines.get(6)).startsWith("  CERT-0 ERROR: The input parses as an X.509 certificate");
        assertThat(lines.get(7)).isEqualTo("33 rules apply to Device Certificates");
        assertThat(lines.get(8))
                .startsWith("DEVICE device 00-DB-12-34-56-78-90-A0, ")
                .endsWith(": 1 finding");
        assertThat(lines.get(9))
                .startsWith("  CERT-43 ERROR: ")
                .contains("actual: keyUsage {digitalSignature, nonRepudiation}");
        assertThat(lines).hasSize(10);
    }
}
