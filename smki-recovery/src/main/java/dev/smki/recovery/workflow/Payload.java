package dev.smki.recovery.workflow;

import java.util.Map;

/**
 * What an actor hands over with an attempt: a decision, the custodians present, a signed command. The engine
 * passes the payload to the step's guards and records only its {@link #summary()}.
 *
 * <p>Domain payloads implement this interface and choose, field by field, what their summary shows; they may
 * hold anything, key material included, since the payload object itself is never written down, logged or
 * printed by the engine.
 */
public interface Payload {

    /** {@return what the journal records of this payload; never key material} */
    PayloadSummary summary();

    /** {@return the payload that carries nothing} */
    static Payload none() {
        return SummaryPayload.NONE;
    }

    /**
     * {@return a payload that is only its summary}
     *
     * @param summary the payload summary
     */
    static Payload of(PayloadSummary summary) {
        return new SummaryPayload(summary);
    }

    /**
     * {@return a payload that is only the summary of {@code entries}}
     *
     * @param entries the entries
     */
    static Payload of(Map<String, String> entries) {
        return new SummaryPayload(PayloadSummary.of(entries));
    }

    /**
     * {@return a payload that is only the summary {@code key=value}}
     *
     * @param key the key
     * @param value the value
     */
    static Payload of(String key, String value) {
        return new SummaryPayload(PayloadSummary.of(key, value));
    }
}
