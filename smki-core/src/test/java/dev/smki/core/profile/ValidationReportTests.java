package dev.smki.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class ValidationReportTests {

    private static final Rule ERROR_RULE = CommonRules.VERSION.rule();
    private static final Rule WARN_RULE = CommonRules.SERIAL_SIXTEEN_OCTETS.rule();

    @Test
    void theResultIsWhatTheWorstBrokenRuleSays() {
        Finding error = new Finding(ERROR_RULE, "v1", "v3");
        Finding warning = new Finding(WARN_RULE, "8 octets", "16 octets");

        assertThat(report(List.of()).result()).isEqualTo(ValidationResult.OK);
        assertThat(report(List.of(warning)).result()).isEqualTo(ValidationResult.WARNINGS);
        assertThat(report(List.of(warning, error)).result()).isEqualTo(ValidationResult.ERRORS);
        assertThat(report(List.of(warning, error)).hasErrors()).isTrue();
        assertThat(report(List.of(warning)).hasErrors()).isFalse();
    }

    @Test
    void aResultThatContradictsTheFindingsIsRefused() {
        assertThatThrownBy(() -> new ValidationReport(
                        ValidationResult.OK,
                        ProfileKind.DEVICE,
                        false,
                        "device",
                        List.of(new Finding(ERROR_RULE, "v1", "v3")),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The result of these findings is ERRORS, not OK");
    }

    @Test
    void theValidatorGivesEachReportItsResult() {
        X509CertificateHolder nonRepudiation = TestHierarchy.device()
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .build();
        X509CertificateHolder eightOctetSerial = TestHierarchy.device()
                .serial(java.math.BigInteger.valueOf(0x0102030405060708L))
                .build();

        assertThat(CertificateValidator.validate(TestHierarchy.device().build(), TestHierarchy.context())
                        .result())
                .isEqualTo(ValidationResult.OK);
        assertThat(CertificateValidator.validate(eightOctetSerial, TestHierarchy.context())
                        .result())
                .isEqualTo(ValidationResult.WARNINGS);
        assertThat(CertificateValidator.validate(nonRepudiation, TestHierarchy.context())
                        .result())
                .isEqualTo(ValidationResult.ERRORS);
    }

    @Test
    void writesItsDocumentedJsonForm() {
        Rule rule = new Rule(
                ERROR_RULE.id(),
                "A \"quoted\" statement\nover two lines, café",
                java.util.Set.of(ProfileKind.DEVICE, ProfileKind.ROOT_OCA),
                Severity.ERROR,
                dev.smki.core.provenance.Confidence.VERIFIED,
                List.of(dev.smki.core.provenance.Citation.of("GBCS", "§12")));
        ValidationReport report = ValidationReport.of(
                ProfileKind.DEVICE,
                true,
                "device 00-DB-12-34-56-78-90-A0, serial 1F",
                List.of(new Finding(rule, "a\\b", "c\td")),
                List.of(new NotChecked(rule, "no issuer")));

        assertThat(report.toJson())
                .isEqualTo("{\"result\":\"ERRORS\",\"profile\":\"DEVICE\",\"profileForced\":true,"
                        + "\"subject\":\"device 00-DB-12-34-56-78-90-A0, serial 1F\",\"findings\":[{\"rule\":"
                        + "{\"id\":{\"value\":\"CERT-1\"},\"statement\":\"A \\\"quoted\\\" statement\\nover two"
                        + " lines, caf\\u00e9\",\"appliesTo\":[\"ROOT_OCA\",\"DEVICE\"],\"severity\":\"ERROR\","
                        + "\"confidence\":\"VERIFIED\",\"sources\":[{\"source\":\"GBCS\",\"locator\":\"\\u00a712\"}]},"
                        + "\"actual\":\"a\\\\b\",\"expected\":\"c\\td\"}],\"notChecked\":[{\"rule\":"
                        + "{\"id\":{\"value\":\"CERT-1\"},\"statement\":\"A \\\"quoted\\\" statement\\nover two"
                        + " lines, caf\\u00e9\",\"appliesTo\":[\"ROOT_OCA\",\"DEVICE\"],\"severity\":\"ERROR\","
                        + "\"confidence\":\"VERIFIED\",\"sources\":[{\"source\":\"GBCS\",\"locator\":\"\\u00a7"
                        + "12\"}]},\"reason\":\"no issuer\"}]}");
        assertThat(ValidationReport.toJson(List.of(report, report)))
                .isEqualTo("[" + report.toJson() + "," + report.toJson() + "]");
    }

    @Test
    void unreadableInputHasANullProfileInJson() {
        ValidationReport report = CertificateValidator.validateAll(
                        CertificateInput.parse(new byte[] {1, 2, 3}), TestHierarchy.context())
                .get(0);

        assertThat(report.profile()).isNull();
        assertThat(report.checkedProfile()).isEmpty();
        assertThat(report.toJson()).startsWith("{\"result\":\"ERRORS\",\"profile\":null,\"profileForced\":false,");
    }

    @Test
    void aContextOnAClockValidatesAtTheInstantEachValidationStarts() {
        AtomicReference<Instant> now = new AtomicReference<>(TestHierarchy.AT);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ValidationContext ctx = TestHierarchy.contextBuilder().clock(clock).build();
        X509CertificateHolder organisation = TestHierarchy.organisation().build();

        assertThat(CertificateValidator.validate(organisation, ctx).findings()).isEmpty();
        now.set(TestHierarchy.AT.plus(Duration.ofDays(365 * 40)));
        assertThat(ctx.at()).isEqualTo(now.get());
        assertThat(CertificateValidator.validate(organisation, ctx).findings())
                .extracting(f -> f.rule().id().value())
                .containsExactly("CERT-53");
    }

    @Test
    void aContextBuiltWithAnInstantStaysAtIt() {
        ValidationContext ctx = ValidationContext.of(TestHierarchy.ENV, TestHierarchy.AT);

        assertThat(ctx.at()).isEqualTo(TestHierarchy.AT);
        assertThat(ctx.clock().instant()).isEqualTo(TestHierarchy.AT);
        assertThat(ctx.toBuilder().build().at()).isEqualTo(TestHierarchy.AT);
    }

    private static ValidationReport report(List<Finding> findings) {
        return ValidationReport.of(ProfileKind.DEVICE, false, "device", findings, List.of());
    }
}
