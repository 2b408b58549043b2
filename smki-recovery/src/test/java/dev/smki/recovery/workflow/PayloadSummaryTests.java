package dev.smki.recovery.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadSummaryTests {

    @Test
    void holdsShortNamedValuesSortedByKey() {
        PayloadSummary summary = PayloadSummary.builder()
                .put("device", "00-DB-12-34-56-78-90-A0")
                .put("custodians", 3)
                .put("abnormal", false)
                .put("at", Instant.parse("2026-03-02T09:00:00Z"))
                .build();

        assertThat(summary.asMap())
                .containsExactly(
                        Map.entry("abnormal", "false"),
                        Map.entry("at", "2026-03-02T09:00:00Z"),
                        Map.entry("custodians", "3"),
                        Map.entry("device", "00-DB-12-34-56-78-90-A0"));
        assertThat(summary).isEqualTo(PayloadSummary.of(summary.asMap()));
        assertThat(summary.toString()).startsWith("{abnormal=false, at=");
    }

    @Test
    void refusesKeysThatNameSecretsWithoutEchoingTheValue() {
        for (String key :
                new String[] {"privateKey", "private_key", "secret", "hsmPassword", "pass-phrase", "keyShare"}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> PayloadSummary.of(key, "MHcCAQEEI"))
                    .withMessageContaining("'" + key + "' names a secret")
                    .withMessageNotContaining("MHcCAQEEI");
        }
    }

    @Test
    void refusesValuesThatLookLikePemKeyMaterialWithoutEchoingThem() {
        String pem = "-----BEGIN EC PRIVATE KEY----- MHcCAQEEIB";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> PayloadSummary.of("material", pem))
                .withMessageContaining("looks like key material")
                .withMessageNotContaining("MHcCAQEEIB");
    }

    @Test
    void refusesLongValuesControlCharactersAndMalformedKeys() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PayloadSummary.of("blob", "A".repeat(PayloadSummary.MAX_VALUE_LENGTH + 1)))
                .withMessageContaining("has 161 characters");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PayloadSummary.of("note", "two\nlines"))
                .withMessageContaining("control character");
        assertThatIllegalArgumentException().isThrownBy(() -> PayloadSummary.of("Device", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> PayloadSummary.of("", "x"));
    }

    @Test
    void refusesTooManyEntriesAndDuplicateKeys() {
        PayloadSummary.Builder builder = PayloadSummary.builder();
        for (int i = 0; i < PayloadSummary.MAX_ENTRIES; i++) {
            builder.put("k" + i, "v");
        }

        assertThatIllegalArgumentException().isThrownBy(() -> builder.put("k99", "v"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PayloadSummary.builder().put("a", "1").put("a", "2"))
                .withMessageContaining("already has an entry 'a'");
    }

    @Test
    void showsOnlyTheSummaryOfAPayloadThatHoldsMore() {
        record Activation(char[] pin, int custodians) implements Payload {
            @Override
            public PayloadSummary summary() {
                return PayloadSummary.builder().put("custodians", custodians).build();
            }
        }
        Attempt attempt = Attempt.of(StepId.of("R5"), Actor.of("DCC"), new Activation("4711".toCharArray(), 3));

        assertThat(attempt.toString()).isEqualTo("DCC R5 {custodians=3}");
    }
}
