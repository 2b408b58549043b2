package dev.smki.core.profile;

/**
 * The outcome of checking one rule against one certificate: passed, broken (with what was found and, when it
 * differs from the rule's usual wording, what was expected), or not checkable.
 */
final class RuleVerdict {

    enum Kind {
        PASS,
        FAIL,
        NOT_CHECKED
    }

    /** The verdict of a rule that holds, or that does not apply to this certificate. */
    static final RuleVerdict PASS = new RuleVerdict(Kind.PASS, "", null);

    private final Kind kind;
    private final String text;
    private final String expected;
    private final boolean warningOnly;

    private RuleVerdict(Kind kind, String text, String expected) {
        this(kind, text, expected, false);
    }

    private RuleVerdict(Kind kind, String text, String expected, boolean warningOnly) {
        this.kind = kind;
        this.text = text;
        this.expected = expected;
        this.warningOnly = warningOnly;
    }

    /** Returns a broken-rule verdict: {@code actual} is what the certificate has. */
    static RuleVerdict fail(String actual) {
        return new RuleVerdict(Kind.FAIL, actual, null);
    }

    /** Returns a broken-rule verdict whose expectation depends on the context, such as an environment OID. */
    static RuleVerdict fail(String actual, String expected) {
        return new RuleVerdict(Kind.FAIL, actual, expected);
    }

    /**
     * Returns a broken-rule verdict reported as a warning whatever the rule's severity: the expectation rests on a
     * value we are not sure of, such as a reconstructed environment OID.
     */
    static RuleVerdict warning(String actual, String expected) {
        return new RuleVerdict(Kind.FAIL, actual, expected, true);
    }

    /** Returns a verdict for a rule that could not be checked, and why. */
    static RuleVerdict notChecked(String reason) {
        return new RuleVerdict(Kind.NOT_CHECKED, reason, null);
    }

    Kind kind() {
        return kind;
    }

    /** Returns the actual value of a failure, or the reason of a rule not checked. */
    String text() {
        return text;
    }

    /** Returns whether the failure is reported as a warning, whatever the rule's severity. */
    boolean warningOnly() {
        return warningOnly;
    }

    /** Returns the context-specific expectation, or null to use the rule's own. */
    String expected() {
        return expected;
    }
}
