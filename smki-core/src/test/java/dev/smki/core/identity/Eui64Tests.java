package dev.smki.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Eui64Tests {

    @Nested
    class Parsing {

        @Test
        void readsTheHyphenatedDuisForm() {
            assertThat(Eui64.parse("00-DB-12-34-56-78-90-A0").value()).isEqualTo(0x00DB1234567890A0L);
        }

        @Test
        void readsTheCompactFormInAnyCase() {
            assertThat(Eui64.parse("00db1234567890A0")).isEqualTo(Eui64.parse("00-DB-12-34-56-78-90-A0"));
            assertThat(Eui64.parse("90b3d51f30010000")).isEqualTo(Eui64.of(0x90B3D51F30010000L));
        }

        @Test
        void readsTheHyphenatedFormInLowerCase() {
            assertThat(Eui64.parse("ff-ff-ff-ff-ff-ff-ff-fe")).isEqualTo(Eui64.of(0xFFFFFFFFFFFFFFFEL));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "00DB1234567890A",
                    "00DB1234567890A00",
                    "00-DB-12-34-56-78-90",
                    "00:DB:12:34:56:78:90:A0",
                    "00-DB-12-34-56-78-90-G0",
                    "00DB12345678 0A0",
                    "+0DB1234567890A0",
                    "0-DB-12-34-56-78-90-A00"
                })
        void rejectsTextThatIsNeitherFormNamingIt(String text) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Eui64.parse(text))
                    .withMessageContaining("'" + text + "'");
        }
    }

    @Test
    void writesOneCanonicalUpperCaseHyphenatedForm() {
        assertThat(Eui64.parse("00db1234567890a0")).hasToString("00-DB-12-34-56-78-90-A0");
        assertThat(Eui64.parse("00db1234567890a0").toCompactString()).isEqualTo("00DB1234567890A0");
        assertThat(Eui64.parse("00DB1234567890A0").toFileName()).isEqualTo("00db1234567890a0");
    }

    @Test
    void ordersByTheUnsignedValue() {
        Eui64 low = Eui64.parse("7F-FF-FF-FF-FF-FF-FF-FF");
        Eui64 high = Eui64.parse("80-00-00-00-00-00-00-00");
        assertThat(low).isLessThan(high);
        assertThat(Eui64.MIN).isLessThan(low);
        assertThat(high).isLessThan(Eui64.MAX);
    }

    @Test
    void convertsToAndFromEightOctetsMostSignificantFirst() {
        Eui64 eui = Eui64.parse("90-B3-D5-1F-30-01-00-00");
        assertThat(eui.toOctets()).containsExactly(0x90, 0xB3, 0xD5, 0x1F, 0x30, 0x01, 0x00, 0x00);
        assertThat(Eui64.fromOctets(eui.toOctets())).isEqualTo(eui);
    }

    @Test
    void refusesOctetArraysThatAreNotEightLong() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Eui64.fromOctets(new byte[7]))
                .withMessageContaining("got 7");
    }

    @Test
    void stepsForwardAndRefusesToPassTheLastIdentifier() {
        assertThat(Eui64.parse("00-00-00-00-00-00-00-FF").plus(1)).isEqualTo(Eui64.parse("00-00-00-00-00-00-01-00"));
        assertThatThrownBy(() -> Eui64.MAX.plus(1)).isInstanceOf(ArithmeticException.class);
        assertThatIllegalArgumentException().isThrownBy(() -> Eui64.MIN.plus(-1));
    }
}
