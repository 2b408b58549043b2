package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueATestPkiTests {

    @Test
    void theReadmeExampleIssuesConformingCertificatesAndOneBrokenOnPurpose(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            IssueATestPki.main(new String[] {dir.resolve("pki").toString()});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output.lines().filter(l -> l.endsWith("-> []"))).hasSize(3);
        assertThat(output).contains("-> [CERT-43 ERROR");
        assertThat(output).contains("contingency key unwrapped: true", "loaded back: true");
        // four CAs, the fourteen standard Organisation Certificates and the meter's DS and KA certificates
        assertThat(output).containsPattern("key store: 20 entries; supplier-ds.p12: [0-9]+ bytes");
        assertThat(dir.resolve("pki/devices/02534d4b49800000-ka.pem")).isRegularFile();
    }
}
