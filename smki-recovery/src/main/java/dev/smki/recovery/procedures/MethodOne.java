package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;

import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.Objects;

/**
 * Method 1: the Relevant Subscriber replaces its own trust anchors on its Relevant Devices with same-role
 * commands (such as {@code supplierBySupplier}) signed with its current key; no DCC key is used, so no SMKI PMA
 * decision gates it (recovery.md §1.5 and §2.3; the method's name is verified, its mechanics inferred, its steps
 * reconstructed).
 *
 * <p>Whoever holds the compromised key can race the Subscriber (recovery.md §2.3): the reason the SMKI PMA may
 * require Method 2 or 3 instead. M1.post closes only once every Relevant Device is updated or written off (REC-8).
 */
public final class MethodOne {

    /** M1.pre: the Subscriber generates new key pairs and obtains new Organisation Certificates. */
    public static final StepId PREPARED = StepId.of("M1.pre");

    /** M1.exec: the Subscriber sends same-role replacements, signed with its current key, to each Relevant Device. */
    public static final StepId SENT = StepId.of("M1.exec");

    /** M1.post: the Devices are verified and the old certificate revoked. */
    public static final StepId VERIFIED = StepId.of("M1.post");

    /** The procedure's name. */
    public static final String NAME = "METHOD1";

    private MethodOne() {}

    /** Returns the procedure with the default settings. */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults());
    }

    /** Returns the procedure with {@code settings}' durations and omitted steps. */
    public static Procedure<IncidentState> definition(ProcedureSettings settings) {
        return settings.applyTo(steps(settings));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return Procedure.<IncidentState>named(NAME)
                .pre(PREPARED, "New key pairs generated and new Organisation Certificates obtained", SUBSCRIBER)
                .citing(Confidence.RECONSTRUCTED, Sources.DRAFT_2015, Sources.note("§2.3 Method 1"))
                .exec(
                        SENT,
                        "Same-role replacements signed with the current key sent to each Relevant Device",
                        SUBSCRIBER)
                .after(PREPARED)
                .citing(Confidence.INFERRED, Sources.CS02B, Sources.note("§1.5 Method 1"))
                .post(VERIFIED, "Relevant Devices verified; old certificate revoked", SUBSCRIBER, DCC)
                .after(SENT)
                .guardedBy(RecoveryGuards.SCOPE_SETTLED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.3 Method 1"))
                .deadline("T_method1", PREPARED, VERIFIED, settings.duration("T_method1"))
                .build();
    }
}
