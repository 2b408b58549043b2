package dev.smki.core.device;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.simulation.SimulationSeed;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of simulated Devices provisioned from one PKI: a mix of device types on consecutive EUI-64s, a share of
 * them commissioned, all reproducible from a seed. With a test PKI:
 *
 * <pre>{@code
 * Fleet fleet = Fleet.builder(TestPki.seeded(7).deviceProvisioning())
 *         .devices(DeviceType.ESME, 1000)
 *         .build();
 * }</pre>
 *
 * <p><b>Memory.</b> The fleet holds no object per Device: per Device it keeps one byte (its type and whether it is
 * commissioned) and the four-byte number of its credentials in a table of the distinct {@link DeviceCredentials}
 * values its Devices hold (a handful, even for tens of millions of Devices). EUI-64s are consecutive, so they are
 * not stored either, and Device Certificates are derived on request. A {@link Device} returned by {@link #get},
 * {@link #device}, {@link #stream()} or the iterator is a small view of its place in the fleet, made when asked for:
 * two views of one place are {@linkplain Device#equals equal} and act on the same Device. About five bytes of heap
 * per Device, measured by the bench command; counting by state reads the credential numbers and judges each distinct
 * credentials value once.
 *
 * <p>The fleet itself is fixed once built; its Devices change as commands are applied. {@link #apply} and the
 * counts are safe to call from many threads at once, and {@link #stream()} splits well for parallel use, for
 * example signing and applying one command per Device on all cores. Orchestrating a recovery across the fleet
 * (retries, progress) is left to callers.
 */
public final class Fleet implements Iterable<Device> {

    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    /** The bit of {@link #kinds} that says a Device is commissioned; the bits below it hold its type's ordinal. */
    private static final int COMMISSIONED = 0x80;

    private static final DeviceType[] TYPES = DeviceType.values();

    private static final VarHandle IDS = MethodHandles.arrayElementVarHandle(int[].class);

    private final DeviceSettings settings;
    private final long first;
    private final byte[] kinds;
    private final int[] ids;
    private final Object tableLock = new Object();
    private final ConcurrentHashMap<DeviceCredentials, Integer> numbers = new ConcurrentHashMap<>();
    private volatile DeviceCredentials[] table = new DeviceCredentials[0];

    private Fleet(DeviceSettings settings, long first, byte[] kinds, int[] ids) {
        this.settings = settings;
        this.first = first;
        this.kinds = kinds;
        this.ids = ids;
    }

    /**
     * {@return a builder for a fleet of Devices provisioned with {@code provisioning}, with {@link DeviceSettings#of
     * default settings}}
     *
     * @param provisioning the Device Certificates, keys and trust-anchor certificates the Devices are made with
     */
    public static Builder builder(DeviceProvisioning provisioning) {
        return builder(DeviceSettings.of(Objects.requireNonNull(provisioning, "provisioning")));
    }

    /**
     * {@return a builder for a fleet of Devices made with {@code settings}}
     *
     * @param settings the settings each Device is made with
     */
    public static Builder builder(DeviceSettings settings) {
        return new Builder(Objects.requireNonNull(settings, "settings"));
    }

    /** {@return the settings every Device of the fleet shares} */
    public DeviceSettings settings() {
        return settings;
    }

    /** {@return the number of Devices} */
    public int size() {
        return kinds.length;
    }

    /**
     * {@return the Device with EUI-64 {@code eui64}, if the fleet has it}
     *
     * @param eui64 the EUI-64 to look up
     */
    public Optional<Device> device(Eui64 eui64) {
        Objects.requireNonNull(eui64, "eui64");
        long offset = eui64.value() - first;
        if (kinds.length == 0 || Long.compareUnsigned(offset, kinds.length) >= 0) {
            return Optional.empty();
        }
        return Optional.of(get((int) offset));
    }

    /**
     * {@return the Device at {@code index}, counting from 0 in EUI-64 order}
     *
     * @param index the Device's place in EUI-64 order, from 0
     */
    public Device get(int index) {
        Objects.checkIndex(index, kinds.length);
        int kind = kinds[index];
        return new Device(
                settings, first + index, TYPES[kind & (COMMISSIONED - 1)], (kind & COMMISSIONED) != 0, this, index);
    }

    /**
     * {@return the EUI-64 of the Device at {@code index}, without making a view of it}
     *
     * @param index the Device's place in EUI-64 order, from 0
     */
    public Eui64 eui64(int index) {
        Objects.checkIndex(index, kinds.length);
        return Eui64.of(first + index);
    }

    /**
     * {@return the type of the Device at {@code index}, without making a view of it}
     *
     * @param index the Device's place in EUI-64 order, from 0
     */
    public DeviceType type(int index) {
        return TYPES[kinds[Objects.checkIndex(index, kinds.length)] & (COMMISSIONED - 1)];
    }

    /**
     * {@return whether the Device at {@code index} is commissioned, without making a view of it}
     *
     * @param index the Device's place in EUI-64 order, from 0
     */
    public boolean isCommissioned(int index) {
        return (kinds[Objects.checkIndex(index, kinds.length)] & COMMISSIONED) != 0;
    }

    /**
     * {@return the credentials the Device at {@code index} holds now, without making a view of it}
     *
     * @param index the Device's place in EUI-64 order, from 0
     */
    public DeviceCredentials credentials(int index) {
        Objects.checkIndex(index, kinds.length);
        return credentialsAt(index);
    }

    /** {@return the Devices in EUI-64 order; the stream splits evenly for parallel use} */
    public Stream<Device> stream() {
        return IntStream.range(0, kinds.length).mapToObj(this::get);
    }

    /** Returns an iterator over the Devices in EUI-64 order. */
    @Override
    public Iterator<Device> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < kinds.length;
            }

            @Override
            public Device next() {
                if (next >= kinds.length) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    /**
     * Applies {@code command} to the Device it is addressed to.
     *
     * @param command the command, addressed to a Device of the fleet
     * @return the GBCS outcome of the command
     * @throws IllegalArgumentException when no Device of the fleet has the command's recipient EUI-64
     */
    public CommandOutcome apply(SignedCommand command) {
        Objects.requireNonNull(command, "command");
        return device(command.recipient())
                .orElseThrow(() -> new IllegalArgumentException("The fleet has no Device " + command.recipient()))
                .apply(command);
    }

    /**
     * Applies the GBCS message {@code message} to the Device its Grouping Header names as Business Target ID, as
     * {@link Device#apply(byte[])} does.
     *
     * @param message the GBCS message bytes
     * @return the GBCS outcome of the command
     * @throws dev.smki.core.gbcs.GbcsFormatException naming the offset and the field when the bytes are not a
     *     CS02b command (there is no Device to give them to)
     * @throws IllegalArgumentException when no Device of the fleet has the command's recipient EUI-64
     */
    public CommandOutcome apply(byte[] message) {
        return apply(SignedCommand.parse(Objects.requireNonNull(message, "message")));
    }

    /**
     * {@return how many Devices satisfy {@code predicate}}
     *
     * @param predicate the test each Device is counted by
     */
    public long count(Predicate<? super Device> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return stream().filter(predicate).count();
    }

    /** {@return how many Devices of each type the fleet has, in {@link DeviceType} order; absent types are left out} */
    public Map<DeviceType, Long> countByType() {
        long[] counts = new long[TYPES.length];
        for (byte kind : kinds) {
            counts[kind & (COMMISSIONED - 1)]++;
        }
        Map<DeviceType, Long> byType = new EnumMap<>(DeviceType.class);
        for (DeviceType type : TYPES) {
            if (counts[type.ordinal()] > 0) {
                byType.put(type, counts[type.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(byType);
    }

    /** {@return how many Devices are commissioned} */
    public long countCommissioned() {
        long count = 0;
        for (byte kind : kinds) {
            if ((kind & COMMISSIONED) != 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * {@return how many Devices still hold, in any cell, the key with subject key identifier {@code subjectKeyId}:
     * for example the Devices a compromised key still reaches}
     *
     * @param subjectKeyId the subject key identifier of the key
     */
    public long countHolding(KeyIdentifier subjectKeyId) {
        Objects.requireNonNull(subjectKeyId, "subjectKeyId");
        return countByCredentials(credentials -> credentials.holds(subjectKeyId))
                .getOrDefault(Boolean.TRUE, 0L);
    }

    /**
     * {@return how many Devices hold each distinct credentials value, most frequent first: with shared credentials
     * this is a short map even for a large fleet}
     */
    public Map<DeviceCredentials, Long> countByCredentials() {
        long[] counts = new long[table.length];
        for (int i = 0; i < ids.length; i++) {
            int id = (int) IDS.getVolatile(ids, i);
            if (id >= counts.length) {
                counts = Arrays.copyOf(counts, table.length);
            }
            counts[id]++;
        }
        DeviceCredentials[] values = table;
        Map<DeviceCredentials, Long> byCredentials = new IdentityHashMap<>();
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0) {
                byCredentials.put(values[id], counts[id]);
            }
        }
        return byCredentials.entrySet().stream()
                .sorted(Map.Entry.<DeviceCredentials, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
    }

    /**
     * {@return how many Devices fall under each value of {@code classifier}, applied once per distinct credentials
     * value rather than once per Device}
     *
     * @param <K> the type of the values {@code classifier} gives
     * @param classifier the function from a Device's credentials to the value it is counted under
     */
    public <K> Map<K, Long> countByCredentials(Function<? super DeviceCredentials, ? extends K> classifier) {
        Objects.requireNonNull(classifier, "classifier");
        Map<K, Long> counts = new LinkedHashMap<>();
        countByCredentials().forEach((credentials, n) -> counts.merge(classifier.apply(credentials), n, Long::sum));
        return counts;
    }

    // ---- the credentials of the Devices, for the Device views ----

    /** Returns the number of the credentials the Device at {@code index} holds now. */
    int credentialsNumber(int index) {
        return (int) IDS.getVolatile(ids, index);
    }

    /** Returns the credentials numbered {@code number}. */
    DeviceCredentials credentialsNumbered(int number) {
        return table[number];
    }

    private DeviceCredentials credentialsAt(int index) {
        return credentialsNumbered(credentialsNumber(index));
    }

    /**
     * Makes the Device at {@code index} hold {@code next} if it still holds the credentials numbered {@code
     * expected}; returns whether it did.
     */
    boolean replace(int index, int expected, DeviceCredentials next) {
        return IDS.compareAndSet(ids, index, expected, number(next));
    }

    /** Makes the Device at {@code index} hold {@code next}, whatever it holds now. */
    void set(int index, DeviceCredentials next) {
        IDS.setVolatile(ids, index, number(next));
    }

    /** Returns the number of {@code credentials} (an interned value), numbering it when it is new. */
    private int number(DeviceCredentials credentials) {
        Integer known = numbers.get(credentials);
        if (known != null) {
            return known;
        }
        synchronized (tableLock) {
            known = numbers.get(credentials);
            if (known != null) {
                return known;
            }
            DeviceCredentials[] longer = Arrays.copyOf(table, table.length + 1);
            longer[table.length] = credentials;
            table = longer;
            numbers.put(credentials, table.length - 1);
            return table.length - 1;
        }
    }

    @Override
    public String toString() {
        return "Fleet[" + kinds.length + " devices " + countByType() + "]";
    }

    /**
     * Builds a {@link Fleet}. Defaults: no Devices until {@link #devices} adds some, seed 0, every Device
     * commissioned, EUI-64s from the first of the provisioning's block ({@link DeviceProvisioning#deviceEui64s()})
     * on.
     */
    public static final class Builder {
        private final DeviceSettings settings;
        private final Map<DeviceType, Integer> mix = new EnumMap<>(DeviceType.class);
        private long seed;
        private double commissionedShare = 1.0;
        private Eui64 first;

        private Builder(DeviceSettings settings) {
            this.settings = settings;
            this.first = settings.provisioning().deviceEui64s().first();
        }

        /**
         * Adds {@code count} Devices of {@code type}.
         *
         * @param type the device type
         * @param count how many Devices of it to add
         * @return this builder
         * @throws IllegalArgumentException when {@code count} is negative
         */
        public Builder devices(DeviceType type, int count) {
            Objects.requireNonNull(type, "type");
            if (count < 0) {
                throw new IllegalArgumentException("A device count is not negative: " + count);
            }
            mix.merge(type, count, Math::addExact);
            return this;
        }

        /**
         * Draws the order of device types and which Devices are commissioned from {@code seed} ({@link
         * SimulationSeed}).
         *
         * @param seed the seed of the fleet
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Commissions {@code share} of the Devices (rounded to the nearest Device), chosen by the seed.
         *
         * @param share the share of Devices commissioned, 0 to 1
         * @return this builder
         * @throws IllegalArgumentException unless {@code share} is between 0 and 1
         */
        public Builder commissionedShare(double share) {
            if (!(share >= 0.0 && share <= 1.0)) {
                throw new IllegalArgumentException("A commissioned share is between 0 and 1, not " + share);
            }
            this.commissionedShare = share;
            return this;
        }

        /**
         * Numbers the Devices from {@code first} on, consecutively.
         *
         * @param first the EUI-64 of the first Device
         * @return this builder
         */
        public Builder firstEui64(Eui64 first) {
            this.first = Objects.requireNonNull(first, "first");
            return this;
        }

        /**
         * {@return the fleet: Devices on consecutive EUI-64s, their types in a seeded random order, the
         * commissioned ones a seeded random choice, each holding the initial credentials of its type}
         *
         * @throws ArithmeticException when the EUI-64s would run past {@code FF-FF-FF-FF-FF-FF-FF-FF}
         */
        public Fleet build() {
            int total = mix.values().stream().mapToInt(Integer::intValue).reduce(0, Math::addExact);
            if (total > 0) {
                first.plus(total - 1L);
            }
            byte[] kinds = new byte[total];
            int next = 0;
            for (Map.Entry<DeviceType, Integer> entry : mix.entrySet()) {
                Arrays.fill(kinds, next, next + entry.getValue(), (byte)
                        entry.getKey().ordinal());
                next += entry.getValue();
            }
            SimulationSeed derived = SimulationSeed.of(seed);
            shuffle(kinds, derived.fastRandom("fleet/device-types"), ~COMMISSIONED);
            long commissioned = Math.round(commissionedShare * total);
            for (int i = 0; i < commissioned; i++) {
                kinds[i] |= (byte) COMMISSIONED;
            }
            shuffle(kinds, derived.fastRandom("fleet/commissioned"), COMMISSIONED);
            Fleet fleet = new Fleet(settings, first.value(), kinds, new int[total]);
            int[] initial = new int[TYPES.length];
            for (DeviceType type : TYPES) {
                initial[type.ordinal()] = fleet.number(settings.initialCredentials(type));
            }
            for (int i = 0; i < total; i++) {
                fleet.ids[i] = initial[kinds[i] & (COMMISSIONED - 1)];
            }
            LOG.debug("Built a fleet of {} devices {} from seed {}", total, mix, seed);
            return fleet;
        }

        /**
         * Shuffles the bits {@code mask} of {@code kinds} among the Devices (Fisher-Yates), leaving the other bits
         * where they are: the order of types and the choice of commissioned Devices are drawn apart, each from its own
         * stream of the seed.
         */
        private static void shuffle(byte[] kinds, SplittableRandom random, int mask) {
            for (int i = kinds.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int a = kinds[i] & mask;
                int b = kinds[j] & mask;
                kinds[i] = (byte) ((kinds[i] & ~mask) | b);
                kinds[j] = (byte) ((kinds[j] & ~mask) | a);
            }
        }
    }
}
