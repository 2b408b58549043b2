package dev.smki.examples.cli;

import dev.smki.recovery.procedures.IncidentResponses;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.procedures.RecoveryKeyUse;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reading a {@link ProcedureSettings} properties file given on the command line, with one-line messages. */
final class ProcedureSettingsFile {

    private ProcedureSettingsFile() {}

    /**
     * Returns the defaults changed by the properties file {@code file}, or the defaults when it is null.
     *
     * @throws UserInputException naming the file and the problem when it cannot be read (or is not a regular
     *     file), or holds an unknown or malformed setting, or leaves out a step no incident response has
     */
    static ProcedureSettings load(Path file) {
        if (file == null) {
            return ProcedureSettings.defaults();
        }
        CliFiles.requireRegular(file, CliFiles.MAX_SMALL_INPUT);
        ProcedureSettings settings;
        try {
            settings = ProcedureSettings.load(file);
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            throw CliFiles.unreadable(file, cause);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
        Set<StepId> known = knownSteps();
        for (StepId step : settings.omitted()) {
            if (!known.contains(step)) {
                throw new UserInputException(file + ": omit: " + step + " is not a step of any incident response"
                        + " (the steps are " + known.stream().map(StepId::value).collect(Collectors.joining(", "))
                        + ")");
            }
        }
        return settings;
    }

    /** Returns the steps of every incident response the command line rehearses or analyses, by id. */
    private static Set<StepId> knownSteps() {
        ProcedureSettings defaults = ProcedureSettings.defaults();
        List<Procedure> procedures = List.of(
                IncidentResponses.notification(defaults),
                IncidentResponses.organisationKeyCompromise(defaults, RecoveryKeyUse.Method.of(2)),
                IncidentResponses.organisationKeyCompromise(defaults, RecoveryKeyUse.Method.of(3)),
                IncidentResponses.rootOcaCompromise(defaults),
                IncidentResponses.recoveryKeyReplacement(defaults),
                IncidentResponses.supplierOfLastResort(defaults));
        Set<StepId> steps = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        procedures.forEach(p -> p.steps().stream().map(Step::id).forEach(steps::add));
        return steps;
    }
}
