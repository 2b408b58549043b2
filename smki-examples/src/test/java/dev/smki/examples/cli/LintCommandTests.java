package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTests {

    @TempDir
    static Path dir;

    private static Path chain;
    private static Path csr;
    private static Path nonRepudiation;
    private static Path nullParameters;
    private static Path withoutSki;

    /** The fixtures of smki-core's test jar (made and checked there by LintFixturesTests), as files. */
    @BeforeAll
    static void copyFixtures() throws IOException {
        chain = fixture("dcc-test-shaped.pem");
        csr = fixture("device-csr.pem");
        nonRepudiation = fixture("device-non-repudiation.pem");
        nullParameters = fixture("organisation-null-parameters.pem");
        withoutSki = fixture("device-without-ski.pem");
    }

    private static Path fixture(String name) throws IOException {
        try (InputStream in = LintCommandTests.class.getResourceAsStream("/lint/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    private static Run lint(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("lint"));
        for (Object a : args) {
            all.add(a.toString());
        }
        int code = SmkiCli.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void dccShapedCertificatesLintCleanInTheDccTestEnvironment() {
        Run run = lint("--env", "dcc-test", "--at", "2026-01-01", chain, csr);

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("[1]: Root OCA: OU=00,CN=ZA")
                .contains("[2]: Issuing OCA: OU=07,CN=Z1")
                .contains("[7]: Device: device 00-DB-12-34-56-78-90-A0")
                .contains("[3]: Organisation: OU=02,x500UniqueIdentifier=90-B3-D5-1F-30-01-00-00")
                .contains("device-csr.pem: Device CSR: certificate request, device 00-DB-12-34-56-78-90-A0")
                .doesNotContain("ERROR")
                .doesNotContain("WARN")
                .contains("9 items checked in environment dcc-test at 2026-01-01T00:00:00Z: 0 with errors");
    }

    @Test
    void onlyTheIssuanceInstantRuleIsLeftUncheckedWhenTheChainIsGiven() {
        Run run = lint("--env", "dcc-test", "--at", "2026-01-01", chain);

        assertThat(run.out().lines().filter(line -> line.contains("not checked")))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("  not checked: CERT-42 (issuance instant unknown"));
    }

    @Test
    void aDeviceCertificateWithNonRepudiationIsAnErrorOfCert43() {
        Run run = lint("--env", "dcc-test", "--at", "2026-01-01", nonRepudiation);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("ERROR CERT-43")
                .contains("actual:   keyUsage {digitalSignature, nonRepudiation}")
                .contains("not checked: CERT-12, CERT-13 (no issuer certificate given");
    }

    @Test
    void anOrganisationCertificateWithNullSignatureParametersIsAnErrorOfCert3() {
        Run run = lint("--env", "dcc-test", "--at", "2026-01-01", "--issuer", chain, nullParameters);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR CERT-3 ").contains("NULL");
    }

    @Test
    void aDeviceCertificateWithoutSubjectKeyIdentifierIsAnErrorOfCert7() {
        Run run = lint("--env", "dcc-test", "--at", "2026-01-01", withoutSki);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR CERT-7 ").contains("no subjectKeyIdentifier");
    }

    @Test
    void jsonGivesOneResultPerCertificate() throws IOException {
        Run run = lint("--env", "dcc-test", "--at", "2026-01-01", "--json", chain, nonRepudiation);

        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(root.get("environment").asText()).isEqualTo("dcc-test");
        assertThat(root.get("results")).hasSize(9);
        JsonNode first = root.get("results").get(0);
        assertThat(first.get("file").asText()).endsWith("dcc-test-shaped.pem");
        assertThat(first.get("index").asInt()).isEqualTo(1);
        assertThat(first.get("where").asText()).isEqualTo("PEM block 1");
        assertThat(first.get("profile").asText()).isEqualTo("ROOT_OCA");
        assertThat(first.get("result").asText()).isEqualTo("OK");
        JsonNode broken = root.get("results").get(8);
        assertThat(broken.get("result").asText()).isEqualTo("ERRORS");
        assertThat(broken.get("findings")
                        .get(0)
                        .get("rule")
                        .get("id")
                        .get("value")
                        .asText())
                .isEqualTo("CERT-43");
        assertThat(broken.get("findings").get(0).get("rule").get("sources").toString())
                .contains("GBCS");
        assertThat(broken.get("findings").get(0).get("actual").asText())
                .isEqualTo("keyUsage {digitalSignature, nonRepudiation}");
    }

    @Test
    void theDefaultSimEnvironmentHintsAtDccTest() {
        Run run = lint("--at", "2026-01-01", chain);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR CERT-36").contains("hint: its OIDs are those of environment dcc-test");
    }

    @Test
    void aMissingFileIsOneLineOnStderrAndExitCode2() {
        Run run = lint(dir.resolve("missing.pem"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("smki lint: cannot read")
                .endsWith("no such file");
    }

    @Test
    void aFileThatIsNotACertificateIsAnErrorOfCert0() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate");

        Run run = lint(text);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("notes.txt: not a certificate").contains("ERROR CERT-0");
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        Path text = Files.writeString(dir.resolve("not-an-issuer.txt"), "x");

        assertThat(lint("--at", "yesterday", chain).errLines())
                .singleElement()
                .asString()
                .contains("--at");
        assertThat(lint("--profile", "meter", chain).exitCode()).isEqualTo(2);
        assertThat(lint("--profile", "device-csr", chain).exitCode()).isEqualTo(2);
        assertThat(lint("--env", "nowhere", chain).errLines())
                .singleElement()
                .asString()
                .contains("--env");
        Run badIssuer = lint("--issuer", text, chain);
        assertThat(badIssuer.exitCode()).isEqualTo(2);
        assertThat(badIssuer.errLines()).singleElement().asString().contains("--issuer");
    }

    @Test
    void noFileIsAUsageError() {
        Run run = lint();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("FILE");
    }

    @Test
    void aForcedProfileIsShownAndChecked() {
        Run run = lint("--env", "dcc-test", "--at", "2026-01-01", "--profile", "organisation", withoutSki);

        assertThat(run.out()).contains("Organisation (forced)").contains("ERROR CERT-28");
    }

    @Test
    void anEnvironmentFileIsAccepted() throws IOException {
        Path env = Files.writeString(
                dir.resolve("env.properties"),
                "name=copy\norganisation.policies=1.2.826.0.1.8641679.1.2.1.4\n"
                        + "device.policies=1.2.826.0.1.8641679.1.2.1.4\nhwType=1.2.826.0.1.8641679.1.2.2.1\n");

        Run run = lint("--env", env, "--at", "2026-01-01", chain);

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("environment copy");
    }

    @Test
    void theTrustAnchorAdviceOfCert38AppliesOnlyToCertificatesOfferedAsTrustAnchors() throws IOException {
        dev.smki.core.issuance.TestPki pki = dev.smki.core.testing.TestPkis.seeded(38);
        Path acbSigning = Files.writeString(
                dir.resolve("acb-ds.pem"),
                pki.organisationCertificate(
                                dev.smki.core.identity.RemotePartyRole.ACCESS_CONTROL_BROKER,
                                dev.smki.core.identity.CertificateUsage.DIGITAL_SIGNATURE)
                        .toPem());
        String at = "2026-06-01";

        assertThat(lint("--at", at, acbSigning).exitCode()).isEqualTo(0);
        Run asAnchor = lint("--at", at, "--trust-anchor", acbSigning);
        assertThat(asAnchor.exitCode()).isEqualTo(0);
        assertThat(asAnchor.out()).contains("WARN CERT-38");
    }

    @Test
    void theCommandIsListedInTheHelp() {
        StringWriter out = new StringWriter();
        SmkiCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");

        assertThat(out.toString()).contains("lint");
    }
}
