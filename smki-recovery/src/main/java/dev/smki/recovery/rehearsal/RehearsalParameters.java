package dev.smki.recovery.rehearsal;

import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.procedures.RecoveryKeyUse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Everything a rehearsal is a function of: the scenario, the seed, the size of the fleet, the method, the custody
 * quorum, the failures injected into device updates, the start of the simulated clock and the procedure settings.
 * Two rehearsals with equal parameters give equal results; the journal records the parameters (see {@link
 * #toJournal()}) so that a rehearsal resumes from its journal alone. Immutable.
 *
 * @param scenario what is rehearsed
 * @param seed the seed of the test PKI, the fleet, the custody randomness and the injected failures
 * @param devices how many Devices the fleet has, at least 1
 * @param method the method of using the Recovery Private Key (scenario {@link Scenario#RECOVERY_KEY} only)
 * @param quorum the custody quorum M of N; N custodians are appointed, M attend
 * @param commissionedShare the share of Devices commissioned, 0 to 1 (only commissioned Devices are relevant)
 * @param uncontactableShare the share of Relevant Devices that never answer, 0 to 1
 * @param busyShare the chance that one attempt to update a Device finds it busy, 0 to 1 (0 to 0.95)
 * @param retries how many times a failed update is retried before the Device is written off, 0 or more
 * @param start when the simulated clock starts
 * @param settings the procedure settings: durations, omitted steps, policy, Guidance
 */
public record RehearsalParameters(
        Scenario scenario,
        long seed,
        int devices,
        RecoveryKeyUse.Method method,
        Quorum quorum,
        double commissionedShare,
        double uncontactableShare,
        double busyShare,
        int retries,
        Instant start,
        ProcedureSettings settings) {

    /** The default start of the simulated clock: 2026-03-02T09:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T09:00:00Z");

    private static final String SETTING = "set.";

    public RehearsalParameters {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(settings, "settings");
        if (devices < 1) {
            throw new IllegalArgumentException("A rehearsal needs at least one Device, not " + devices);
        }
        share("commissioned share", commissionedShare, 1.0);
        share("uncontactable share", uncontactableShare, 1.0);
        share("busy share", busyShare, 0.95);
        if (retries < 0) {
            throw new IllegalArgumentException("Retries are not negative: " + retries);
        }
    }

    private static void share(String name, double value, double max) {
        if (!(value >= 0.0 && value <= max)) {
            throw new IllegalArgumentException("The " + name + " is between 0 and " + max + ", not " + value);
        }
    }

    /**
     * Returns the defaults for {@code scenario}: seed 1, 1,000 Devices, Method 3, quorum 3 of 5, 98% commissioned,
     * 0.2% uncontactable, 2% busy per attempt, 3 retries, the default start and settings.
     */
    public static RehearsalParameters of(Scenario scenario) {
        return new RehearsalParameters(
                scenario,
                1,
                1_000,
                RecoveryKeyUse.Method.METHOD_3,
                Quorum.of(3, 5),
                0.98,
                0.002,
                0.02,
                3,
                DEFAULT_START,
                ProcedureSettings.defaults());
    }

    /** Returns a copy with {@code newSeed}. */
    public RehearsalParameters withSeed(long newSeed) {
        return copy(c -> c.seed = newSeed);
    }

    /** Returns a copy with {@code count} Devices. */
    public RehearsalParameters withDevices(int count) {
        return copy(c -> c.devices = count);
    }

    /** Returns a copy using the Recovery Private Key by {@code newMethod}. */
    public RehearsalParameters withMethod(RecoveryKeyUse.Method newMethod) {
        return copy(c -> c.method = newMethod);
    }

    /** Returns a copy with the custody quorum {@code newQuorum}. */
    public RehearsalParameters withQuorum(Quorum newQuorum) {
        return copy(c -> c.quorum = newQuorum);
    }

    /** Returns a copy with {@code share} of the Devices commissioned. */
    public RehearsalParameters withCommissionedShare(double share) {
        return copy(c -> c.commissionedShare = share);
    }

    /** Returns a copy injecting these failures: {@code uncontactable} Devices, {@code busy} attempts, {@code retries}. */
    public RehearsalParameters withFailures(double uncontactable, double busy, int newRetries) {
        return copy(c -> {
            c.uncontactableShare = uncontactable;
            c.busyShare = busy;
            c.retries = newRetries;
        });
    }

    /** Returns a copy injecting no failures. */
    public RehearsalParameters withoutFailures() {
        return withFailures(0.0, 0.0, retries);
    }

    /** Returns a copy whose simulated clock starts at {@code newStart}. */
    public RehearsalParameters withStart(Instant newStart) {
        return copy(c -> c.start = newStart);
    }

    /** Returns a copy with {@code newSettings}. */
    public RehearsalParameters withSettings(ProcedureSettings newSettings) {
        return copy(c -> c.settings = newSettings);
    }

    private RehearsalParameters copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new RehearsalParameters(
                c.scenario,
                c.seed,
                c.devices,
                c.method,
                c.quorum,
                c.commissionedShare,
                c.uncontactableShare,
                c.busyShare,
                c.retries,
                c.start,
                c.settings);
    }

    /** The components of a copy being changed. */
    private static final class Copy {
        Scenario scenario;
        long seed;
        int devices;
        RecoveryKeyUse.Method method;
        Quorum quorum;
        double commissionedShare;
        double uncontactableShare;
        double busyShare;
        int retries;
        Instant start;
        ProcedureSettings settings;

        Copy(RehearsalParameters p) {
            scenario = p.scenario;
            seed = p.seed;
            devices = p.devices;
            method = p.method;
            quorum = p.quorum;
            commissionedShare = p.commissionedShare;
            uncontactableShare = p.uncontactableShare;
            busyShare = p.busyShare;
            retries = p.retries;
            start = p.start;
            settings = p.settings;
        }
    }

    /**
     * Returns the parameters as journal payload entries: {@code rehearsal}, {@code seed}, {@code devices}, {@code
     * method}, {@code quorum}, {@code commissioned}, {@code uncontactable}, {@code busy}, {@code retries}, {@code
     * start}, and {@code set.NAME} for each procedure setting that differs from the defaults.
     */
    public Map<String, String> toJournal() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("rehearsal", scenario.cliName());
        entries.put("seed", Long.toString(seed));
        entries.put("devices", Integer.toString(devices));
        entries.put("method", Integer.toString(method.number()));
        entries.put("quorum", quorum.toString());
        entries.put("commissioned", Double.toString(commissionedShare));
        entries.put("uncontactable", Double.toString(uncontactableShare));
        entries.put("busy", Double.toString(busyShare));
        entries.put("retries", Integer.toString(retries));
        entries.put("start", start.toString());
        settings.toProperties().forEach((name, value) -> entries.put(SETTING + name, value));
        return entries;
    }

    /**
     * Returns the parameters recorded by {@link #toJournal()}.
     *
     * @throws IllegalArgumentException naming the entry when one is missing or malformed
     */
    public static RehearsalParameters fromJournal(Map<String, String> entries) {
        Objects.requireNonNull(entries, "entries");
        Properties settings = new Properties();
        entries.forEach((key, value) -> {
            if (key.startsWith(SETTING)) {
                settings.setProperty(key.substring(SETTING.length()), value);
            }
        });
        try {
            return new RehearsalParameters(
                    Scenario.parse(required(entries, "rehearsal")),
                    Long.parseLong(required(entries, "seed")),
                    Integer.parseInt(required(entries, "devices")),
                    RecoveryKeyUse.Method.of(Integer.parseInt(required(entries, "method"))),
                    Quorum.parse(required(entries, "quorum")),
                    Double.parseDouble(required(entries, "commissioned")),
                    Double.parseDouble(required(entries, "uncontactable")),
                    Double.parseDouble(required(entries, "busy")),
                    Integer.parseInt(required(entries, "retries")),
                    Instant.parse(required(entries, "start")),
                    ProcedureSettings.defaults().withProperties(settings));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "The journal's rehearsal parameters are malformed: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> entries, String key) {
        String value = entries.get(key);
        if (value == null) {
            throw new IllegalArgumentException(
                    "The journal records no rehearsal parameter '" + key + "'; it was not written by a rehearsal");
        }
        return value;
    }
}
