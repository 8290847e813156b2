package org.gantry.interchange;

import java.util.ArrayList;
import java.util.List;

/** Numbers rows of an outline as Microsoft Project does ("1", "1.1", "1.2", "2"), given their levels in order. */
final class OutlineNumbers {
    private final List<Integer> counters = new ArrayList<>();

    /** The number of the next row, which sits at {@code level} (from 1). */
    String next(int level) {
        while (counters.size() < level) {
            counters.add(0);
        }
        while (counters.size() > level) {
            counters.remove(counters.size() - 1);
        }
        counters.set(level - 1, counters.get(level - 1) + 1);
        StringBuilder number = new StringBuilder();
        for (int k = 0; k < counters.size(); k++) {
            if (k > 0) {
                number.append('.');
            }
            number.append(counters.get(k));
        }
        return number.toString();
    }
}
