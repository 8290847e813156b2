package org.gantry.interchange;

import java.time.LocalDateTime;
import java.util.Objects;
import org.gantry.engine.WorkContour;

/**
 * A resource on a task: units as a percentage (100 = full time; for a material, the quantity), work in
 * minutes (planned, done and still to do) and how the work is spread over the task (contour).
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
        WorkContour contour) {

    public PlanAssignment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(taskKey, "taskKey");
        Objects.requireNonNull(resourceKey, "resourceKey");
        Objects.requireNonNull(contour, "contour");
    }
}
