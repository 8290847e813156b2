package org.gantry.server.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.gantry.server.dashboard.Dashboard;

/**
 * What a status report froze when it was created: the dashboard measured at the report date and each
 * section's rows. Stored as JSON and never recomputed, so a report says what was true when it was written.
 * Durations and variances are working days of the project calendar (one decimal), positive when later than
 * the baseline. {@code gantt} is the Gantt excerpt (top levels and critical tasks; null in reports made before
 * excerpts were taken).
 */
public record ReportSnapshot(
        String projectName,
        Instant takenAt,
        Dashboard dashboard,
        List<MilestoneLine> milestones,
        List<RiskLine> keyRisks,
        List<IssueLine> openIssues,
        LocalDateTime accomplishedSince,
        List<TaskLine> accomplishments,
        LocalDateTime nextStepsUntil,
        List<TaskLine> nextSteps,
        Variance variance,
        GanttExcerpt gantt) {

    /** A milestone with its date in the chosen baseline (null when not in it). */
    public record MilestoneLine(
            long taskId,
            String wbs,
            String name,
            LocalDateTime finish,
            LocalDateTime baselineFinish,
            BigDecimal varianceDays,
            int percentComplete) {}

    /** An open threat of the risk register, highest score first. */
    public record RiskLine(
            long id, String title, int score, String level, String status, String ownerName, String response) {}

    /** An open or in-progress issue of the RAID log. */
    public record IssueLine(long id, String title, String status, String ownerName, LocalDate dueOn) {}

    /** A task finished (with the day it finished) or due (with its finish). */
    public record TaskLine(long taskId, String wbs, String name, LocalDateTime finish, int percentComplete) {}

    /**
     * The schedule against the chosen baseline: how many tasks are in it, on plan, and added since, and the
     * tasks that moved, largest finish variance first ({@code omitted} more than the table lists).
     */
    public record Variance(
            int baselineSlot,
            boolean baselineSet,
            int tasksInBaseline,
            int tasksOnPlan,
            int tasksAdded,
            List<VarianceLine> rows,
            int omitted) {}

    public record VarianceLine(
            long taskId,
            String wbs,
            String name,
            LocalDateTime baselineStart,
            LocalDateTime start,
            BigDecimal startVarianceDays,
            LocalDateTime baselineFinish,
            LocalDateTime finish,
            BigDecimal finishVarianceDays,
            BigDecimal durationVarianceDays) {}
}
