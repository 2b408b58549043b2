package dev.smki.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SimulationSeedTests {

    private static final SimulationSeed SEED = SimulationSeed.of(7);

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    @Test
    void aLabelsStreamIsTheCounterModeHmacSha256OfTheSeedAndTheLabel() {
        // Computed apart from this library with the JDK's HmacSHA256: K = HMAC("smki-sim test PKI v1", 7 as 8
        // big-endian octets); block i = HMAC(K, "serial/root-oca" || 0x00 || i as 8 big-endian octets).
        String block0 = "1d05acb11a088a951c59f6e16d747b7f0ba32831e88c04ccc3e3786475ef5bd4";
        String block1 = "c45b39f496ab492da36d8f43804ff08b06d977f2eaba431f72c7b21c189482c6";

        assertThat(HexFormat.of().formatHex(bytes(SEED.secureRandom("serial/root-oca"), 40)))
                .isEqualTo(block0 + block1.substring(0, 16));
    }

    @Test
    void drawsSplitAcrossCallsGiveTheSameOctetsAsOneDraw() {
        SecureRandom pieces = SEED.secureRandom("split");
        byte[] joined = new byte[70];
        System.arraycopy(bytes(pieces, 5), 0, joined, 0, 5);
        System.arraycopy(bytes(pieces, 33), 0, joined, 5, 33);
        System.arraycopy(bytes(pieces, 32), 0, joined, 38, 32);

        assertThat(joined).isEqualTo(bytes(SEED.secureRandom("split"), 70));
    }

    @Test
    void theSameSeedAndLabelGiveTheSameStreamAndAnyOtherGivesAnother() {
        byte[] stream = bytes(SimulationSeed.of(7).secureRandom("device/02534d4b49800000/ds"), 32);

        assertThat(bytes(SEED.secureRandom("device/02534d4b49800000/ds"), 32)).isEqualTo(stream);
        assertThat(bytes(SEED.secureRandom("device/02534d4b49800001/ds"), 32)).isNotEqualTo(stream);
        assertThat(bytes(SimulationSeed.of(8).secureRandom("device/02534d4b49800000/ds"), 32))
                .isNotEqualTo(stream);
    }

    @Test
    void seedingAStreamFurtherChangesNothing() {
        SecureRandom reseeded = SEED.secureRandom("salt");
        reseeded.setSeed(42L);
        reseeded.setSeed(new byte[] {1, 2, 3});

        assertThat(bytes(reseeded, 16)).isEqualTo(bytes(SEED.secureRandom("salt"), 16));
    }

    @Test
    void aFastGeneratorIsSeededWithTheFirstEightOctetsOfTheLabelsStream() {
        // The first 8 octets of the stream of "fleet/device-types" under seed 7, computed as above.
        SplittableRandom expected = new SplittableRandom(0xd2fac27c3a5ca31cL);
        SplittableRandom fast = SEED.fastRandom("fleet/device-types");

        assertThat(LongStream.generate(fast::nextLong).limit(5).toArray())
                .containsExactly(
                        LongStream.generate(expected::nextLong).limit(5).toArray());
    }

    @Test
    void aDrawIsAPureFunctionOfTheLabelAndItsInputsWhateverTheOrder() {
        SimulationSeed.Draws draws = SEED.draws("fleet/never-answers");
        double late = draws.unit(0x02534D4B49800009L, 3);
        for (long eui = 0; eui < 1000; eui++) {
            draws.unit(eui, 1);
        }

        assertThat(SEED.draws("fleet/never-answers").unit(0x02534D4B49800009L, 3))
                .isEqualTo(late);
        assertThat(SEED.draws("fleet/busy").unit(0x02534D4B49800009L, 3)).isNotEqualTo(late);
        assertThat(draws.unit(0x02534D4B49800009L, 4)).isNotEqualTo(late);
        assertThat(SimulationSeed.of(8).draws("fleet/never-answers").unit(0x02534D4B49800009L, 3))
                .isNotEqualTo(late);
    }

    @Test
    void drawsFallBelowAShareAsOftenAsTheShareSays() {
        SimulationSeed.Draws draws = SEED.draws("fleet/decommissioned");
        long below = LongStream.range(0, 100_000)
                .filter(eui -> draws.unit(0x02534D4B49800000L + eui, 0) < 0.3)
                .count();
        List<Double> all =
                LongStream.range(0, 1000).mapToObj(eui -> draws.unit(eui, 7)).toList();

        assertThat(below / 100_000.0).isBetween(0.29, 0.31);
        assertThat(all)
                .allSatisfy(u -> assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0));
    }

    @Test
    void seedsAreEqualByValue() {
        assertThat(SimulationSeed.of(7)).isEqualTo(SEED).hasSameHashCodeAs(SEED);
        assertThat(SEED.value()).isEqualTo(7);
        assertThat(SimulationSeed.of(8)).isNotEqualTo(SEED);
    }
}
