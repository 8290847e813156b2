package org.gantry.server.timesheet;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's week as the timesheet grid shows it: Monday to Sunday, one row per task, each cell the hours
 * logged that day with the entry's note, activity type and billable flag (its details). A cell with several
 * open entries (logged through the API with different notes) is shown but not edited in the grid.
 */
public record TimesheetWeek(
        LocalDate monday, List<LocalDate> days, List<Row> rows, List<String> dayTotals, String weekTotal) {

    /** {@code activityTypes} are the task's project's, to choose from in each cell's details. */
    public record Row(
            long taskId,
            String projectKey,
            String wbs,
            String taskName,
            List<Cell> cells,
            String total,
            List<ActivityType> activityTypes) {}

    /**
     * {@code value} is what the input shows (open hours, or what was typed when refused); {@code error} why
     * not; {@code locked} the submitted or approved hours of the day ("8 approved"), null without any.
     */
    public record Cell(
            String name, LocalDate day, String value, boolean editable, String error, String locked, Details details) {

        /** The form field of the cell's note ({@code n_<task>_<date>}), beside its hours ({@code h_...}). */
        public String noteName() {
            return "n" + name.substring(1);
        }

        public String activityName() {
            return "a" + name.substring(1);
        }

        public String billableName() {
            return "b" + name.substring(1);
        }
    }

    /**
     * A cell's entry details: {@code note}; {@code activityTypeId} as text (empty for none); {@code billable}
     * is {@code yes}, {@code no}, or empty for "as its activity type says" (a cell without an entry yet);
     * {@code error} why a detail was refused.
     */
    public record Details(String note, String activityTypeId, String billable, String error) {

        public boolean filled() {
            return !note.isEmpty() || !activityTypeId.isEmpty() || billable.equals("no");
        }
    }
}
