package org.gantry.server.resource;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A resource on a task. {@code units} is a percentage of the resource's time (for a material, the quantity);
 * work is in working minutes; start and finish are local date-times in the project's time zone.
 */
public record Assignment(
        long id,
        long taskId,
        String taskName,
        String taskWbs,
        long resourceId,
        String resourceName,
        String resourceKind,
        BigDecimal units,
        long workMinutes,
        long actualWorkMinutes,
        long remainingWorkMinutes,
        LocalDateTime start,
        LocalDateTime finish,
        String contour,
        int version) {}
