package dev.smki.core.simulation;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;
import org.jspecify.annotations.Nullable;

/**
 * The one way this library derives randomness from a seed: every stream is a pure function of (seed, label), and
 * different labels give independent streams, so what one part of a simulation draws never depends on what another
 * drew first, nor on the order or the threads in which the parts run.
 *
 * <p>Each label's stream is the key-derivation function in counter mode of NIST SP 800-108 with HMAC-SHA256: the
 * key is {@code HMAC-SHA256("smki-sim test PKI v1", seed as 8 big-endian octets)} and block {@code i} of the stream
 * for {@code label} is {@code HMAC-SHA256(key, UTF-8(label) || 0x00 || i as 8 big-endian octets)}. (The domain
 * string names the test PKI, which used this scheme first; it is kept so that a seeded test PKI stays
 * byte-identical.) Three views of a label's stream serve three needs:
 *
 * <ul>
 *   <li>{@link #secureRandom(String)}: the stream itself as a {@link SecureRandom}, of cryptographic quality, for
 *       keys, serial numbers and salts; it costs two HMACs to make and one per 32 octets drawn;
 *   <li>{@link #fastRandom(String)}: a {@link SplittableRandom} seeded from the stream's first 8 octets, for
 *       shuffles and choices over many items where speed matters more than unpredictability;
 *   <li>{@link #draws(String)}: {@link Draws}, a stateless function of the label and up to two numbers (such as a
 *       Device's EUI-64 and an attempt number), for choices that must come out the same whatever the order in which
 *       they are asked, at the cost of a few multiplications each.
 * </ul>
 *
 * <p>Immutable and safe to share between threads; each {@link SecureRandom} or {@link SplittableRandom} it returns is
 * for one thread.
 *
 * <pre>{@code
 * SimulationSeed seed = SimulationSeed.of(7);
 * SecureRandom keys = seed.secureRandom("device-key/02-53-4D-4B-49-80-00-00/ds");
 * SplittableRandom shuffle = seed.fastRandom("fleet/device-types");
 * boolean silent = seed.draws("fleet/never-answers").unit(eui64.value(), 0) < 0.01;
 * }</pre>
 */
public final class SimulationSeed {

    private static final byte[] DOMAIN = "smki-sim test PKI v1".getBytes(StandardCharsets.US_ASCII);

    private final long value;
    private final byte[] key;

    private SimulationSeed(long value) {
        this.value = value;
        this.key = hmac(DOMAIN, Pack.longToBigEndian(value));
    }

    /**
     * {@return the seed {@code value}}
     *
     * @param value the seed
     */
    public static SimulationSeed of(long value) {
        return new SimulationSeed(value);
    }

    /** {@return the seed's value} */
    public long value() {
        return value;
    }

    /**
     * {@return the stream of {@code label} as a deterministic {@link SecureRandom}: the same seed and label always give
     * the same octets; seeding it further ({@code setSeed}) is ignored} Not thread-safe: each use makes its own.
     *
     * @param label what the stream is for, such as {@code serial/root-oca}
     */
    public SecureRandom secureRandom(String label) {
        return new LabelledStream(key, utf8(label));
    }

    /**
     * {@return a fast, non-cryptographic generator seeded with the first 8 octets of the stream of {@code label}}
     * Not thread-safe; {@link SplittableRandom#split()} gives another thread its own.
     *
     * @param label what the generator is for, such as {@code fleet/device-types}
     */
    public SplittableRandom fastRandom(String label) {
        return new SplittableRandom(firstLong(label));
    }

    /**
     * {@return stateless draws for {@code label}: each a pure, well-mixed function of the seed, the label and the
     * numbers given}
     *
     * @param label what the draws decide, such as {@code fleet/never-answers}
     */
    public Draws draws(String label) {
        return new Draws(firstLong(label));
    }

    private long firstLong(String label) {
        byte[] first = new byte[Long.BYTES];
        secureRandom(label).nextBytes(first);
        return Pack.bigEndianToLong(first, 0);
    }

    /** Returns {@code SimulationSeed[value]}. */
    @Override
    public String toString() {
        return "SimulationSeed[" + value + "]";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SimulationSeed other && value == other.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    /**
     * Draws that are pure functions of their inputs: the label's key (the first 8 octets of its stream) and up to two
     * numbers are mixed with the finaliser of SplitMix64, so the same inputs always give the same draw, whatever was
     * drawn before and on whichever thread. Immutable and safe to share between threads.
     */
    public static final class Draws {

        private static final double UNIT = 0x1.0p-53;
        private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

        private final long key;

        private Draws(long key) {
            this.key = key;
        }

        /**
         * {@return a well-mixed 64-bit value that is a pure function of the label and {@code a} and {@code b}}
         *
         * @param a the first input, such as a Device's EUI-64
         * @param b the second input, such as an attempt number (0 when there is none)
         */
        public long nextLong(long a, long b) {
            return mix(key ^ mix(a ^ mix(b * GOLDEN_GAMMA + GOLDEN_GAMMA)));
        }

        /**
         * {@return a number in {@code [0, 1)}, a pure function of the label and {@code a} and {@code b}, uniform over
         * its 2<sup>53</sup> values}
         *
         * @param a the first input, such as a Device's EUI-64
         * @param b the second input, such as an attempt number (0 when there is none)
         */
        public double unit(long a, long b) {
            return (nextLong(a, b) >>> 11) * UNIT;
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        @Override
        public String toString() {
            return "SimulationSeed.Draws";
        }
    }

    private static byte[] utf8(String label) {
        return Objects.requireNonNull(label, "label").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** The deterministic stream of one label (SP 800-108 counter mode). Not thread-safe: each use makes its own. */
    private static final class LabelledStream extends SecureRandom {
        private static final long serialVersionUID = 1L;

        private final transient HMac mac = new HMac(new SHA256Digest());
        private final byte[] context;
        private final byte[] block = new byte[32];
        private int available;
        private long counter;

        LabelledStream(byte[] key, byte[] label) {
            super(null, null);
            mac.init(new KeyParameter(key));
            this.context = new byte[label.length + 1];
            System.arraycopy(label, 0, context, 0, label.length);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            int filled = 0;
            while (filled < bytes.length) {
                if (available == 0) {
                    refill();
                }
                int n = Math.min(available, bytes.length - filled);
                System.arraycopy(block, block.length - available, bytes, filled, n);
                available -= n;
                filled += n;
            }
        }

        private void refill() {
            mac.update(context, 0, context.length);
            byte[] i = Pack.longToBigEndian(counter++);
            mac.update(i, 0, i.length);
            mac.doFinal(block, 0);
            available = block.length;
        }

        @Override
        public byte[] generateSeed(int numBytes) {
            byte[] out = new byte[numBytes];
            nextBytes(out);
            return out;
        }

        @Override
        public void setSeed(long seed) {
            // The stream is a pure function of its key and label; outside seeding is ignored.
        }

        @Override
        public void setSeed(byte[] seed) {
            // The stream is a pure function of its key and label; outside seeding is ignored.
        }

        @Override
        public String getAlgorithm() {
            return "SP800-108-HMAC-SHA256-Counter";
        }

        @Override
        public String toString() {
            return "SimulationSeed stream";
        }
    }
}
