package org.gantry.server.task;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A task to create. Only the name is required. Without a parent it is a top-level task; without a
 * position it goes last among its siblings. The duration is either {@code duration} as text ("5d",
 * "3h", "2w", "90m"; a bare number is days) or {@code durationMinutes} with {@code durationUnit}.
 * {@code storyPoints} is any non-negative number, or none.
 */
public record NewTask(
        String name,
        String description,
        Long parentId,
        Integer position,
        Boolean milestone,
        String status,
        Priority priority,
        List<String> tags,
        List<Long> assigneeIds,
        String duration,
        Long durationMinutes,
        DurationUnit durationUnit,
        LocalDateTime start,
        LocalDateTime finish,
        Integer percentComplete,
        BigDecimal storyPoints) {

    public static NewTask named(String name) {
        return new NewTask(
                name, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public NewTask under(Long parent) {
        return new NewTask(
                name,
                description,
                parent,
                position,
                milestone,
                status,
                priority,
                tags,
                assigneeIds,
                duration,
                durationMinutes,
                durationUnit,
                start,
                finish,
                percentComplete,
                storyPoints);
    }
}
