package org.gantry.engine.risk;

import java.util.Objects;
import org.gantry.engine.TaskId;

/**
 * A quantified risk: in a share {@code probability} of runs it occurs and lengthens {@code task} by
 * {@code delayMinutes} working minutes (of the task). A negative delay is an opportunity that shortens it
 * (never below zero).
 */
public record RiskEvent(String id, TaskId task, double probability, double delayMinutes) {

    public RiskEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    "probability of risk " + id + " must be between 0 and 1: " + probability);
        }
        if (Double.isNaN(delayMinutes) || Double.isInfinite(delayMinutes)) {
            throw new IllegalArgumentException("delay of risk " + id + " must be a number");
        }
    }
}
