package dev.smki.core.gbcs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A {@link Trace} that keeps every field as a tree of {@link Field}s. Not thread-safe. */
public final class FieldTree implements Trace {

    /** A group being filled. */
    private static final class Open {
        final String name;
        final int offset;
        final int length;
        final String value;
        final List<Field> fields = new ArrayList<>();

        Open(String name, int offset, int length, String value) {
            this.name = name;
            this.offset = offset;
            this.length = length;
            this.value = value;
        }
    }

    private final List<Field> roots = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void field(String name, int offset, int length, String value) {
        add(new Field(name, offset, length, value, List.of()));
    }

    @Override
    public void number(String name, int offset, int length, long value) {
        add(Field.number(name, offset, length, value));
    }

    @Override
    public void open(String name, int offset, int length, String value) {
        open.push(new Open(name, offset, length, value));
    }

    @Override
    public void close() {
        Open group = open.pop();
        int length = group.length;
        if (length < 0) {
            int end = group.offset;
            for (Field field : group.fields) {
                end = Math.max(end, field.end());
            }
            length = end - group.offset;
        }
        add(new Field(group.name, group.offset, length, group.value, group.fields));
    }

    /**
     * {@return the fields recorded so far, outermost first; groups still open (when reading stopped at a
     * malformed field) are closed first, so the partial tree shows where reading stopped}
     */
    public List<Field> fields() {
        while (!open.isEmpty()) {
            close();
        }
        return List.copyOf(roots);
    }

    private void add(Field field) {
        if (open.isEmpty()) {
            roots.add(field);
        } else {
            open.peek().fields.add(field);
        }
    }
}
