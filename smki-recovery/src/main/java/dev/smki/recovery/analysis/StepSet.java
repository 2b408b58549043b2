package dev.smki.recovery.analysis;

import dev.smki.recovery.workflow.StepId;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/** An immutable set of a procedure's steps held as a bit mask, for the ordering analysis. */
final class StepSet extends AbstractSet<StepId> {

    private final long bits;
    private final StepId[] ids;
    private final Map<StepId, Integer> index;

    StepSet(long bits, StepId[] ids, Map<StepId, Integer> index) {
        this.bits = bits;
        this.ids = ids;
        this.index = index;
    }

    @Override
    public boolean contains(Object o) {
        Integer at = index.get(o);
        return at != null && (bits & (1L << at)) != 0;
    }

    @Override
    public int size() {
        return Long.bitCount(bits);
    }

    @Override
    public Iterator<StepId> iterator() {
        return new Iterator<>() {
            private long left = bits;

            @Override
            public boolean hasNext() {
                return left != 0;
            }

            @Override
            public StepId next() {
                if (left == 0) {
                    throw new NoSuchElementException();
                }
                int at = Long.numberOfTrailingZeros(left);
                left &= left - 1;
                return ids[at];
            }
        };
    }
}
