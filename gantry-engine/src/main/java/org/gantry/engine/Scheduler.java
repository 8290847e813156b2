package org.gantry.engine;

/**
 * The entry point: schedules a network the way Microsoft Project does (forward and backward pass over
 * all four link types with lags, constraints, summary logic, progress) and returns every task's dates
 * and slack. Pure: the network is not changed, and equal networks give equal schedules.
 *
 * <pre>{@code
 * Schedule schedule = Scheduler.schedule(network);
 * LocalDateTime finish = schedule.projectFinish();
 * }</pre>
 *
 * @throws ScheduleException with a {@link ScheduleProblem} (a dependency cycle, an unknown calendar,
 *     a negative duration...) when the network cannot be scheduled
 */
public final class Scheduler {
    private Scheduler() {}

    public static Schedule schedule(ProjectNetwork network) {
        ScheduleRun run = new ScheduleRun(network);
        run.run();
        return run.result();
    }
}
