package dev.smki.recovery.rehearsal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smki.recovery.journal.JournalForgery;
import dev.smki.recovery.plan.ExercisePlan;
import java.nio.file.Path;
import java.util.regex.Matcher;

/**
 * What a forger with write access to a rehearsal's journal does to change the rehearsal it records: replaces the plan
 * in the header's note with another, and recomputes every hash, so that the chain alone checks.
 */
public final class ForgedPlans {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ForgedPlans() {}

    /** Makes the journal file {@code journal} record {@code plan} in its header, every hash recomputed. */
    public static void replacePlan(Path journal, ExercisePlan plan) {
        String note;
        try {
            note = JSON.writeValueAsString(PlanJournal.note(plan).asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        JournalForgery.rewrite(
                journal,
                0,
                header -> header.replaceFirst("\"note\":\\{[^}]*\\}", Matcher.quoteReplacement("\"note\":" + note)));
    }
}
