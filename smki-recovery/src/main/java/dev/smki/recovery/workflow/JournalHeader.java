package dev.smki.recovery.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * The first line of a journal: which procedure definition it records.
 *
 * @param procedure the procedure's name
 * @param definitionHash the procedure's {@linkplain Procedure#definitionHash() definition hash}
 * @param created when the journal was created
 * @param hash the SHA-256 of the line up to its hash field
 */
public record JournalHeader(String procedure, String definitionHash, Instant created, String hash) {

    public JournalHeader {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(definitionHash, "definitionHash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(hash, "hash");
    }

    /** Returns whether this journal records {@code procedure}, by name and definition hash. */
    public boolean records(Procedure procedure) {
        return this.procedure.equals(procedure.name()) && definitionHash.equals(procedure.definitionHash());
    }
}
