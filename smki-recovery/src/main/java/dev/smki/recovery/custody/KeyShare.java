package dev.smki.recovery.custody;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Shamir share of a key in custody, issued to one Key Custodian. Its secret bytes never appear in
 * {@link #toString()}.
 */
public final class KeyShare {

    private final CustodyKey key;
    private final CustodianId holder;
    private final int index;
    private final long generation;
    private final byte[] secret;

    KeyShare(CustodyKey key, CustodianId holder, int index, long generation, byte[] secret) {
        this.key = Objects.requireNonNull(key, "key");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.index = index;
        this.generation = generation;
        this.secret = secret.clone();
    }

    /** {@return the key this share belongs to} */
    public CustodyKey key() {
        return key;
    }

    /** {@return the custodian the share was issued to} */
    public CustodianId holder() {
        return holder;
    }

    /** {@return the share's Shamir index, 1 to N} */
    public int index() {
        return index;
    }

    /** {@return which split of the key this share comes from; a re-share makes older shares useless} */
    public long generation() {
        return generation;
    }

    byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyShare s
                && key == s.key
                && holder.equals(s.holder)
                && index == s.index
                && generation == s.generation
                && Arrays.equals(secret, s.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, holder, index, generation);
    }

    @Override
    public String toString() {
        return "KeyShare[" + key + " #" + index + " (generation " + generation + ") held by " + holder + "]";
    }
}
