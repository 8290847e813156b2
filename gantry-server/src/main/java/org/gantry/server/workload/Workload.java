package org.gantry.server.workload;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A workload table: {@code periods} are the columns (days, weeks or months from {@code from} to {@code to});
 * each row is a person (all their projects) or a resource of the project shown, with one cell per period.
 * {@code computedMillis} is the server time it took, for the benchmark and the curious.
 */
public record Workload(
        LocalDate from,
        LocalDate to,
        String scale,
        String project,
        String tag,
        List<Period> periods,
        List<Row> rows,
        double computedMillis) {

    /** A column: its first and last day and a label ("Mar 2", "W10 Mar 2", "Mar 2026"). */
    public record Period(LocalDate start, LocalDate end, String label) {}

    /**
     * A person or resource. {@code key} is "user-7" or "resource-12"; {@code overDays} counts the days in
     * the range on which the work exceeds the capacity; {@code tasks} are the numbers' origins.
     */
    public record Row(
            String key,
            String name,
            Long userId,
            Long resourceId,
            List<String> tags,
            List<Cell> cells,
            int overDays,
            List<TaskLine> tasks) {}

    /**
     * One period of a row: work and capacity in minutes, the work as a percentage of the capacity (null
     * when there is no capacity), and its state: OFF (no capacity, no work), UNDER, FULL (80 % or more) or
     * OVER (more work than capacity in the period, or on any day of it). {@code text} says it in words.
     */
    public record Cell(long minutes, long capacityMinutes, Integer percent, String state, int overDays, String text) {}

    /**
     * A task's share of a row, per period, in minutes. In a project the viewer may not see, the line is
     * "Other projects" with no task (taskId null), so nobody learns names they may not read. {@code
     * taskVersion} and {@code taskStart} are the task's, for moving it to another week (a start sent with
     * that version sets a start-no-earlier-than, as Microsoft Project's Team Planner does when a task is
     * dragged).
     */
    public record TaskLine(
            String projectKey,
            Long taskId,
            String taskName,
            Long assignmentId,
            Integer assignmentVersion,
            String units,
            List<Long> minutes,
            Integer taskVersion,
            LocalDateTime taskStart) {}
}
