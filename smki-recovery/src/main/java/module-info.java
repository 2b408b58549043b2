/**
 * A step-ordered procedure engine with a tamper-evident journal, and the SEC SMKI recovery procedures,
 * key custody and fleet recovery built on it.
 */
module dev.smki.recovery {
    requires transitive dev.smki.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.codahale.shamir;
    requires org.slf4j;
    requires transitive org.jspecify;

    exports dev.smki.recovery.workflow;
    exports dev.smki.recovery.journal;
    exports dev.smki.recovery.analysis;
    exports dev.smki.recovery.incident;
    exports dev.smki.recovery.custody;
    exports dev.smki.recovery.fleet;
    exports dev.smki.recovery.procedures;
    exports dev.smki.recovery.plan;
    exports dev.smki.recovery.rehearsal;
}
