package org.gantry.engine.levelling;

import java.util.List;

/**
 * The best schedule found: each task's start (in the task order of the project), the project finish
 * (makespan), a lower bound no schedule can beat (critical path or resource work), how many schedules
 * the search generated, and whether it stopped because the finish reached that bound.
 */
public record LevelledSchedule(
        List<Integer> starts, int makespan, int lowerBound, int schedulesGenerated, boolean provedShortest) {
    public LevelledSchedule {
        starts = List.copyOf(starts);
    }

    public int start(int task) {
        return starts.get(task);
    }
}
