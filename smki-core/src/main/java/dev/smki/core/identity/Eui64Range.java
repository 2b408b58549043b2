package dev.smki.core.identity;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A contiguous run of EUI-64 identifiers, both ends inclusive.
 *
 * <p>Written {@code 90-B3-D5-1F-30-01-00-00..90-B3-D5-1F-30-01-FF-FF}. The first identifier is never after
 * the last under the unsigned ordering of {@link Eui64}.
 */
public final class Eui64Range {

    private final Eui64 first;
    private final Eui64 last;

    private Eui64Range(Eui64 first, Eui64 last) {
        this.first = first;
        this.last = last;
    }

    /**
     * {@return the range from {@code first} to {@code last}, both included}
     *
     * @param first the lowest identifier
     * @param last the highest identifier
     * @throws IllegalArgumentException when {@code first} is after {@code last}
     */
    public static Eui64Range of(Eui64 first, Eui64 last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("Range start " + first + " is after its end " + last);
        }
        return new Eui64Range(first, last);
    }

    /**
     * {@return the range holding only {@code single}}
     *
     * @param single the one identifier
     */
    public static Eui64Range singleton(Eui64 single) {
        return of(single, single);
    }

    /**
     * Reads a range written {@code FIRST..LAST}, each end in a form {@link Eui64#parse} accepts.
     *
     * @param text the text to read
     * @return the range
     * @throws IllegalArgumentException when the text is not of that form or its ends are reversed
     */
    public static Eui64Range parse(CharSequence text) {
        String s = Objects.requireNonNull(text, "text").toString();
        int dots = s.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("Not an EUI-64 range: '" + text + "' (expected FIRST..LAST)");
        }
        return of(Eui64.parse(s.substring(0, dots)), Eui64.parse(s.substring(dots + 2)));
    }

    /**
     * {@return the range made of exactly the given identifiers when they form one contiguous run, or empty
     * when they leave a gap (or when there are none)} Duplicates are ignored.
     *
     * @param identifiers the identifiers
     */
    public static Optional<Eui64Range> ofContiguous(Collection<Eui64> identifiers) {
        if (identifiers.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Eui64> sorted = new TreeSet<>(identifiers);
        Eui64 low = sorted.first();
        Eui64 high = sorted.last();
        long span = high.value() - low.value(); // unsigned distance
        if (Long.compareUnsigned(span, sorted.size() - 1L) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Eui64Range(low, high));
    }

    /** {@return the first identifier, included in the range} */
    public Eui64 first() {
        return first;
    }

    /** {@return the last identifier, included in the range} */
    public Eui64 last() {
        return last;
    }

    /** {@return the number of identifiers in the range, from 1 to 2<sup>64</sup>} */
    public BigInteger size() {
        return new BigInteger(Long.toUnsignedString(last.value() - first.value())).add(BigInteger.ONE);
    }

    /**
     * {@return whether {@code identifier} lies in this range}
     *
     * @param identifier the identifier
     */
    public boolean contains(Eui64 identifier) {
        return first.compareTo(identifier) <= 0 && identifier.compareTo(last) <= 0;
    }

    /**
     * {@return whether every identifier of {@code other} lies in this range}
     *
     * @param other another range
     */
    public boolean contains(Eui64Range other) {
        return contains(other.first) && contains(other.last);
    }

    /**
     * {@return whether this range and {@code other} share at least one identifier}
     *
     * @param other another range
     */
    public boolean overlaps(Eui64Range other) {
        return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    /**
     * {@return the identifiers both ranges hold, if any}
     *
     * @param other another range
     */
    public Optional<Eui64Range> intersection(Eui64Range other) {
        if (!overlaps(other)) {
            return Optional.empty();
        }
        Eui64 low = first.compareTo(other.first) >= 0 ? first : other.first;
        Eui64 high = last.compareTo(other.last) <= 0 ? last : other.last;
        return Optional.of(new Eui64Range(low, high));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Eui64Range r && first.equals(r.first) && last.equals(r.last);
    }

    @Override
    public int hashCode() {
        return 31 * first.hashCode() + last.hashCode();
    }

    /** Returns the text form {@code FIRST..LAST} that {@link #parse} reads back. */
    @Override
    public String toString() {
        return first + ".." + last;
    }
}
