package dev.smki.examples.bench;

import dev.smki.core.device.Authoriser;
import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.DeviceSettings;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.SignedCommand;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.core.issuance.TestPki;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The fleet benchmark: a contingency recovery, one GBCS Update Security Credentials command per Device. The
 * library builds a contingency command (anyByContingency: the current Symmetric Key, a new Root OCA) for each
 * Device, signs it for that Device with the contingency key into the GBCS message a Device receives (Grouping
 * Header, DER payload, KRP Signature), and hands the Device those bytes: it reads them strictly, checks the DEV
 * rules (the KRP Signature against the key unwrapped from its Root cell, the certification path) and swaps its
 * credentials. Raw Bouncy Castle does the same cryptography on a message as long as the signed part: a
 * deterministic ECDSA P-256/SHA-256 signature (RFC 6979, as the library signs) and its verification
 * ({@link RawSignAndVerify}). Both sides run on every core unless told otherwise. It also measures the heap the
 * fleet holds per Device.
 *
 * <p>The fleet mixes ESME, GSME and CHF Devices ({@value #ESME_PERCENT} %, {@value #GSME_PERCENT} %, the rest
 * CHF), every one commissioned and holding a Root cell. A Device accepts a contingency command once for a given
 * Root; so that rounds can go on past the end of the fleet, item {@code i} commands Device {@code i mod N} in
 * generation {@code i / N}, which moves it between two Roots, the PKI's and the one after its contingency
 * recovery, with sequence number {@code generation + 1}.
 *
 * <p>Targets: ratio at least {@value #TARGET_RATIO} on every core; at most {@value #TARGET_HEAP_BYTES} bytes of heap
 * per Device (stated at 1,000,000 Devices; measured at the fleet size given).
 */
public final class FleetBenchmark {

    /** The least library-to-baseline throughput ratio the project aims at, on every core. */
    public static final double TARGET_RATIO = 0.85;

    /** The most heap bytes per Device the project aims at (at 1,000,000 Devices). */
    public static final double TARGET_HEAP_BYTES = 256;

    /** The fleet size when none is given. */
    public static final int DEFAULT_DEVICES = 100_000;

    static final int ESME_PERCENT = 60;
    static final int GSME_PERCENT = 30;

    private FleetBenchmark() {}

    /** Runs the benchmark and returns its report. */
    public static BenchmarkReport run(BenchSettings settings) {
        RunEnvironment environment = RunEnvironment.now();
        int devices = settings.devices().orElse(DEFAULT_DEVICES);
        Recovery recovery = Recovery.of(TestPki.seeded(IssuanceBenchmark.SEED));
        HeapFootprint.Held<Fleet> held = HeapFootprint.measure(devices, () -> recovery.fleet(devices));
        Fleet fleet = held.value();
        RoundPlan plan = RoundPlan.of(settings.threadsOr(BenchSettings.cores()), 0, settings.budget())
                .withMaxBatch(devices);
        Workload library = library(recovery, fleet);
        Measurement measurement = new AlternatingRounds(plan).run(baseline(recovery), library);
        HeapFootprint heap = held.footprint();
        List<String> method = new ArrayList<>(measurement.describe("devices"));
        method.add(String.format(
                Locale.ROOT,
                "Heap: the heap in use after garbage collection (%d calls of System.gc() and a pause, repeated"
                        + " until two readings agree within 1 %%), read from the MemoryMXBean before and after"
                        + " building the fleet while it is held, divided by the %,d Devices.",
                HeapFootprint.GC_PASSES,
                devices));
        method.add("Fleet: " + ESME_PERCENT + " % ESME, " + GSME_PERCENT + " % GSME, the rest CHF, all commissioned;"
                + " item i commands Device i mod N, moving it between two Roots (sequence number i / N + 1).");
        return new BenchmarkReport(
                "fleet",
                "devices",
                "JCA Signature SHA256withECDDSA (deterministic, RFC 6979) sign of a " + recovery.signedBytes()
                        + "-byte message (a command's signed part) + verify, own BC provider instance",
                "build an anyByContingency UpdateSecurityCredentials (new Root OCA), sign it for the Device into"
                        + " its GBCS message (RFC 6979), Fleet.apply(bytes): strict read, DEV rules, KRP Signature"
                        + " verified, credentials swapped",
                measurement,
                List.of(
                        new Fact("commandBytes", "GBCS command size", recovery.commandBytes(), "bytes"),
                        new Fact("signedBytes", "signed part size", recovery.signedBytes(), "bytes"),
                        new Fact(
                                "baselineVerifiedShare",
                                "baseline: share verified",
                                measurement.baseline().meanResult(),
                                ""),
                        new Fact(
                                "libraryAcceptedShare",
                                "library: share accepted",
                                measurement.library().meanResult(),
                                ""),
                        new Fact(
                                "distinctCredentials",
                                "distinct credentials held",
                                fleet.settings().distinctCredentials(),
                                "")),
                Optional.of(heap),
                List.of(
                        Target.atLeast("ratio", TARGET_RATIO, measurement.ratio())
                                .withNote(
                                        measurement.threads() == environment.cores()
                                                ? "on all cores"
                                                : "stated on all " + environment.cores() + " cores; measured on "
                                                        + measurement.threads()
                                                        + (measurement.threads() == 1 ? " thread" : " threads")),
                        Target.atMost("heapBytesPerDevice", TARGET_HEAP_BYTES, heap.bytesPerItem())
                                .withNote(String.format(
                                        Locale.ROOT, "stated at 1,000,000 devices; measured at %,d", devices))),
                method,
                environment.ended());
    }

    /** Returns the raw Bouncy Castle side: sign and verify messages the size of a command's signed part. */
    static Workload baseline(Recovery recovery) {
        return new RawSignAndVerify(recovery.signedBytes());
    }

    /**
     * Returns the library side over {@code fleet}: item {@code i} builds and signs the contingency command of
     * Device {@code i mod N} in generation {@code i / N} and gives the fleet its bytes; 1 when the Device accepts
     * it.
     */
    static Workload library(Recovery recovery, Fleet fleet) {
        Objects.requireNonNull(fleet, "fleet");
        int size = fleet.size();
        return () -> item -> {
            long generation = item / size;
            SignedCommand command =
                    recovery.command(generation, fleet.get((int) (item % size)).eui64());
            return fleet.apply(command.toBytes()).isAccepted() ? 1 : 0;
        };
    }

    /**
     * The two PKIs a contingency recovery moves Devices between: the seeded one and the one after its
     * contingency procedure (a new Root OCA with new contingency material), with the contingency authoriser of
     * each.
     */
    record Recovery(
            TestPki[] pkis, Authoriser[] authorisers, DeviceSettings settings, int commandBytes, int signedBytes) {

        static Recovery of(TestPki pki) {
            TestPki[] pkis = {pki, pki.withNewRootOca()};
            Authoriser[] authorisers = {pkis[0].contingencyAuthoriser(), pkis[1].contingencyAuthoriser()};
            DeviceSettings settings = DeviceSettings.of(pki.deviceProvisioning());
            Recovery draft = new Recovery(pkis, authorisers, settings, 0, 0);
            SignedCommand sample = draft.command(0, SimulatedEui64s.device(0));
            return new Recovery(
                    pkis,
                    authorisers,
                    settings,
                    sample.message().length(),
                    sample.message().signedLength());
        }

        /** Returns a fleet of {@code devices} Devices holding the first PKI's Root. */
        Fleet fleet(int devices) {
            int esme = (int) ((long) devices * ESME_PERCENT / 100);
            int gsme = (int) ((long) devices * GSME_PERCENT / 100);
            return Fleet.builder(settings)
                    .devices(DeviceType.ESME, esme)
                    .devices(DeviceType.GSME, gsme)
                    .devices(DeviceType.CHF, devices - esme - gsme)
                    .seed(IssuanceBenchmark.SEED)
                    .build();
        }

        /**
         * Returns the contingency command of generation {@code generation} for {@code device}: from the Root it
         * holds in that generation to the other one.
         */
        SignedCommand command(long generation, Eui64 device) {
            int from = (int) (generation % 2);
            TestPki current = pkis[from];
            return UpdateSecurityCredentials.builder(CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                    .symmetricKey(current.contingency().symmetricKey())
                    .sequenceNumber(generation + 1)
                    .replace(TrustAnchorCellId.ROOT, pkis[1 - from].rootOca().parsed())
                    .build()
                    .sign(authorisers[from], device);
        }

        /** Returns the PKI whose Root a Device holds after {@code generations} accepted commands. */
        TestPki pkiAfter(long generations) {
            return pkis[(int) (generations % 2)];
        }
    }
}
