package org.gantry.server.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A project's dashboard as the API shows it. Durations are in working days of the project's calendar (one
 * decimal); {@code asOf} is the project's status date when set, else now in the project's time zone, and
 * every "late", "planned" and "this week" is measured at it.
 */
public record Dashboard(
        String project,
        LocalDateTime asOf,
        String asOfSource,
        boolean baselineSet,
        List<Health> health,
        Progress progress,
        Finish finish,
        CriticalPath criticalPath,
        Milestones milestones,
        TaskCounts tasks,
        Workload workload,
        Cost cost,
        Risks risk,
        DashboardThresholds thresholds,
        double computedMillis) {

    /** One area's colour: GREEN, AMBER, RED, or GREY when it cannot be judged (the reason says why). */
    public record Health(String area, String colour, String reason) {}

    /**
     * Work-weighted % complete: {@code planned} is the share of the leaf tasks' baseline work scheduled up to
     * asOf (the current schedule's when no baseline is set: {@code basis} says which), {@code actual} the
     * share done by their % complete.
     */
    public record Progress(BigDecimal plannedPercent, BigDecimal actualPercent, String basis, long leafTasks) {}

    /** The project's finish now and in the baseline, the slip between them, and the finish per saved baseline. */
    public record Finish(
            LocalDateTime finish,
            LocalDateTime baselineFinish,
            BigDecimal slipDays,
            List<TrendPoint> trend,
            String trendNote) {}

    /** The project finish a baseline slot held when it was saved (and "now" for the current schedule). */
    public record TrendPoint(String label, Instant capturedAt, LocalDateTime finish) {}

    /**
     * The critical path's length (project start to finish in working days), how many tasks are critical, and
     * the critical and near-critical tasks' slack now against at the baseline.
     */
    public record CriticalPath(
            LocalDateTime start,
            LocalDateTime finish,
            BigDecimal lengthDays,
            int criticalTasks,
            int nearCriticalDays,
            BigDecimal erosionDays,
            String erosionNote,
            List<SlackErosion> erosion) {}

    public record SlackErosion(
            long taskId,
            String wbs,
            String name,
            BigDecimal slackDays,
            BigDecimal baselineSlackDays,
            BigDecimal erosionDays) {}

    public record Milestones(List<Milestone> next, List<Milestone> slipped) {}

    /** A milestone with its baseline date; {@code slipDays} positive when later than the baseline. */
    public record Milestone(
            long taskId,
            String wbs,
            String name,
            LocalDateTime finish,
            LocalDateTime baselineFinish,
            BigDecimal slipDays) {}

    /** Unfinished leaf tasks whose finish has passed, and those finishing from asOf to the end of its week. */
    public record TaskCounts(
            int late,
            int dueThisWeek,
            LocalDate weekStart,
            LocalDate weekEnd,
            List<TaskLine> lateTasks,
            List<TaskLine> dueTasks) {}

    public record TaskLine(long taskId, String wbs, String name, LocalDateTime finish, int percentComplete) {}

    /**
     * Hours each assignee is booked this week and next (each assignee works the task's working time between
     * its start and finish), against the project calendar's working hours in that week.
     */
    public record Workload(
            LocalDate thisWeekStart,
            LocalDate nextWeekStart,
            BigDecimal capacityThisWeekHours,
            BigDecimal capacityNextWeekHours,
            List<PersonLoad> people) {}

    public record PersonLoad(
            long userId,
            String name,
            BigDecimal thisWeekHours,
            BigDecimal nextWeekHours,
            boolean overAllocatedThisWeek,
            boolean overAllocatedNextWeek) {}

    /**
     * Earned value at asOf against baseline 0: {@code state} READY, NOT_SET_UP (no baseline, or a baseline
     * without cost) or HIDDEN (the caller's role does not see costs); figures are null unless READY.
     */
    public record Cost(
            String state,
            String reason,
            String currency,
            BigDecimal budgetAtCompletion,
            BigDecimal plannedValue,
            BigDecimal earnedValue,
            BigDecimal actualCost,
            BigDecimal costVariance,
            BigDecimal scheduleVariance,
            BigDecimal costPerformanceIndex,
            BigDecimal schedulePerformanceIndex,
            BigDecimal estimateAtCompletion) {}

    /** Open threats (OPEN or MONITORING), those at or above the threshold score, and the three highest. */
    public record Risks(int open, int atOrAboveScore, int score, List<TopRisk> top) {}

    public record TopRisk(long id, String title, int score, String level, String ownerName) {}
}
