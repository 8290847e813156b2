package org.gantry.engine.levelling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.levelling.LevellableTask.Predecessor;
import org.gantry.engine.levelling.LevellableTask.ResourceUse;
import org.gantry.engine.levelling.ProjectLevellingResult.OverAllocation;
import org.gantry.engine.levelling.ProjectLevellingResult.Reason;
import org.gantry.engine.levelling.ProjectLevellingResult.TaskMove;
import org.gantry.engine.levelling.ProjectLevellingResult.Unresolved;

/**
 * Levelling as Microsoft Project does it: it never reorders the plan for a shorter finish (that is
 * {@link OptimisingLevelling}), it only delays tasks, by a levelling delay, until no resource is over its
 * maximum units. Tasks are taken one at a time, each after all its predecessors; among those that are
 * ready, the one the levelling order ranks first keeps its dates and the others are delayed past the
 * resources it holds. Tasks levelling must not move (priority 1000, manually scheduled, hard
 * constraints) are placed first, where they are; an over-allocation they cause is reported, not moved.
 *
 * <p>Works in the caller's time units on one calendar. A resource's own days off are its
 * {@linkplain LevellingResource#absences() absences}: a task's work on it waits through them (the task
 * starts when one of its resources is there and ends when the last has done its share), and nothing is
 * held on it while it is away, so levelling puts no work into a vacation and delays what would collide
 * after it. Deterministic, and fast enough for thousands of tasks (each resource keeps the list of what it
 * holds, and a delayed task jumps to the next time a resource frees up).
 */
public final class ProjectLevelling {
    private final List<LevellableTask> tasks;
    private final ProjectLevellingOptions options;
    private final Map<String, Integer> taskIndex = new HashMap<>();
    private final Map<String, LevellingResource> resources = new HashMap<>();
    /** Per resource, what it holds: {start, end, units, task index}. */
    private final Map<String, List<int[]>> held = new HashMap<>();

    private final int[] newStart;
    private final int[] newFinish;

    private ProjectLevelling(
            List<LevellableTask> tasks, List<LevellingResource> resourceList, ProjectLevellingOptions options) {
        this.tasks = List.copyOf(tasks);
        this.options = options;
        for (LevellingResource resource : resourceList) {
            resources.put(resource.id(), resource);
            held.put(resource.id(), new ArrayList<>());
        }
        for (int index = 0; index < this.tasks.size(); index++) {
            LevellableTask task = this.tasks.get(index);
            if (taskIndex.put(task.id(), index) != null) {
                throw new IllegalArgumentException("task " + task.id() + " is listed twice");
            }
        }
        for (LevellableTask task : this.tasks) {
            for (Predecessor predecessor : task.predecessors()) {
                if (!taskIndex.containsKey(predecessor.taskId())) {
                    throw new IllegalArgumentException(
                            "task " + task.id() + " names unknown predecessor " + predecessor.taskId());
                }
            }
            for (ResourceUse use : task.resources()) {
                if (!resources.containsKey(use.resourceId())) {
                    throw new IllegalArgumentException(
                            "task " + task.id() + " names unknown resource " + use.resourceId());
                }
            }
        }
        newStart = new int[this.tasks.size()];
        newFinish = new int[this.tasks.size()];
    }

    public static ProjectLevellingResult level(
            List<LevellableTask> tasks, List<LevellingResource> resources, ProjectLevellingOptions options) {
        return new ProjectLevelling(tasks, resources, options).run();
    }

    private ProjectLevellingResult run() {
        int count = tasks.size();
        int[] waiting = new int[count];
        List<List<Integer>> successors = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            successors.add(new ArrayList<>());
        }
        for (int index = 0; index < count; index++) {
            for (Predecessor predecessor : tasks.get(index).predecessors()) {
                successors.get(taskIndex.get(predecessor.taskId())).add(index);
                waiting[index]++;
            }
        }
        Comparator<Integer> rank = rank();
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>(rank);
        for (int index = 0; index < count; index++) {
            if (waiting[index] == 0) {
                ready.add(index);
            }
        }
        List<TaskMove> moves = new ArrayList<>();
        List<Unresolved> unresolved = new ArrayList<>();
        int placed = 0;
        while (!ready.isEmpty()) {
            int index = ready.poll();
            place(index, moves, unresolved);
            placed++;
            for (int successor : successors.get(index)) {
                if (--waiting[successor] == 0) {
                    ready.add(successor);
                }
            }
        }
        if (placed < count) {
            List<String> cycle = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                if (waiting[index] > 0) {
                    cycle.add(tasks.get(index).id());
                }
            }
            throw new IllegalArgumentException("the links form a cycle through tasks " + cycle);
        }
        int finishBefore = 0;
        int finishAfter = 0;
        for (int index = 0; index < count; index++) {
            LevellableTask task = tasks.get(index);
            finishBefore = Math.max(finishBefore, finish(task, task.start()));
            finishAfter = Math.max(finishAfter, newFinish[index]);
        }
        moves.sort(Comparator.comparingInt(
                move -> tasks.get(taskIndex.get(move.taskId())).idNumber()));
        return new ProjectLevellingResult(moves, unresolved, finishBefore, finishAfter);
    }

    /**
     * Lower ranks keep their dates. Tasks levelling may not move come first, so the others are delayed
     * around them rather than the other way round.
     */
    private Comparator<Integer> rank() {
        Comparator<Integer> fixedFirst = Comparator.comparing(index -> !isFixed(tasks.get(index)));
        Comparator<Integer> byId =
                Comparator.comparingInt(index -> tasks.get(index).idNumber());
        Comparator<Integer> standard = Comparator.<Integer>comparingInt(
                        index -> tasks.get(index).start())
                .thenComparingInt(index -> tasks.get(index).totalSlack())
                .thenComparing(Comparator.<Integer>comparingInt(
                                index -> tasks.get(index).priority())
                        .reversed())
                .thenComparing(byId);
        return switch (options.order()) {
            case ID_ONLY -> fixedFirst.thenComparing(byId);
            case STANDARD -> fixedFirst.thenComparing(standard);
            case PRIORITY_THEN_STANDARD ->
                fixedFirst
                        .thenComparing(Comparator.<Integer>comparingInt(
                                        index -> tasks.get(index).priority())
                                .reversed())
                        .thenComparing(standard);
        };
    }

    private static boolean isFixed(LevellableTask task) {
        return task.manual() || task.hardConstraint() || task.priority() == LevellableTask.DO_NOT_LEVEL;
    }

    private void place(int index, List<TaskMove> moves, List<Unresolved> unresolved) {
        LevellableTask task = tasks.get(index);
        int afterPredecessors = Integer.MIN_VALUE;
        String pusher = null;
        for (Predecessor predecessor : task.predecessors()) {
            int other = taskIndex.get(predecessor.taskId());
            int finish = newFinish[other] + predecessor.lag();
            if (finish > afterPredecessors) {
                afterPredecessors = finish;
                pusher = predecessor.taskId();
            }
        }
        // Manual tasks and hard constraints keep their dates even against a link; a priority-1000 task
        // is not levelled but still follows a predecessor that levelling delayed.
        boolean pinned = task.manual() || task.hardConstraint();
        // A task whose resources are all away starts when the first comes back, as the scheduler places it.
        int earliest = pinned ? task.start() : workStart(task, Math.max(task.start(), afterPredecessors));
        String pushedBy = !pinned && afterPredecessors > task.start() ? pusher : null;
        int start = earliest;
        OverAllocation conflict = conflictAt(task, earliest);
        if (conflict != null
                && options.adjustIndividualAssignments()
                && task.assignmentsMayMove()
                && unresolvedReason(task) == null
                && usedResources(task) > 1
                && placeAssignments(index, earliest, conflict, pushedBy, moves)) {
            return;
        }
        if (conflict != null) {
            Reason reason = unresolvedReason(task);
            if (reason == null) {
                start = workStart(task, earliestFit(task, earliest));
                if (options.levelWithinSlackOnly() && start - task.start() > task.totalSlack()) {
                    start = earliest;
                    reason = Reason.NOT_ENOUGH_SLACK;
                }
            }
            if (reason != null) {
                unresolved.add(new Unresolved(task.id(), conflict, reason));
                conflict = null;
            }
        }
        newStart[index] = start;
        newFinish[index] = finish(task, start);
        if (task.duration() > 0) {
            for (ResourceUse use : task.resources()) {
                if (use.units() > 0) {
                    LevellingResource resource = resources.get(use.resourceId());
                    held.get(use.resourceId())
                            .add(new int[] {start, resource.finish(start, task.duration()), use.units(), index});
                }
            }
        }
        if (start != task.start()) {
            moves.add(new TaskMove(task.id(), task.start(), start, start - earliest, conflict, pushedBy));
        }
    }

    private static int usedResources(LevellableTask task) {
        int used = 0;
        for (ResourceUse use : task.resources()) {
            used += use.units() > 0 ? 1 : 0;
        }
        return used;
    }

    /**
     * Levelling that adjusts individual assignments: each resource's assignment starts at the first time,
     * from the earliest start the links allow, when that resource alone has room for it, so a resource that
     * is free starts on time and only the over-allocated one waits. The task starts with its first
     * assignment and ends when its last one does. Each assignment is never later than the start that would
     * fit all of them at once (a start that fits all fits each), so the task never ends later than if it
     * were delayed whole. Returns false, placing nothing, when levelling within slack and the task's finish
     * would move past its slack: the caller then treats the task whole.
     */
    private boolean placeAssignments(
            int index, int earliest, OverAllocation conflict, String pushedBy, List<TaskMove> moves) {
        LevellableTask task = tasks.get(index);
        List<ResourceUse> uses = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int start = Integer.MAX_VALUE;
        int finish = Integer.MIN_VALUE;
        for (ResourceUse use : task.resources()) {
            if (use.units() == 0) {
                continue;
            }
            LevellingResource resource = resources.get(use.resourceId());
            int candidate = resource.nextPresence(earliest);
            while (conflictOf(task, use, candidate) != null) {
                candidate = resource.nextPresence(nextRelease(use.resourceId(), candidate, task.duration()));
            }
            uses.add(use);
            starts.add(candidate);
            start = Math.min(start, candidate);
            finish = Math.max(finish, resource.finish(candidate, task.duration()));
        }
        if (options.levelWithinSlackOnly() && finish - finish(task, task.start()) > task.totalSlack()) {
            return false;
        }
        Map<String, Integer> assignmentDelays = new HashMap<>();
        for (int k = 0; k < uses.size(); k++) {
            ResourceUse use = uses.get(k);
            int useStart = starts.get(k);
            held.get(use.resourceId()).add(new int[] {
                useStart, resources.get(use.resourceId()).finish(useStart, task.duration()), use.units(), index
            });
            if (useStart > start) {
                assignmentDelays.put(use.resourceId(), useStart - start);
            }
        }
        newStart[index] = start;
        newFinish[index] = finish;
        if (start != task.start() || !assignmentDelays.isEmpty()) {
            moves.add(new TaskMove(
                    task.id(),
                    task.start(),
                    start,
                    start - earliest,
                    assignmentDelays.isEmpty() && start == earliest ? null : conflict,
                    pushedBy,
                    assignmentDelays));
        }
        return true;
    }

    /** The first instant from {@code at} on when one of the task's resources works (at itself without any). */
    private int workStart(LevellableTask task, int at) {
        int first = Integer.MAX_VALUE;
        for (ResourceUse use : task.resources()) {
            if (use.units() > 0) {
                first = Math.min(first, resources.get(use.resourceId()).nextPresence(at));
            }
        }
        return first == Integer.MAX_VALUE || task.duration() == 0 ? at : first;
    }

    /** When the task ends if it starts at {@code start}: when the last of its resources has done its share. */
    private int finish(LevellableTask task, int start) {
        int finish = start + task.duration();
        boolean any = false;
        for (ResourceUse use : task.resources()) {
            if (use.units() > 0) {
                int end = resources.get(use.resourceId()).finish(start, task.duration());
                finish = any ? Math.max(finish, end) : end;
                any = true;
            }
        }
        return finish;
    }

    private Reason unresolvedReason(LevellableTask task) {
        if (task.priority() == LevellableTask.DO_NOT_LEVEL) {
            return Reason.DO_NOT_LEVEL;
        }
        if (task.manual()) {
            return Reason.MANUAL_TASK;
        }
        if (task.hardConstraint()) {
            return Reason.HARD_CONSTRAINT;
        }
        for (ResourceUse use : task.resources()) {
            if (use.units() > resources.get(use.resourceId()).maxUnits()) {
                return Reason.EXCEEDS_MAXIMUM_UNITS;
            }
        }
        return null;
    }

    /** The first over-allocation the task would cause if it started at {@code start}, or null. */
    private OverAllocation conflictAt(LevellableTask task, int start) {
        if (task.duration() == 0) {
            return null;
        }
        for (ResourceUse use : task.resources()) {
            OverAllocation conflict = conflictOf(task, use, start);
            if (conflict != null) {
                return conflict;
            }
        }
        return null;
    }

    /** The over-allocation of one of the task's resources if its work started at {@code start}, or null. */
    private OverAllocation conflictOf(LevellableTask task, ResourceUse use, int start) {
        if (task.duration() == 0 || use.units() == 0) {
            return null;
        }
        LevellingResource resource = resources.get(use.resourceId());
        int maxUnits = resource.maxUnits();
        int end = resource.finish(start, task.duration());
        List<int[]> intervals = held.get(use.resourceId());
        // Use only rises where a held interval starts or the resource comes back from an absence, so
        // the window's start and those instants are the only ones to check (while it is away, nobody
        // works on it).
        List<Integer> instants = new ArrayList<>();
        instants.add(start);
        for (int[] interval : intervals) {
            if (interval[0] > start && interval[0] < end) {
                instants.add(interval[0]);
            }
        }
        instants.addAll(resource.returnsBetween(start, end));
        instants.sort(null);
        for (int instant : instants) {
            if (!resource.present(instant)) {
                continue;
            }
            int units = use.units();
            List<String> competing = new ArrayList<>();
            for (int[] interval : intervals) {
                if (interval[0] <= instant && instant < interval[1]) {
                    units += interval[2];
                    competing.add(tasks.get(interval[3]).id());
                }
            }
            if (units > maxUnits) {
                return new OverAllocation(use.resourceId(), instant, units, maxUnits, competing);
            }
        }
        return null;
    }

    /**
     * The first start at or after {@code start} without over-allocation. While there is a conflict the
     * next candidate is the earliest end, after the candidate, of what a resource holds in the window:
     * until then use can only rise, so no earlier start can fit.
     */
    private int earliestFit(LevellableTask task, int start) {
        int candidate = start;
        while (true) {
            OverAllocation conflict = conflictAt(task, candidate);
            if (conflict == null) {
                return candidate;
            }
            candidate = nextRelease(conflict.resourceId(), candidate, task.duration());
        }
    }

    /**
     * The earliest end, after {@code candidate}, of what the resource holds while work of {@code duration}
     * starting at {@code candidate} would run on it: until then its use can only rise, so no earlier start fits.
     */
    private int nextRelease(String resourceId, int candidate, int duration) {
        int next = Integer.MAX_VALUE;
        int end = resources.get(resourceId).finish(candidate, duration);
        for (int[] interval : held.get(resourceId)) {
            if (interval[0] < end && interval[1] > candidate) {
                next = Math.min(next, interval[1]);
            }
        }
        return next;
    }
}
