package org.gantry.engine.levelling;

import java.util.List;

/**
 * One task of a {@link ResourceConstrainedProject}: its duration in whole time units, the tasks that may
 * start only after it finishes (indexes into the project's task list) and how many units of each
 * resource it holds for its whole duration (one entry per resource, in the project's resource order).
 */
public record LevellingTask(int duration, List<Integer> successors, List<Integer> demands) {
    public LevellingTask {
        if (duration < 0) {
            throw new IllegalArgumentException("duration " + duration + " is negative");
        }
        successors = List.copyOf(successors);
        demands = List.copyOf(demands);
        for (int demand : demands) {
            if (demand < 0) {
                throw new IllegalArgumentException("demand " + demand + " is negative");
            }
        }
    }
}
