package org.gantry.engine.risk;

import java.util.Objects;
import org.gantry.engine.TaskId;

/**
 * A three-point estimate of a task's duration, in working minutes of the task (as its duration is
 * given): optimistic {@code <=} most likely {@code <=} pessimistic, drawn from {@code distribution}.
 */
public record DurationEstimate(
        TaskId task, double optimistic, double mostLikely, double pessimistic, Distribution distribution) {

    public DurationEstimate {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(distribution, "distribution");
        if (!(optimistic >= 0 && optimistic <= mostLikely && mostLikely <= pessimistic)
                || Double.isInfinite(pessimistic)) {
            throw new IllegalArgumentException("estimate of " + task
                    + " must have 0 <= optimistic <= most likely <= pessimistic, finite: " + optimistic + ", "
                    + mostLikely + ", " + pessimistic);
        }
    }

    /** No spread at all: the task always takes {@code minutes}. */
    public static DurationEstimate fixed(TaskId task, double minutes) {
        return new DurationEstimate(task, minutes, minutes, minutes, Distribution.TRIANGULAR);
    }

    public boolean hasSpread() {
        return pessimistic > optimistic;
    }
}
