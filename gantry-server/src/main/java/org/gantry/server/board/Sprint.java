package org.gantry.server.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sprint with its tasks in rank order. {@code committedPoints}: the points in the sprint when it
 * started (for a PLANNED sprint, what it holds now: what would be committed). {@code points}: the points
 * of the tasks in it now (a closed sprint: at its completion), {@code donePoints} of those done.
 *
 * <p>{@code capacityHours}: the team's working hours in the sprint's dates, the sum of {@code capacity}:
 * each project member who is a work resource, the working hours of their calendar (the project's when
 * they have none) from the start to the end date, exceptions and holidays excluded, times their maximum
 * units; null without both dates. {@code committedWorkHours}: the planned work of the assignments on the
 * sprint's tasks (null when they have none); {@code overCapacity} when it exceeds the capacity.
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
        List<SprintTask> tasks,
        BigDecimal capacityHours,
        BigDecimal committedWorkHours,
        boolean overCapacity,
        List<PersonCapacity> capacity) {

    /**
     * One person's share of a sprint's capacity: {@code workingHours} on their calendar in the sprint's
     * dates, {@code maxUnits} (%), {@code capacityHours} = working hours x max units.
     */
    public record PersonCapacity(
            long userId,
            long resourceId,
            String name,
            String calendar,
            BigDecimal maxUnits,
            BigDecimal workingHours,
            BigDecimal capacityHours) {}
}
