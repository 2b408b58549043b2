package dev.smki.core.device;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.simulation.SimulationSeed;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
 * <p>Devices that hold identical credentials share one {@link DeviceCredentials} instance, and Device
 * Certificates are derived on request, so a Device costs a few tens of bytes of heap: a million-Device fleet is
 * sized to stay under 256 bytes per Device (measured by the bench command). Counting by state walks the Devices
 * but judges each distinct credentials value once.
 *
 * <p>The fleet itself is fixed once built; its Devices change as commands are applied. {@link #apply} and the
 * counts are safe to call from many threads at once, and {@link #stream()} splits well for parallel use, for
 * example signing and applying one command per Device on all cores. Orchestrating a recovery across the fleet
 * (retries, progress) is left to callers.
 */
public final class Fleet implements Iterable<Device> {

    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    private final DeviceSettings settings;
    private final Device[] devices;

    private Fleet(DeviceSettings settings, Device[] devices) {
        this.settings = settings;
        this.devices = devices;
    }

    /**
     * Returns a builder for a fleet of Devices provisioned with {@code provisioning}, with {@link DeviceSettings#of
     * default settings}.
     */
    public static Builder builder(DeviceProvisioning provisioning) {
        return builder(DeviceSettings.of(Objects.requireNonNull(provisioning, "provisioning")));
    }

    /** Returns a builder for a fleet of Devices made with {@code settings}. */
    public static Builder builder(DeviceSettings settings) {
        return new Builder(Objects.requireNonNull(settings, "settings"));
    }

    /** Returns the settings every Device of the fleet shares. */
    public DeviceSettings settings() {
        return settings;
    }

    /** Returns the number of Devices. */
    public int size() {
        return devices.length;
    }

    /** Returns the Device with EUI-64 {@code eui64}, if the fleet has it. */
    public Optional<Device> device(Eui64 eui64) {
        Objects.requireNonNull(eui64, "eui64");
        int low = 0;
        int high = devices.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = Long.compareUnsigned(devices[mid].eui64Value(), eui64.value());
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return Optional.of(devices[mid]);
            }
        }
        return Optional.empty();
    }

    /** Returns the Device at {@code index}, counting from 0 in EUI-64 order. */
    public Device get(int index) {
        Objects.checkIndex(index, devices.length);
        return devices[index];
    }

    /** Returns the Devices in EUI-64 order; the stream splits evenly for parallel use. */
    public Stream<Device> stream() {
        return Arrays.stream(devices);
    }

    /** Returns an iterator over the Devices in EUI-64 order. */
    @Override
    public Iterator<Device> iterator() {
        return Arrays.asList(devices).iterator();
    }

    /**
     * Applies {@code command} to the Device it is addressed to.
     *
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
     * @throws dev.smki.core.gbcs.GbcsFormatException naming the offset and the field when the bytes are not a
     *     CS02b command (there is no Device to give them to)
     * @throws IllegalArgumentException when no Device of the fleet has the command's recipient EUI-64
     */
    public CommandOutcome apply(byte[] message) {
        return apply(SignedCommand.parse(Objects.requireNonNull(message, "message")));
    }

    /** Returns how many Devices satisfy {@code predicate}. */
    public long count(Predicate<? super Device> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return stream().filter(predicate).count();
    }

    /** Returns how many Devices of each type the fleet has, in {@link DeviceType} order; absent types are left out. */
    public Map<DeviceType, Long> countByType() {
        Map<DeviceType, Long> counts = new EnumMap<>(DeviceType.class);
        for (Device device : devices) {
            counts.merge(device.type(), 1L, Long::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Returns how many Devices are commissioned. */
    public long countCommissioned() {
        return count(Device::isCommissioned);
    }

    /**
     * Returns how many Devices still hold, in any cell, the key with subject key identifier {@code subjectKeyId}:
     * for example the Devices a compromised key still reaches.
     */
    public long countHolding(KeyIdentifier subjectKeyId) {
        Objects.requireNonNull(subjectKeyId, "subjectKeyId");
        return countByCredentials(credentials -> credentials.holds(subjectKeyId))
                .getOrDefault(Boolean.TRUE, 0L);
    }

    /**
     * Returns how many Devices hold each distinct credentials value, most frequent first: with shared credentials
     * this is a short map even for a large fleet.
     */
    public Map<DeviceCredentials, Long> countByCredentials() {
        Map<DeviceCredentials, Long> counts = new IdentityHashMap<>();
        for (Device device : devices) {
            counts.merge(device.credentials(), 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<DeviceCredentials, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
    }

    /**
     * Returns how many Devices fall under each value of {@code classifier}, applied once per distinct credentials
     * value rather than once per Device.
     */
    public <K> Map<K, Long> countByCredentials(Function<? super DeviceCredentials, ? extends K> classifier) {
        Objects.requireNonNull(classifier, "classifier");
        Map<K, Long> counts = new LinkedHashMap<>();
        countByCredentials().forEach((credentials, n) -> counts.merge(classifier.apply(credentials), n, Long::sum));
        return counts;
    }

    @Override
    public String toString() {
        return "Fleet[" + devices.length + " devices " + countByType() + "]";
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

        /** Draws the order of device types and which Devices are commissioned from {@code seed} ({@link SimulationSeed}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Commissions {@code share} of the Devices (rounded to the nearest Device), chosen by the seed.
         *
         * @throws IllegalArgumentException unless {@code share} is between 0 and 1
         */
        public Builder commissionedShare(double share) {
            if (!(share >= 0.0 && share <= 1.0)) {
                throw new IllegalArgumentException("A commissioned share is between 0 and 1, not " + share);
            }
            this.commissionedShare = share;
            return this;
        }

        /** Numbers the Devices from {@code first} on, consecutively. */
        public Builder firstEui64(Eui64 first) {
            this.first = Objects.requireNonNull(first, "first");
            return this;
        }

        /**
         * Returns the fleet: Devices on consecutive EUI-64s, their types in a seeded random order, the
         * commissioned ones a seeded random choice, each holding the initial credentials of its type.
         *
         * @throws ArithmeticException when the EUI-64s would run past {@code FF-FF-FF-FF-FF-FF-FF-FF}
         */
        public Fleet build() {
            int total = mix.values().stream().mapToInt(Integer::intValue).reduce(0, Math::addExact);
            if (total > 0) {
                first.plus(total - 1L);
            }
            DeviceType[] types = new DeviceType[total];
            int next = 0;
            for (Map.Entry<DeviceType, Integer> entry : mix.entrySet()) {
                Arrays.fill(types, next, next + entry.getValue(), entry.getKey());
                next += entry.getValue();
            }
            SimulationSeed derived = SimulationSeed.of(seed);
            shuffle(types, derived.fastRandom("fleet/device-types"));
            boolean[] commissioned = new boolean[total];
            Arrays.fill(commissioned, 0, (int) Math.round(commissionedShare * total), true);
            shuffle(commissioned, derived.fastRandom("fleet/commissioned"));
            Device[] devices = new Device[total];
            for (int i = 0; i < total; i++) {
                devices[i] = Device.of(
                        settings,
                        Eui64.of(first.value() + i),
                        types[i],
                        commissioned[i],
                        settings.initialCredentials(types[i]));
            }
            LOG.debug("Built a fleet of {} devices {} from seed {}", total, mix, seed);
            return new Fleet(settings, devices);
        }

        private static <T> void shuffle(T[] array, SplittableRandom random) {
            for (int i = array.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                T swap = array[i];
                array[i] = array[j];
                array[j] = swap;
            }
        }

        private static void shuffle(boolean[] array, SplittableRandom random) {
            for (int i = array.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                boolean swap = array[i];
                array[i] = array[j];
                array[j] = swap;
            }
        }
    }
}
