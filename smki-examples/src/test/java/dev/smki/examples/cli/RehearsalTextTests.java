package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RehearsalTextTests {

    @Test
    void theActorColumnIsAsWideAsTheLongestActorSoColumnsStayAligned() {
        String row = RehearsalText.row(List.of("DCC", "SHARED_RESOURCE_PROVIDER"));
        String a = String.format(Locale.ROOT, row, "t", "SHARED_RESOURCE_PROVIDER", "S5", "verified", "accepted");
        String b = String.format(Locale.ROOT, row, "t", "DCC", "S4", "reconstructed", "accepted");
        assertThat(a.indexOf("S5")).isEqualTo(b.indexOf("S4"));
    }

    @Test
    void theActorColumnFitsKeyCustodiansEvenWhenAllActorsAreShorter() {
        String row = RehearsalText.row(List.of("DCC"));
        assertThat(String.format(Locale.ROOT, row, "t", "KEY_CUSTODIAN", "C4", "inferred", "accepted"))
                .isEqualTo(String.format(
                        Locale.ROOT,
                        "%-20s  %-13s  %-20s  %-13s  %s%n",
                        "t",
                        "KEY_CUSTODIAN",
                        "C4",
                        "inferred",
                        "accepted"));
    }
}
