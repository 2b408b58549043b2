package dev.smki.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain Jackson, with no module and no configuration, writes a report in the form {@link ValidationReport#toJson()} writes. */
class ValidationReportJacksonTests {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void plainJacksonWritesEveryReportOfTheFixturesAsToJsonDoes() throws IOException {
        List<ValidationReport> reports = new ArrayList<>();
        for (String name : List.of(
                "dcc-test-shaped.pem",
                "device-csr.pem",
                "device-non-repudiation.pem",
                "organisation-null-parameters.pem",
                "device-without-ski.pem")) {
            // Without issuers, so that rules are also reported as not checked.
            reports.addAll(CertificateValidator.validateAll(
                    CertificateInput.parse(resource(name)), ValidationContext.of(TestHierarchy.ENV, TestHierarchy.AT)));
        }
        reports.addAll(CertificateValidator.validateAll(
                CertificateInput.parse("not a certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                TestHierarchy.context()));

        assertThat(reports).extracting(ValidationReport::result).contains(ValidationResult.OK, ValidationResult.ERRORS);
        assertThat(reports).anySatisfy(r -> assertThat(r.notChecked()).isNotEmpty());
        assertThat(reports).anySatisfy(r -> assertThat(r.profile()).isNull());
        for (ValidationReport report : reports) {
            JsonNode byJackson = PLAIN.valueToTree(report);
            assertThat(byJackson)
                    .as("Jackson's form of %s", report.subject())
                    .isEqualTo(PLAIN.readTree(report.toJson()));
            assertThat(PLAIN.writeValueAsString(report))
                    .isEqualTo(PLAIN.writeValueAsString(PLAIN.readTree(report.toJson())));
        }
        assertThat(PLAIN.readTree(ValidationReport.toJson(reports))).isEqualTo(PLAIN.valueToTree(reports));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ValidationReportJacksonTests.class.getResourceAsStream("/lint/" + name)) {
            return in.readAllBytes();
        }
    }
}
