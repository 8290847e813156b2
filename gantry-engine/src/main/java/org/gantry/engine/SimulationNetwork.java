package org.gantry.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * A scheduled network reduced to primitive arrays, for running its forward and backward pass many times
 * with other durations (Monte Carlo schedule risk). Built once from the full schedule: every task that is
 * not a summary becomes a position in dependency order, its dates become working offsets (working minutes
 * of the project calendar after the project start), and every link becomes a lag in those offsets. A pass
 * is then a loop over arrays: no calendar lookups, no objects.
 *
 * <p>Invariant: given each task's {@link #scheduledSpan scheduled span}, {@link #forwardPass} reproduces the
 * schedule's early dates and {@link #scheduledFinish()} exactly. Links are calibrated on the schedule: a
 * lag on another calendar, or in elapsed time, becomes the offsets it took in the schedule; links into or
 * out of a summary become links to or from the tasks below it (a link from a summary's start, from the one
 * that starts first). Tasks whose start the links do not drive keep that start as a floor (a constraint,
 * levelling delay, the project start). Tasks held earlier than their links allow (must start on, start or
 * finish no later than) and tasks in progress keep their start: the simulation moves only what the logic
 * moves. As-late-as-possible tasks are simulated at their early dates.
 */
public final class SimulationNetwork {
    static final byte FINISH_START = 0;
    static final byte START_START = 1;
    static final byte FINISH_FINISH = 2;
    static final byte START_FINISH = 3;

    private final Schedule schedule;
    private final CompiledCalendar projectCalendar;
    private final long base;
    private final TaskId[] tasks;
    private final Map<TaskId, Integer> positions;
    private final double[] span;
    private final long[] duration;
    private final boolean[] finished;
    private final boolean[] milestone;
    private final boolean[] pinned;
    private final double[] earlyStart;
    private final double[] floor;
    private final int[] incomingFirst;
    private final int[] predecessor;
    private final byte[] type;
    private final double[] lag;
    private final double scheduledFinish;
    private final long criticalSlackMinutes;

    SimulationNetwork(
            Schedule schedule,
            CompiledCalendar projectCalendar,
            long base,
            TaskId[] tasks,
            double[] span,
            long[] duration,
            boolean[] finished,
            boolean[] milestone,
            boolean[] pinned,
            double[] earlyStart,
            double[] floor,
            int[] incomingFirst,
            int[] predecessor,
            byte[] type,
            double[] lag,
            double scheduledFinish,
            long criticalSlackMinutes) {
        this.schedule = schedule;
        this.projectCalendar = projectCalendar;
        this.base = base;
        this.tasks = tasks;
        this.span = span;
        this.duration = duration;
        this.finished = finished;
        this.milestone = milestone;
        this.pinned = pinned;
        this.earlyStart = earlyStart;
        this.floor = floor;
        this.incomingFirst = incomingFirst;
        this.predecessor = predecessor;
        this.type = type;
        this.lag = lag;
        this.scheduledFinish = scheduledFinish;
        this.criticalSlackMinutes = criticalSlackMinutes;
        this.positions = new HashMap<>(tasks.length * 2);
        for (int i = 0; i < tasks.length; i++) {
            positions.put(tasks[i], i);
        }
    }

    /** Schedules the network and reduces it. */
    public static SimulationNetwork of(ProjectNetwork network) {
        ScheduleRun run = new ScheduleRun(network);
        run.run();
        return SimulationReduction.of(run, run.result());
    }

    /** The deterministic schedule the network was reduced from. */
    public Schedule schedule() {
        return schedule;
    }

    /** Number of simulated tasks (every active task that is not a summary). */
    public int size() {
        return tasks.length;
    }

    public TaskId task(int position) {
        return tasks[position];
    }

    /** The task's position, or -1 for a summary, an inactive or an unknown task. */
    public int position(TaskId task) {
        Integer position = positions.get(task);
        return position == null ? -1 : position;
    }

    /** The task's span in the schedule, in working minutes of the project calendar. */
    public double scheduledSpan(int position) {
        return span[position];
    }

    /** The task's own duration in its working minutes (what estimates are given in). */
    public long scheduledDuration(int position) {
        return duration[position];
    }

    /** A completed task: its dates are facts, not estimates. */
    public boolean finished(int position) {
        return finished[position];
    }

    /** A milestone: its finish distribution is worth reporting on its own. */
    public boolean milestone(int position) {
        return milestone[position];
    }

    /** The task's scheduled early finish as a working offset. */
    public double scheduledFinish(int position) {
        return earlyStart[position] + span[position];
    }

    /**
     * The date a task's finish offset falls on, as {@link #finishDate(double)}; the task's own scheduled
     * finish comes back as the schedule's early finish of the task (a milestone at 08:00 stays there).
     */
    public LocalDateTime finishDate(int position, double offset) {
        if (offset == scheduledFinish(position)) {
            return schedule.task(tasks[position]).earlyFinish();
        }
        return finishDate(offset);
    }

    /** The schedule's project finish as a working offset. */
    public double scheduledFinish() {
        return scheduledFinish;
    }

    /** Total slack at or below which a task is critical (the project's option). */
    public long criticalSlackMinutes() {
        return criticalSlackMinutes;
    }

    /**
     * One forward pass with the given spans (working minutes of the project calendar, by position). Fills
     * the early start and finish offsets and returns the project finish offset (the latest early finish).
     */
    public double forwardPass(double[] spans, double[] starts, double[] finishes) {
        double projectFinish = 0;
        int count = tasks.length;
        for (int c = 0; c < count; c++) {
            double length = spans[c];
            double begin;
            if (pinned[c]) {
                begin = earlyStart[c];
            } else {
                begin = floor[c];
                for (int k = incomingFirst[c], end = incomingFirst[c + 1]; k < end; k++) {
                    int p = predecessor[k];
                    double candidate;
                    switch (type[k]) {
                        case FINISH_START -> candidate = finishes[p] + lag[k];
                        case START_START -> candidate = starts[p] + lag[k];
                        // A finish-to-finish link never pulls a task before the project start.
                        case FINISH_FINISH -> candidate = Math.max(0, finishes[p] + lag[k] - length);
                        default -> candidate = starts[p] + lag[k] - length;
                    }
                    if (candidate > begin) {
                        begin = candidate;
                    }
                }
            }
            starts[c] = begin;
            double end = begin + length;
            finishes[c] = end;
            if (c == 0 || end > projectFinish) {
                projectFinish = end;
            }
        }
        return projectFinish;
    }

    /**
     * The backward pass after {@link #forwardPass}: fills the late finish offsets, every task bounded by the
     * project finish. Total slack is {@code lateFinish - earlyFinish}.
     */
    public void backwardPass(double[] spans, double projectFinish, double[] lateFinishes) {
        int count = tasks.length;
        java.util.Arrays.fill(lateFinishes, 0, count, projectFinish);
        for (int c = count - 1; c >= 0; c--) {
            double lateFinish = lateFinishes[c];
            double lateStart = lateFinish - spans[c];
            for (int k = incomingFirst[c], end = incomingFirst[c + 1]; k < end; k++) {
                int p = predecessor[k];
                double bound;
                switch (type[k]) {
                    case FINISH_START -> bound = lateStart - lag[k];
                    case START_START -> bound = lateStart - lag[k] + spans[p];
                    case FINISH_FINISH -> bound = lateFinish - lag[k];
                    default -> bound = lateFinish - lag[k] + spans[p];
                }
                if (bound < lateFinishes[p]) {
                    lateFinishes[p] = bound;
                }
            }
        }
    }

    /**
     * The date a finish offset falls on: the end of that working minute on the project calendar (a
     * fraction of a minute counts as the whole minute). The schedule's own finish comes back as the
     * schedule's project finish.
     */
    public LocalDateTime finishDate(double offset) {
        if (offset == scheduledFinish) {
            return schedule.projectFinish();
        }
        long minutes = (long) Math.ceil(offset - 1e-9);
        return CompiledCalendar.toInstant(projectCalendar.finishAt(base + minutes));
    }

    /** An instant as a working offset (working minutes of the project calendar after the project start). */
    public double offsetOf(LocalDateTime instant) {
        return projectCalendar.workingOffset(CompiledCalendar.toMinutes(instant)) - base;
    }
}
