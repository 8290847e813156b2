package org.gantry.interchange;

import java.time.LocalDateTime;
import java.util.Objects;
import org.gantry.engine.WorkContour;

/**
 * A resource on a task: units as a percentage (100 = full time; for a material, the quantity), work in
 * minutes (planned, done and still to do), how the work is spread over the task (contour), and the
 * levelling delay of this resource's work after the task starts (working minutes; Microsoft Project's
 * assignment Leveling Delay, set when levelling adjusts individual assignments).
 */
public record PlanAssignment(
        String key,
        String taskKey,
        String resourceKey,
        double units,
        long workMinutes,
        long actualWorkMinutes,
        long remainingWorkMinutes,
        LocalDateTime start,
        LocalDateTime finish,
        WorkContour contour,
        long levellingDelayMinutes) {

    /** An assignment that starts with its task. */
    public PlanAssignment(
            String key,
            String taskKey,
            String resourceKey,
            double units,
            long workMinutes,
            long actualWorkMinutes,
            long remainingWorkMinutes,
            LocalDateTime start,
            LocalDateTime finish,
            WorkContour contour) {
        this(
                key,
                taskKey,
                resourceKey,
                units,
                workMinutes,
                actualWorkMinutes,
                remainingWorkMinutes,
                start,
                finish,
                contour,
                0);
    }

    public PlanAssignment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(taskKey, "taskKey");
        Objects.requireNonNull(resourceKey, "resourceKey");
        Objects.requireNonNull(contour, "contour");
    }
}
