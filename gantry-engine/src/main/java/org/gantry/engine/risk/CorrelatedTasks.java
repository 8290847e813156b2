package org.gantry.engine.risk;

import java.util.List;
import java.util.Objects;
import org.gantry.engine.TaskId;

/**
 * Tasks whose durations move together (the same team, the same supplier, the same unknown technology): in
 * each run they share a common factor, so when one runs long the others tend to as well. {@code coefficient}
 * from 0 (independent) to 1 (always the same quantile of their own distributions) is the correlation of
 * the normal scores behind their draws (a one-factor Gaussian copula); the rank correlation of two of the
 * tasks' durations is {@code (6 / pi) asin(coefficient / 2)}, a little less. A task belongs to at most one
 * group.
 */
public record CorrelatedTasks(List<TaskId> tasks, double coefficient) {

    public CorrelatedTasks {
        tasks = List.copyOf(tasks);
        if (!(coefficient >= 0 && coefficient <= 1)) {
            throw new IllegalArgumentException("correlation coefficient must be between 0 and 1: " + coefficient);
        }
        for (TaskId task : tasks) {
            Objects.requireNonNull(task, "task");
        }
    }
}
