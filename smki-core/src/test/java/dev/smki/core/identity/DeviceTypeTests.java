package dev.smki.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DeviceTypeTests {

    @Test
    void carriesTheGbcsDeviceTypeValues() {
        assertThat(DeviceType.ofCode(0)).isEqualTo(DeviceType.GSME);
        assertThat(DeviceType.ofCode(1)).isEqualTo(DeviceType.ESME);
        assertThat(DeviceType.ofCode(2)).isEqualTo(DeviceType.CHF);
        assertThat(DeviceType.ofCode(3)).isEqualTo(DeviceType.GPF);
        assertThat(DeviceType.ofCode(4)).isEqualTo(DeviceType.HCALCS);
        assertThat(DeviceType.ofCode(5)).isEqualTo(DeviceType.PPMID);
        assertThat(DeviceType.ofCode(6)).isEqualTo(DeviceType.TYPE2);
    }

    @Test
    void readsItsGbcsNameAndItsEnumName() {
        assertThat(DeviceType.parse("eSME")).isEqualTo(DeviceType.ESME);
        assertThat(DeviceType.parse("communicationsHubGasProxyFunction")).isEqualTo(DeviceType.GPF);
        assertThat(DeviceType.parse("ppmid")).isEqualTo(DeviceType.PPMID);
    }

    @Test
    void refusesValuesOutsideZeroToSix() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeviceType.ofCode(7))
                .withMessageContaining("7");
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceType.parse("meter"));
    }
}
