package org.gantry.engine.earnedvalue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The earned value of a project at a status date: the project's figures, every task's (summaries as the
 * sums of their children), the earned schedule in days from the baseline start (PD, AT, ES in days) with
 * the finish it forecasts, and the S-curve by the period asked for. The earned schedule is null when the
 * cumulative plan falls somewhere (a negative budget); the forecast finish is null until time has passed
 * and value was earned.
 */
public record EarnedValueReport(
        LocalDate statusDate,
        LocalDate baselineStart,
        LocalDate baselineFinish,
        EarnedValue project,
        Map<String, EarnedValue> tasks,
        EarnedSchedule earnedSchedule,
        LocalDate forecastFinish,
        List<EarnedValuePoint> curve) {

    public EarnedValueReport {
        tasks = Map.copyOf(tasks);
        curve = List.copyOf(curve);
    }
}
