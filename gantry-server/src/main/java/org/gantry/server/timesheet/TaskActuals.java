package org.gantry.server.timesheet;

import java.math.BigDecimal;
import java.util.List;

/**
 * A task's work as its time entries left it: planned {@code work}, {@code actualWork} (the hours that count,
 * approved or all as the project chose), {@code remainingWork}, {@code percentWorkComplete} (actual / (actual
 * + remaining), null without planned work) and {@code percentComplete} (from hours or by hand, as the project
 * chose). Hours, not money: everyone who sees the task sees them. {@code pendingHours} are logged but do not
 * count yet (not approved).
 */
public record TaskActuals(
        long taskId,
        String taskName,
        BigDecimal work,
        BigDecimal actualWork,
        BigDecimal remainingWork,
        Integer percentWorkComplete,
        int percentComplete,
        BigDecimal pendingHours,
        String actuals,
        boolean progressFromHours,
        List<AssignmentActuals> assignments) {

    /** One resource on the task: its planned work, actual and remaining work, in hours. */
    public record AssignmentActuals(
            long resourceId, String resourceName, BigDecimal work, BigDecimal actualWork, BigDecimal remainingWork) {}
}
