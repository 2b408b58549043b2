package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RehearseASupplierKeyCompromiseTests {

    @Test
    void recoversTheRelevantDevicesByMethodThreeAndRevokesTheCompromisedCertificate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        RehearseASupplierKeyCompromise.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("ORGANISATION_KEY_COMPROMISE.M3, 24 attempts");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("N5 by DCC: 218 Relevant Devices of 300 hold the key of"
                                + " Organisation certificate [subject OU=02,"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith("RV2 by DCC: revoked Organisation certificate 29C461571DED4D488991DD60B3B3268A"
                                + " (supplier, supplier ds, revoked)"))
                .anySatisfy(l -> assertThat(l).isEqualTo("D3 by SMKI_PMA: SMKI PMA requires RECOVERY_METHOD_3"))
                .anySatisfy(l -> assertThat(l)
                        .isEqualTo("R5 by DCC: activated RECOVERY_PRIVATE_KEY by [KC-01, KC-02," + " KC-03]"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith("R6 by DCC: 218 commands sent in 4 rounds: 216 executed, 2 written off"
                                + " {uncontactable=2}"));
        assertThat(lines.subList(lines.size() - 3, lines.size()))
                .containsExactly(
                        "300 devices, 218 relevant: 216 recovered, 2 written off, 2 holding the compromised" + " key",
                        "anomalies: [2 Relevant Devices written off: {uncontactable=2}, 2 Relevant Devices still holding"
                                + " the replaced key]",
                        "incident closed");
    }
}
