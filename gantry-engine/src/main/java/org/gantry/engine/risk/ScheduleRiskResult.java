package org.gantry.engine.risk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.gantry.engine.TaskId;

/**
 * The outcome of an analysis. Finish dates are on the project calendar; {@code ...Minutes} are working
 * minutes of the project calendar after the project start. {@code deadlineProbability} is null without a
 * deadline. {@code finishDays} is the histogram of the finish by day with its cumulative curve;
 * {@code criticality} lists every simulated task in dependency order; {@code sensitivity} lists the tasks
 * with a spread and the risks, strongest first (the tornado); {@code milestones} the distribution of each
 * milestone's date, in dependency order.
 */
public record ScheduleRiskResult(
        int iterations,
        long seed,
        LocalDateTime scheduledFinish,
        double probabilityOfScheduledFinish,
        LocalDateTime p10,
        LocalDateTime p50,
        LocalDateTime p80,
        LocalDateTime p90,
        double meanMinutes,
        double standardDeviationMinutes,
        double scheduledMinutes,
        LocalDateTime deadline,
        Double deadlineProbability,
        List<FinishDay> finishDays,
        List<TaskCriticality> criticality,
        List<SensitivityDriver> sensitivity,
        List<MilestoneForecast> milestones) {

    public ScheduleRiskResult {
        finishDays = List.copyOf(finishDays);
        criticality = List.copyOf(criticality);
        sensitivity = List.copyOf(sensitivity);
        milestones = List.copyOf(milestones);
    }

    /**
     * A milestone's date over the runs: its scheduled date, the share of runs reaching it by then, its P10 to
     * P90 dates, and its distribution by day (histogram and cumulative curve), as {@code finishDays} is for
     * the project.
     */
    public record MilestoneForecast(
            TaskId task,
            LocalDateTime scheduledFinish,
            double probabilityOnTime,
            LocalDateTime p10,
            LocalDateTime p50,
            LocalDateTime p80,
            LocalDateTime p90,
            List<FinishDay> finishDays) {}

    /** The runs that finished on {@code date}, their share, and the share that finished on it or before. */
    public record FinishDay(LocalDate date, int runs, double probability, double cumulativeProbability) {}

    /** The share of runs in which the task was critical (its total slack at or below the threshold). */
    public record TaskCriticality(TaskId task, double criticalityIndex) {}

    /**
     * Spearman's rank correlation between a driver and the project finish over the runs: a task's sampled
     * duration ({@code task} set) or a risk's occurrence ({@code risk} set).
     */
    public record SensitivityDriver(TaskId task, String risk, double rankCorrelation) {}

    public TaskCriticality criticalityOf(TaskId task) {
        return criticality.stream()
                .filter(entry -> entry.task().equals(task))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated task " + task));
    }
}
