package dev.smki.recovery.fleet;

import static dev.smki.recovery.fleet.FleetFixtures.RECOVERY_DS;
import static dev.smki.recovery.fleet.FleetFixtures.SETTINGS;
import static dev.smki.recovery.fleet.FleetFixtures.method3;
import static dev.smki.recovery.fleet.FleetFixtures.recovery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.device.Device;
import dev.smki.core.device.SignedCommand;
import dev.smki.core.gbcs.CraFlag;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.issuance.SimulatedEui64s;
import org.junit.jupiter.api.Test;

/** What a fleet execution sends each Device is the GBCS message that Device receives. */
class CommandFactoryTests {

    @Test
    void aSigningFactoryMakesEachDeviceItsOwnGbcsCommandSignedWithTheAuthorisersKey() {
        CommandFactory commands = CommandFactory.signing(method3(), recovery());
        Device first = Device.of(SETTINGS, SimulatedEui64s.device(0), DeviceType.ESME, true);
        Device second = Device.of(SETTINGS, SimulatedEui64s.device(1), DeviceType.GSME, true);

        SignedCommand command = commands.commandFor(first);
        byte[] bytes = command.toBytes();

        GbcsMessage message = GbcsMessage.read(bytes);
        assertThat(bytes[0]).isEqualTo((byte) 0xDF);
        assertThat(message.header().craFlag()).isEqualTo(CraFlag.COMMAND);
        assertThat(message.header().messageCode()).isEqualTo(0x0108);
        assertThat(message.header().businessTarget()).isEqualTo(first.eui64());
        assertThat(message.verifies(RECOVERY_DS.certificate().getSubjectPublicKeyInfo()))
                .isTrue();
        assertThat(SignedCommand.parse(bytes)).isEqualTo(command);
        assertThat(commands.commandFor(first)).as("the same bytes every time").isEqualTo(command);
        assertThat(commands.commandFor(second).recipient()).isEqualTo(second.eui64());
        assertThat(first.apply(bytes).isAccepted())
                .as("the Device accepts the bytes")
                .isTrue();
    }
}
