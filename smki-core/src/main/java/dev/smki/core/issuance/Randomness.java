package dev.smki.core.issuance;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.OptionalLong;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

/**
 * Where the test PKI's randomness comes from: a seed, so that every key, serial number and salt is a pure
 * function of (seed, label), or a {@link SecureRandom}.
 *
 * <p>With a seed, {@link #forLabel} returns a deterministic generator: the key-derivation function in counter
 * mode of NIST SP 800-108 with HMAC-SHA256, keyed with {@code HMAC-SHA256("smki-sim test PKI v1", seed)} and
 * using the label as context, so block {@code i} of the stream is {@code HMAC(key, label || 0x00 || i)}. The
 * same seed and label always give the same bytes, and different labels give independent streams, so a
 * Device's key does not depend on which other Devices were issued first. A generator costs two HMACs to make,
 * cheap enough for one per Device Certificate.
 */
final class Randomness {

    private static final byte[] DOMAIN = "smki-sim test PKI v1".getBytes(StandardCharsets.US_ASCII);

    private final Long seed;
    private final byte[] key;
    private final SecureRandom random;

    private Randomness(Long seed, SecureRandom random) {
        this.seed = seed;
        this.random = random;
        this.key = seed == null ? null : hmac(DOMAIN, Pack.longToBigEndian(seed));
    }

    static Randomness seeded(long seed) {
        return new Randomness(seed, null);
    }

    static Randomness of(SecureRandom random) {
        return new Randomness(null, Objects.requireNonNull(random, "random"));
    }

    OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    boolean isSeeded() {
        return seed != null;
    }

    /** Returns the random source for {@code label}: a labelled generator when seeded, else the shared SecureRandom. */
    SecureRandom forLabel(String label) {
        if (seed == null) {
            return random;
        }
        return new LabelledStream(key, label.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** The deterministic stream of one label. Not thread-safe: each use makes its own. */
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
    }
}
