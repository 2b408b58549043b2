package dev.smki.recovery.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bounded, evenly spaced sample of a sequence of progress figures (reports, chart points): every item while there
 * are at most {@code limit}, then every second, fourth, eighth... item, whichever keeps at most {@code limit}, and
 * always the last item. So a chart of a sending to 30 million Devices holds a few hundred points, not one per batch,
 * and the same sequence always gives the same sample.
 *
 * <p>Not thread-safe: feed it from one thread at a time.
 *
 * @param <T> what is sampled
 */
public final class ProgressSample<T> {

    private final int limit;
    private final List<T> kept = new ArrayList<>();
    private long seen;
    private long stride = 1;
    private T last;

    private ProgressSample(int limit) {
        this.limit = limit;
    }

    /**
     * {@return an empty sample keeping at most {@code limit} items and the last}
     *
     * @param <T> the type of the value
     * @param limit how long after the first step the second is due
     * @throws IllegalArgumentException when {@code limit} is below 2
     */
    public static <T> ProgressSample<T> of(int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("A sample keeps at least 2 items, not " + limit);
        }
        return new ProgressSample<>(limit);
    }

    /**
     * Adds the next item of the sequence.
     *
     * @param item the item, such as a Device
     */
    public void add(T item) {
        Objects.requireNonNull(item, "item");
        if (seen % stride == 0) {
            kept.add(item);
            if (kept.size() > limit) {
                for (int i = 0; 2 * i < kept.size(); i++) {
                    kept.set(i, kept.get(2 * i));
                }
                kept.subList((kept.size() + 1) / 2, kept.size()).clear();
                stride *= 2;
            }
        }
        seen++;
        last = item;
    }

    /** {@return how many items were added} */
    public long seen() {
        return seen;
    }

    /** {@return the last item added, or null when none was} */
    public T last() {
        return last;
    }

    /** {@return the sample: the items kept, oldest first, ending with the last item added} */
    public List<T> items() {
        List<T> items = new ArrayList<>(kept.size() + 1);
        items.addAll(kept);
        if (last != null && (items.isEmpty() || items.get(items.size() - 1) != last)) {
            items.add(last);
        }
        return List.copyOf(items);
    }

    @Override
    public String toString() {
        return "ProgressSample[" + kept.size() + " of " + seen + " items, every " + stride + "]";
    }
}
