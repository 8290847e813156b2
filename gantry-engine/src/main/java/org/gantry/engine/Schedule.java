package org.gantry.engine;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The result of scheduling a network: one {@link ScheduledTask} per task (in the network's order), the
 * project finish, and the critical path: every critical task that is not a summary, in link order, and the
 * same tasks split into separate critical paths, chains of critical tasks joined by links (a project with
 * two independent chains of equal length has two).
 */
public record Schedule(
        LocalDateTime projectStart,
        LocalDateTime projectFinish,
        Map<TaskId, ScheduledTask> tasks,
        List<TaskId> criticalPath,
        List<List<TaskId>> criticalPaths) {

    public Schedule {
        tasks = tasks instanceof TaskResults ? tasks : new TaskResults(new java.util.LinkedHashMap<>(tasks));
        criticalPath = List.copyOf(criticalPath);
        criticalPaths = criticalPaths.stream().map(List::copyOf).toList();
    }

    public ScheduledTask task(TaskId id) {
        ScheduledTask task = tasks.get(id);
        if (task == null) {
            throw new IllegalArgumentException("no task " + id + " in this schedule");
        }
        return task;
    }

    public ScheduledTask task(String id) {
        return task(TaskId.of(id));
    }
}
