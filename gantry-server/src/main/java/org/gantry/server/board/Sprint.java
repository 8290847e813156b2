package org.gantry.server.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sprint with its tasks in rank order. {@code committedPoints}: the points in the sprint when it
 * started (for a PLANNED sprint, what it holds now: what would be committed). {@code points}: the points
 * of the tasks in it now (a closed sprint: at its completion), {@code donePoints} of those done.
 */
public record Sprint(
        long id,
        String name,
        String goal,
        LocalDate startDate,
        LocalDate endDate,
        SprintState state,
        Long milestoneId,
        Instant startedAt,
        Instant completedAt,
        BigDecimal committedPoints,
        BigDecimal points,
        BigDecimal donePoints,
        int version,
        List<SprintTask> tasks) {}
