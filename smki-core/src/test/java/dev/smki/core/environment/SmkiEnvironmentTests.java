package dev.smki.core.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.smki.core.provenance.Confidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmkiEnvironmentTests {

    @TempDir
    Path dir;

    @Test
    void dccTestHoldsTheObservedDccTestOids() {
        SmkiEnvironment env = SmkiEnvironment.DCC_TEST;
        assertThat(env.organisationPolicies()).containsExactly("1.2.826.0.1.8641679.1.2.1.4");
        assertThat(env.devicePolicies()).contains("1.2.826.0.1.8641679.1.2.1.4", "1.2.826.0.1.1800000.1.2.1.4");
        assertThat(env.hwType()).isEqualTo("1.2.826.0.1.8641679.1.2.2.1");
        assertThat(env.policyConfidence()).isEqualTo(Confidence.OBSERVED);
    }

    @Test
    void contingencyKeyExtensionDefaultsToRfc5934MarkedReconstructed() {
        for (SmkiEnvironment env : SmkiEnvironment.builtIn()) {
            assertThat(env.contingencyKeyExtension()).isEqualTo("1.3.6.1.5.5.7.1.20");
            assertThat(env.contingencyKeyConfidence()).isEqualTo(Confidence.RECONSTRUCTED);
        }
    }

    @Test
    void simIssuesOidsThatNoDccEnvironmentUses() {
        assertThat(SmkiEnvironment.SIM.issuedOrganisationPolicy())
                .startsWith("2.25.")
                .isNotIn(SmkiEnvironment.DCC_TEST.organisationPolicies());
        assertThat(SmkiEnvironment.SIM.issuedDevicePolicy()).isNotIn(SmkiEnvironment.DCC_TEST.devicePolicies());
    }

    @Test
    void findsBuiltInsByNameInAnyCase() {
        assertThat(SmkiEnvironment.named("DCC-TEST")).contains(SmkiEnvironment.DCC_TEST);
        assertThat(SmkiEnvironment.resolve("sim")).isEqualTo(SmkiEnvironment.SIM);
        assertThat(SmkiEnvironment.named("production")).isEmpty();
    }

    @Test
    void loadsAnEnvironmentFromAPropertiesFile() throws IOException {
        Path file = dir.resolve("prod.properties");
        Files.writeString(file, """
                name=production
                organisation.policies=1.2.3.4.1, 1.2.3.4.9
                device.policies=1.2.3.4.2
                hwType=1.2.3.4.3
                contingencyKey.extension=1.2.3.4.4
                contingencyKey.confidence=verified
                """);
        SmkiEnvironment env = SmkiEnvironment.resolve(file.toString());
        assertThat(env.name()).isEqualTo("production");
        assertThat(env.organisationPolicies()).containsExactly("1.2.3.4.1", "1.2.3.4.9");
        assertThat(env.issuedOrganisationPolicy()).isEqualTo("1.2.3.4.1");
        assertThat(env.contingencyKeyExtension()).isEqualTo("1.2.3.4.4");
        assertThat(env.contingencyKeyConfidence()).isEqualTo(Confidence.VERIFIED);
        assertThat(env.policyConfidence()).isEqualTo(Confidence.VERIFIED);
    }

    @Test
    void writesPropertiesThatLoadBackToTheSameEnvironment() throws IOException {
        for (SmkiEnvironment env : SmkiEnvironment.builtIn()) {
            Path file = dir.resolve(env.name() + ".properties");
            Files.writeString(file, env.toProperties());
            assertThat(SmkiEnvironment.load(file)).isEqualTo(env);
        }
    }

    @Test
    void refusesAFileMissingAKeyNamingFileAndKey() throws IOException {
        Path file = dir.resolve("partial.properties");
        Files.writeString(file, "name=x\norganisation.policies=1.2.3\ndevice.policies=1.2.4\n");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SmkiEnvironment.load(file))
                .withMessageContaining(file.toString())
                .withMessageContaining("hwType");
    }

    @Test
    void refusesMalformedOidsAndUnknownKeys() throws IOException {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "name=x\norganisation.policies=1.2.x\ndevice.policies=1.2.4\nhwType=1.2.5\n");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SmkiEnvironment.load(bad))
                .withMessageContaining("'1.2.x'");
        Path typo = dir.resolve("typo.properties");
        Files.writeString(
                typo, "name=x\norganisation.policies=1.2.3\ndevice.policies=1.2.4\nhwType=1.2.5\nhwtype=1.2.6\n");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SmkiEnvironment.load(typo))
                .withMessageContaining("hwtype");
    }

    @Test
    void refusesAnUnknownNameThatIsNoFile() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SmkiEnvironment.resolve("no-such-env"))
                .withMessageContaining("no-such-env")
                .withMessageContaining("dcc-test");
    }

    @Test
    void refusesAnEnvironmentWithoutPolicies() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SmkiEnvironment(
                        "x", List.of(), List.of("1.2"), "1.3", "1.4", Confidence.VERIFIED, Confidence.RECONSTRUCTED))
                .withMessageContaining("organisation.policies");
    }
}
