package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;

import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * P-DISTRIBUTE: distribution of new Root OCA and Organisation Certificates to Devices (SEC L10 scope (c)(i),
 * verified; recovery.md §2.5: the steps are reconstructed).
 *
 * <p>A cell holds a Party's Subject Unique ID and Subject Key ID, not its issuer, so a Party that keeps its key
 * pair and only gets a re-issued certificate needs no new cell (DS1, inferred); cells change when key pairs do.
 * DS4 sends only certificates chaining to a Root the Devices hold (REC-10).
 */
public final class Distribute {

    /** DS1: the DCC decides, per role and Device type, which cells need new data. */
    public static final StepId CELLS_CHOSEN = StepId.of("DS1");

    /** DS2: the DCC chooses the authorising mode for each replacement. */
    public static final StepId MODE_CHOSEN = StepId.of("DS2");

    /** DS3: the DCC includes the certification-path certificates a Device needs. */
    public static final StepId PATH_INCLUDED = StepId.of("DS3");

    /** DS4: the DCC sends the commands, collects outcomes, retries failures and reports progress. */
    public static final StepId SENT = StepId.of("DS4");

    /** The procedure's name. */
    public static final String NAME = "DISTRIBUTE";

    private Distribute() {}

    /** Returns the re-issued certificates, by file stem, whose key differs from the one the cells hold. */
    private static List<String> changedCells(IncidentState s) {
        List<String> changed = new ArrayList<>();
        s.pki().reissued().forEach((stem, renewed) -> {
            IssuedCertificate old = s.pki().current().organisationCertificate(OrganisationCredential.parse(stem));
            if (!old.parsed()
                    .subjectKeyIdentifier()
                    .orElseThrow()
                    .equals(renewed.parsed().subjectKeyIdentifier().orElseThrow())) {
                changed.add(stem);
            }
        });
        return changed;
    }

    /** {@return the procedure with the default settings} */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults());
    }

    /**
     * {@return the procedure with {@code settings}' omitted steps}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> definition(ProcedureSettings settings) {
        return settings.applyTo(steps(settings));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return Procedure.<IncidentState>named(NAME)
                .pre(CELLS_CHOSEN, "Cells needing new data chosen per role and Device type", DCC)
                .citing(Confidence.RECONSTRUCTED, Sources.L10, Sources.note("§2.5 DS1"))
                .does((s, attempt) -> changedCells(s).isEmpty()
                        ? "no cell needs new data: each re-issued certificate keeps its Party's key"
                        : "cells needing new data: " + changedCells(s))
                .pre(MODE_CHOSEN, "Authorising mode chosen for each replacement", DCC)
                .after(CELLS_CHOSEN)
                .citing(Confidence.RECONSTRUCTED, Sources.CS02B, Sources.note("§2.5 DS2 (codes [V], use [I])"))
                .pre(PATH_INCLUDED, "Certification-path certificates included", DCC)
                .after(MODE_CHOSEN)
                .citing(Confidence.INFERRED, Sources.CS02B, Sources.note("§2.5 DS3"))
                .exec(SENT, "Commands sent; Execution Outcomes collected; failures retried; progress reported", DCC)
                .after(PATH_INCLUDED)
                .guardedBy(RecoveryGuards.DEVICES_HOLD_NEW_ROOT)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.5 DS4"))
                .does((s, attempt) -> changedCells(s).isEmpty()
                        ? "no command needed: the Parties kept their key pairs, so no cell changes"
                        : "cells to change: " + changedCells(s))
                .build();
    }
}
