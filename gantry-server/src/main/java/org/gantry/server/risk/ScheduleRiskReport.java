package org.gantry.server.risk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The answer of a Monte Carlo run. Dates are on the project calendar (the end of the working minute the
 * runs reached). {@code probabilityOfScheduledFinish} is the share of runs finishing by the plan's own
 * finish; {@code meanDays} and {@code standardDeviationDays} count working days after the project start.
 * {@code baselineFinish} is the latest finish of baseline 0 (null without one) and {@code baselineProbability}
 * the share of runs finishing by the end of that day.
 * {@code criticality} lists tasks by criticality index (share of runs in which the task was critical),
 * highest first; {@code tornado} the tasks and risks whose draws correlate most with the finish (Spearman),
 * strongest first, at most 20; {@code milestones} each milestone's dates over the runs, in plan order.
 */
public record ScheduleRiskReport(
        int iterations,
        long seed,
        String distribution,
        double optimisticPercent,
        double pessimisticPercent,
        int estimates,
        int risks,
        LocalDateTime scheduledFinish,
        double probabilityOfScheduledFinish,
        LocalDateTime p10,
        LocalDateTime p50,
        LocalDateTime p80,
        LocalDateTime p90,
        double meanDays,
        double standardDeviationDays,
        LocalDate deadline,
        Double deadlineProbability,
        LocalDateTime baselineFinish,
        Double baselineProbability,
        List<FinishDay> finishDays,
        List<TaskCriticality> criticality,
        List<Driver> tornado,
        List<Milestone> milestones,
        long millis) {

    /**
     * A milestone's date over the runs: planned, the share of runs reaching it by then, P10 to P90, and its
     * distribution by day ({@code finishDays}: histogram and cumulative curve).
     */
    public record Milestone(
            long taskId,
            String wbs,
            String name,
            LocalDateTime scheduledFinish,
            double probabilityOnTime,
            LocalDateTime p10,
            LocalDateTime p50,
            LocalDateTime p80,
            LocalDateTime p90,
            List<FinishDay> finishDays) {}

    public record FinishDay(LocalDate date, int runs, double probability, double cumulativeProbability) {}

    public record TaskCriticality(long taskId, String wbs, String name, double criticalityIndex) {}

    /** A task ({@code taskId}) or a risk ({@code riskId}) and its rank correlation with the finish. */
    public record Driver(Long taskId, Long riskId, String name, double correlation) {}
}
