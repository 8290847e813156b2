package org.gantry.server.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A row of the work breakdown. {@code position} is the 1-based order among siblings, {@code wbs} the
 * outline code ("2.1.3") and {@code outlineLevel} its depth (1 for top-level tasks). The duration is
 * in working minutes; {@code duration} shows it in {@code durationUnit} ("5d"). Dates are local times
 * in the project's time zone. {@code storyPoints} is the team's estimate for the board (null: none).
 */
public record Task(
        long id,
        long projectId,
        Long parentId,
        int position,
        String wbs,
        int outlineLevel,
        String name,
        String description,
        TaskType type,
        boolean summary,
        boolean milestone,
        String status,
        Priority priority,
        List<String> tags,
        List<Assignee> assignees,
        long durationMinutes,
        DurationUnit durationUnit,
        String duration,
        LocalDateTime start,
        LocalDateTime finish,
        int percentComplete,
        BigDecimal storyPoints,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
