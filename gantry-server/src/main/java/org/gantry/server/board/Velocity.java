package org.gantry.server.board;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Committed against completed points of the last closed sprints, oldest first, and the average of the
 * completed points (null when no sprint is closed).
 */
public record Velocity(String project, BigDecimal averageCompleted, List<SprintVelocity> sprints) {

    /**
     * {@code committed}: points at the start; {@code completed}: points done at completion (added scope
     * included); {@code scopeAdded}: points added after the start; {@code notDone}: points left unfinished.
     */
    public record SprintVelocity(
            long sprintId,
            String name,
            LocalDate startDate,
            LocalDate endDate,
            BigDecimal committed,
            BigDecimal completed,
            BigDecimal scopeAdded,
            BigDecimal notDone) {}
}
