package org.gantry.server.board;

import java.util.List;

/**
 * Spaced ranks for ordered lists (the backlog, a sprint): a drop between two neighbours usually takes
 * the rank between theirs; when a neighbour has none or there is no room left, the list is renumbered.
 */
final class Ranks {

    static final long GAP = 1024;

    private Ranks() {}

    /** The 0-based index for a 1-based position among {@code size} others (null: last). */
    static int index(int size, Integer position) {
        return position == null ? size : Math.min(position - 1, size);
    }

    /**
     * The rank for an item put at {@code index} among {@code others} ({id, rank or Long.MIN_VALUE when
     * none}, in order); null when the list must be renumbered.
     */
    static Long between(List<long[]> others, int index) {
        long before = index > 0 ? others.get(index - 1)[1] : Long.MAX_VALUE;
        long after = index < others.size() ? others.get(index)[1] : Long.MAX_VALUE;
        if (index == 0 && after == Long.MAX_VALUE) {
            return GAP;
        }
        if (index == 0 && after != Long.MIN_VALUE) {
            return after - GAP;
        }
        if (index == others.size() && before != Long.MIN_VALUE) {
            return before + GAP;
        }
        if (before != Long.MIN_VALUE && after != Long.MIN_VALUE && after - before > 1) {
            return before + (after - before) / 2;
        }
        return null;
    }
}
