package org.gantry.server.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Hours of a project grouped by person, task, activity type or week, between two days (inclusive; null: no
 * bound): all logged hours, the billable ones and the approved ones per line, and the totals. Hours only.
 */
public record TimeReport(
        String projectKey,
        String by,
        LocalDate from,
        LocalDate to,
        List<Line> lines,
        BigDecimal hours,
        BigDecimal billableHours,
        BigDecimal approvedHours) {

    public record Line(
            String key, String label, BigDecimal hours, BigDecimal billableHours, BigDecimal approvedHours) {}
}
