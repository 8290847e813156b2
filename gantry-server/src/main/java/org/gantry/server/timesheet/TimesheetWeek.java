package org.gantry.server.timesheet;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's week as the timesheet grid shows it: Monday to Sunday, one row per task, each cell the hours
 * logged that day. A cell with several entries (logged through the API with different notes) is shown
 * but not edited in the grid.
 */
public record TimesheetWeek(
        LocalDate monday, List<LocalDate> days, List<Row> rows, List<String> dayTotals, String weekTotal) {

    public record Row(long taskId, String projectKey, String wbs, String taskName, List<Cell> cells, String total) {}

    /**
     * {@code value} is what the input shows (open hours, or what was typed when refused); {@code error} why
     * not; {@code locked} the submitted or approved hours of the day ("8 approved"), null without any.
     */
    public record Cell(String name, LocalDate day, String value, boolean editable, String error, String locked) {}
}
