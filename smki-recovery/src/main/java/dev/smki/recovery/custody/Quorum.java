package dev.smki.recovery.custody;

/**
 * An M-of-N threshold: a key split into {@code n} shares can be used when {@code m} distinct, currently
 * appointed Key Custodians present theirs. The real M and N were not found (recovery.md §5); they are
 * parameters, {@code 3 of 5} by default in examples.
 *
 * @param m how many shares activate the key, at least 2 (one custodian alone is no quorum, and Shamir
 *     sharing needs a threshold of two)
 * @param n how many shares exist, at least {@code m}
 */
public record Quorum(int m, int n) {

    /**
     * Checks the components.
     *
     * @param m how many shares activate the key, at least 2 (one custodian alone is no quorum, and Shamir sharing needs
     *     a threshold of two)
     * @param n how many shares exist, at least {@code m}
     * @throws IllegalArgumentException unless 2 &lt;= M &lt;= N &lt;= 255
     */
    public Quorum {
        if (m < 2 || n < m || n > 255) {
            throw new IllegalArgumentException("A quorum needs 2 <= M <= N <= 255, got " + m + " of " + n);
        }
    }

    /**
     * {@return the quorum of {@code m} shares out of {@code n}}
     *
     * @param m how many custodians must present shares
     * @param n how many custodians hold shares
     */
    public static Quorum of(int m, int n) {
        return new Quorum(m, n);
    }

    /**
     * Reads a quorum written {@code M/N} or {@code M-of-N}, such as {@code 3/5}.
     *
     * @param text the text
     * @return the quorum
     * @throws IllegalArgumentException when the text is not of that form or the numbers do not fit
     */
    public static Quorum parse(String text) {
        String[] parts = text.trim().split("/|-of-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A quorum is written M/N, such as 3/5; got '" + text + "'");
        }
        try {
            return of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A quorum is written M/N, such as 3/5; got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return m + "/" + n;
    }
}
