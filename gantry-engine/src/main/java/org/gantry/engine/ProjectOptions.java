package org.gantry.engine;

/**
 * Project-wide settings that change the arithmetic: how long a working day, week and month are (for
 * converting durations given in days, weeks, months), how much total slack still counts as critical, and
 * whether constraint dates win over links ({@code honorConstraintDates}, Project's "Tasks will always honor
 * their constraint dates"; when off, links win and the conflict shows only as negative slack), and whether
 * the remaining work of tasks in progress is moved after the status date.
 */
public record ProjectOptions(
        int minutesPerDay,
        int minutesPerWeek,
        double daysPerMonth,
        long criticalSlackMinutes,
        boolean honorConstraintDates,
        boolean remainingWorkAfterStatusDate) {
    /** Microsoft Project's defaults: 8 h days, 40 h weeks, 20-day months, critical at zero slack or less. */
    public static final ProjectOptions DEFAULTS = new ProjectOptions(480, 2400, 20, 0, true, false);

    public ProjectOptions {
        if (minutesPerDay <= 0 || minutesPerWeek <= 0 || daysPerMonth <= 0) {
            throw new IllegalArgumentException("minutes per day, per week and days per month must be positive");
        }
    }

    public ProjectOptions(int minutesPerDay, int minutesPerWeek, double daysPerMonth, long criticalSlackMinutes) {
        this(minutesPerDay, minutesPerWeek, daysPerMonth, criticalSlackMinutes, true, false);
    }

    public ProjectOptions withCriticalSlackMinutes(long minutes) {
        return new ProjectOptions(
                minutesPerDay,
                minutesPerWeek,
                daysPerMonth,
                minutes,
                honorConstraintDates,
                remainingWorkAfterStatusDate);
    }

    public ProjectOptions withHonorConstraintDates(boolean honor) {
        return new ProjectOptions(
                minutesPerDay, minutesPerWeek, daysPerMonth, criticalSlackMinutes, honor, remainingWorkAfterStatusDate);
    }

    /**
     * Project's "Update Project: reschedule uncompleted work to start after the status date": the remaining
     * work of a task in progress resumes no earlier than the status date.
     */
    public ProjectOptions withRemainingWorkAfterStatusDate(boolean after) {
        return new ProjectOptions(
                minutesPerDay, minutesPerWeek, daysPerMonth, criticalSlackMinutes, honorConstraintDates, after);
    }
}
