package dev.smki.recovery.incident;

/**
 * Opens the {@link ProgressRecord} of each sending of commands of an incident: for a rehearsal kept on disk, one
 * Recovery Progress File per sending, beside its journal; {@link #none()} keeps them in memory only.
 */
@FunctionalInterface
public interface ProgressRecords {

    /**
     * Opens the record of a sending.
     *
     * @param incident the incident
     * @param operation the step sending the commands, such as {@code C5}
     * @param sending which sending of that step it is, from 1 (a step sends once in every built-in procedure)
     * @return the record of the sending
     */
    ProgressRecord open(IncidentId incident, String operation, int sending);

    /** {@return records that keep nothing: every sending in memory only} */
    static ProgressRecords none() {
        return (incident, operation, sending) -> ProgressRecord.none();
    }
}
