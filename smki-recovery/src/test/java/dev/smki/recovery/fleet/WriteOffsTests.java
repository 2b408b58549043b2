package dev.smki.recovery.fleet;

import static dev.smki.recovery.fleet.FleetFixtures.fleet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.smki.core.device.AcceptanceRule;
import dev.smki.core.device.Fleet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WriteOffsTests {

    @Test
    void countsEachDeviceOnceByReasonAndKeepsTheFirstFewWriteOffs() {
        Fleet fleet = fleet(100, 1);
        WriteOffs writeOffs = WriteOffs.of(fleet);
        assertThat(writeOffs.isEmpty()).isTrue();
        assertThat(writeOffs.contains(3)).isFalse();

        for (int i = 0; i < 40; i += 2) {
            writeOffs.add(i, new WriteOff(fleet.get(i), WriteOffReason.UNCONTACTABLE, 4, Optional.empty()));
        }
        writeOffs.add(1, new WriteOff(fleet.get(1), WriteOffReason.REFUSED, 1, Optional.of(AcceptanceRule.ALL.get(5))));
        writeOffs.add(0, new WriteOff(fleet.get(0), WriteOffReason.BUSY, 4, Optional.empty()));

        assertThat(writeOffs.size()).isEqualTo(21);
        assertThat(writeOffs.byReason())
                .isEqualTo(Map.of(WriteOffReason.UNCONTACTABLE, 20L, WriteOffReason.REFUSED, 1L));
        assertThat(writeOffs.contains(2)).isTrue();
        assertThat(writeOffs.contains(3)).isFalse();
        assertThat(writeOffs.contains(fleet.get(38))).isTrue();
        assertThat(writeOffs.contains(fleet(100, 1).get(38)))
                .as("a Device of another fleet")
                .isFalse();
        assertThat(writeOffs.examples()).hasSize(WriteOffs.EXAMPLES);
        assertThat(writeOffs.examples().get(0).device()).isEqualTo(fleet.get(0));
        assertThat(writeOffs.examples().get(0).reason()).isEqualTo(WriteOffReason.UNCONTACTABLE);
    }

    @Test
    void refusesTheWriteOffOfAnotherDevice() {
        Fleet fleet = fleet(10, 1);
        WriteOffs writeOffs = WriteOffs.of(fleet);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writeOffs.add(
                        2, new WriteOff(fleet.get(3), WriteOffReason.DECOMMISSIONED, 1, Optional.empty())));
        assertThat(writeOffs.isEmpty()).isTrue();
    }
}
