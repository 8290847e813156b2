package org.gantry.server.board;

import java.time.LocalDate;
import java.util.List;

/**
 * Changes to a sprint: only the fields given change; version is required. {@code clear} names optional
 * fields to empty: goal, startDate, endDate, milestoneId. A closed sprint keeps its dates.
 */
public record SprintChanges(
        String name,
        String goal,
        LocalDate startDate,
        LocalDate endDate,
        Long milestoneId,
        List<String> clear,
        Integer version) {}
