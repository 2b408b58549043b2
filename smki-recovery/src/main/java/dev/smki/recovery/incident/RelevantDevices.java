package dev.smki.recovery.incident;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.Device;
import dev.smki.core.device.DeviceCredentials;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.TrustAnchorCell;
import dev.smki.core.issuance.IssuedCertificate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The Relevant Devices of an incident: the commissioned Devices of a fleet whose trust-anchor cells hold data
 * from the compromised certificate, its subject key identifier or its public key ({@link ScopeRules#RELEVANT_DEVICE},
 * SEC L10.30(a), verified; recovery.md §2.1 step N5). For a Root OCA compromise that is every commissioned Device
 * holding that Root; for a Supplier's key every commissioned Device with that Supplier's key in a cell; for an
 * Issuing OCA no Device, since cells hold party keys, not their issuers.
 *
 * <p>The scope is worked out once, when the incident is scoped, and then fixed: Devices later updated stay
 * Relevant, so progress can be counted against it. It is held as indexes into the fleet, four bytes per Relevant
 * Device (no object per Device: {@link #devices()} makes each Device's view when it is asked for), and the cells
 * are judged once per distinct {@link DeviceCredentials} value, so scoping tens of millions of Devices takes two
 * passes over a few bytes each. Immutable (the Devices themselves change as commands are applied).
 */
public final class RelevantDevices {

    private final Fleet fleet;
    private final KeyIdentifier compromisedKey;
    private final byte[] compromisedPublicKey;
    private final int[] indexes;

    private RelevantDevices(Fleet fleet, KeyIdentifier compromisedKey, byte[] compromisedPublicKey, int[] indexes) {
        this.fleet = fleet;
        this.compromisedKey = compromisedKey;
        this.compromisedPublicKey = compromisedPublicKey;
        this.indexes = indexes;
    }

    /**
     * {@return the commissioned Devices of {@code fleet} with a cell holding {@code compromised}'s subject key
     * identifier or public key}
     *
     * @param fleet the fleet
     * @param compromised the compromised certificate
     * @throws IllegalArgumentException when the certificate has no subject key identifier
     */
    public static RelevantDevices of(Fleet fleet, IssuedCertificate compromised) {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(compromised, "compromised");
        return scope(
                fleet,
                compromised.parsed().subjectKeyIdentifier().orElseThrow(),
                compromised.publicKey().getEncoded());
    }

    /**
     * {@return how many commissioned Devices of {@code fleet} have a cell holding {@code compromised}'s subject key
     * identifier or public key, as {@link #of} would find, without keeping them}
     *
     * @param fleet the fleet
     * @param compromised the compromised certificate
     */
    public static long countIn(Fleet fleet, IssuedCertificate compromised) {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(compromised, "compromised");
        Predicate<DeviceCredentials> holdsData = memo(
                compromised.parsed().subjectKeyIdentifier().orElseThrow(),
                compromised.publicKey().getEncoded());
        long count = 0;
        for (int i = 0; i < fleet.size(); i++) {
            if (fleet.isCommissioned(i) && holdsData.test(fleet.credentials(i))) {
                count++;
            }
        }
        return count;
    }

    /**
     * {@return the commissioned Devices of {@code fleet} with a cell holding the key {@code compromisedKey}}
     *
     * @param fleet the fleet
     * @param compromisedKey the kind of key compromised
     */
    public static RelevantDevices holding(Fleet fleet, KeyIdentifier compromisedKey) {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(compromisedKey, "compromisedKey");
        return scope(fleet, compromisedKey, null);
    }

    private static RelevantDevices scope(Fleet fleet, KeyIdentifier key, byte[] publicKey) {
        Predicate<DeviceCredentials> holdsData = memo(key, publicKey);
        int count = 0;
        for (int i = 0; i < fleet.size(); i++) {
            if (fleet.isCommissioned(i) && holdsData.test(fleet.credentials(i))) {
                count++;
            }
        }
        int[] found = new int[count];
        int next = 0;
        for (int i = 0; i < fleet.size() && next < count; i++) {
            if (fleet.isCommissioned(i) && holdsData.test(fleet.credentials(i))) {
                found[next++] = i;
            }
        }
        return new RelevantDevices(fleet, key, publicKey, found);
    }

    /**
     * Returns whether credentials hold data from the compromised certificate, judging each distinct (interned)
     * credentials value once. Not thread-safe.
     */
    private static Predicate<DeviceCredentials> memo(KeyIdentifier key, byte[] publicKey) {
        return judgedOnce(c -> {
            for (TrustAnchorCell cell : c.cells()) {
                if (cell.subjectKeyId().equals(key)
                        || publicKey != null && Arrays.equals(cell.publicKey(), publicKey)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Returns {@code test}, judging each distinct (interned) credentials value once. Not thread-safe. */
    private static Predicate<DeviceCredentials> judgedOnce(Predicate<DeviceCredentials> test) {
        Map<DeviceCredentials, Boolean> judged = new IdentityHashMap<>();
        return credentials -> judged.computeIfAbsent(credentials, test::test);
    }

    /** {@return the fleet the Devices belong to} */
    public Fleet fleet() {
        return fleet;
    }

    /** {@return the subject key identifier of the compromised certificate} */
    public KeyIdentifier compromisedKey() {
        return compromisedKey;
    }

    /** {@return the compromised certificate's DER SubjectPublicKeyInfo, when the scope was made from it} */
    public Optional<byte[]> compromisedPublicKey() {
        return Optional.ofNullable(compromisedPublicKey).map(byte[]::clone);
    }

    /** {@return how many Devices are Relevant} */
    public int size() {
        return indexes.length;
    }

    /** {@return whether no Device is Relevant} */
    public boolean isEmpty() {
        return indexes.length == 0;
    }

    /**
     * {@return the Relevant Device at {@code index}, counting from 0 in EUI-64 order}
     *
     * @param index the index, from 0
     */
    public Device get(int index) {
        Objects.checkIndex(index, indexes.length);
        return fleet.get(indexes[index]);
    }

    /** {@return the Relevant Devices in EUI-64 order: an unmodifiable view, no copy} */
    public List<Device> devices() {
        return new View();
    }

    /** {@return the Relevant Devices in EUI-64 order} */
    public Stream<Device> stream() {
        return IntStream.of(indexes).mapToObj(fleet::get);
    }

    /**
     * {@return whether {@code device} is one of the Relevant Devices}
     *
     * @param device the Device
     */
    public boolean contains(Device device) {
        return positionOf(device) >= 0;
    }

    /**
     * {@return the place of {@code device} among the Relevant Devices, from 0 in EUI-64 order, or -1 when it is not
     * one of them (a Device of another fleet never is)}
     *
     * @param device the Device
     */
    public int positionOf(Device device) {
        Objects.requireNonNull(device, "device");
        Optional<Device> same = fleet.device(device.eui64());
        if (same.isEmpty() || !same.get().equals(device)) {
            return -1;
        }
        long index = device.eui64().value() - fleet.eui64(0).value();
        int position = Arrays.binarySearch(indexes, (int) index);
        return position >= 0 ? position : -1;
    }

    /**
     * {@return the place in the fleet ({@link Fleet#get}) of the Relevant Device at {@code position}}
     *
     * @param position the position, from 0
     */
    public int fleetIndex(int position) {
        Objects.checkIndex(position, indexes.length);
        return indexes[position];
    }

    /**
     * {@return the credentials the Relevant Device at {@code position} holds now, without making a view of it}
     *
     * @param position the position, from 0
     */
    public DeviceCredentials credentials(int position) {
        return fleet.credentials(fleetIndex(position));
    }

    /**
     * {@return how many Relevant Devices hold credentials that pass {@code test} now, judging each distinct
     * credentials value once: a pass over a few bytes per Device}
     *
     * @param test what the credentials must pass
     */
    public long count(Predicate<DeviceCredentials> test) {
        return count(test, position -> true);
    }

    /**
     * {@return how many Relevant Devices whose position passes {@code positions} hold credentials that pass {@code
     * test} now, judging each distinct credentials value once}
     *
     * @param test what the credentials must pass
     * @param positions which Device positions to count
     */
    public long count(Predicate<DeviceCredentials> test, IntPredicate positions) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(positions, "positions");
        Predicate<DeviceCredentials> judged = judgedOnce(test);
        long count = 0;
        for (int position = 0; position < indexes.length; position++) {
            if (positions.test(position) && judged.test(fleet.credentials(indexes[position]))) {
                count++;
            }
        }
        return count;
    }

    /**
     * {@return how many Relevant Devices still hold data from the compromised certificate now: 0 once every one is
     * updated, the written-off ones otherwise}
     */
    public long countStillHolding() {
        return count(memo(compromisedKey, compromisedPublicKey));
    }

    /** Returns {@code RelevantDevices[n of m devices hold KEY]}. */
    @Override
    public String toString() {
        return "RelevantDevices[" + indexes.length + " of " + fleet.size() + " devices hold " + compromisedKey + "]";
    }

    private final class View extends AbstractList<Device> implements RandomAccess {
        @Override
        public Device get(int index) {
            return RelevantDevices.this.get(index);
        }

        @Override
        public int size() {
            return indexes.length;
        }
    }
}
