package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SupplierOfLastResortWalkthroughTests {

    @Test
    void theReadmeWalkthroughShowsTheDelayedThenCompletedRevocation() {
        // Logging starts before stdout is captured, so that its start-up status never mixes with the output.
        LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SupplierOfLastResortWalkthrough.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("SOLR-2026-01: delay revocation by dcc REFUSED (SOLR-1)");
        assertThat(lines.get(1)).startsWith("SOLR-2026-01: delay revocation by smki-pma GRANTED (SOLR-1)");
        assertThat(lines.subList(2, 5)).allMatch(line -> line.startsWith("held by SOLR-6: "));
        assertThat(lines.get(5)).isEqualTo("CRL during the delay: 0 entries");
        assertThat(lines.subList(6, 9))
                .allMatch(line -> line.startsWith("revoked Organisation certificate ")
                        && line.contains("(supplier, supplier ")
                        && line.contains("under REV-2"));
        assertThat(lines.get(9)).isEqualTo("CRL number 2 lists 3 certificates, signed by the Issuing OCA: true");
        assertThat(lines).hasSize(10);
    }
}
