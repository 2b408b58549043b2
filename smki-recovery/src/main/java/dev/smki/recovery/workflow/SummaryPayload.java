package dev.smki.recovery.workflow;

import java.util.Objects;

/** A payload that is nothing but its summary. */
record SummaryPayload(PayloadSummary summary) implements Payload {

    static final SummaryPayload NONE = new SummaryPayload(PayloadSummary.empty());

    SummaryPayload {
        Objects.requireNonNull(summary, "summary");
    }
}
