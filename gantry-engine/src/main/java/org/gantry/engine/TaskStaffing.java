package org.gantry.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The people on one task (its work resources) and what an edit of them does to the task's duration, units and
 * work, by Microsoft Project's rules:
 *
 * <ul>
 *   <li><b>Changing an assignment.</b> On a fixed-duration task new units alone change the work (work =
 *       duration x units) and new work alone changes the units; on the other types both are taken as typed.
 *   <li><b>Effort-driven tasks</b> (a flag of the task; a fixed-work task always is one) keep their total work
 *       when people join or leave. A person added to a task that already has people takes a share of the work
 *       in proportion to units, and the others give up that share; a person taken off hands their work to the
 *       rest the same way. A fixed-units or fixed-work task then gets shorter or longer (everyone finishes
 *       together: duration = total work / total units); a fixed-duration task keeps its duration and everyone's
 *       units change by the same factor instead.
 *   <li><b>Not effort-driven</b>: a newcomer brings work of their own (duration x units) and the total grows; a
 *       person taken off takes their work along.
 *   <li>After any edit a task that is not fixed duration (nor a milestone) lasts as long as its slowest
 *       assignment, work / units.
 * </ul>
 *
 * <p>The first person on a task, and a newcomer whose work is typed, are never spread: there is nothing to
 * share, or the planner said how much. Only people at positive units share work; a 0 % assignment keeps its
 * own. Units are in percent (100 = full time), work and duration in working minutes.
 */
public record TaskStaffing(
        TaskType type, boolean effortDriven, boolean milestone, long durationMinutes, List<Share> shares) {

    /** One work resource on the task, by an id of the caller's: units in percent, work in working minutes. */
    public record Share(long resource, double units, long workMinutes) {
        boolean working() {
            return units > 0;
        }
    }

    public TaskStaffing {
        type = type == null ? TaskType.FIXED_UNITS : type;
        shares = List.copyOf(Objects.requireNonNull(shares, "shares"));
    }

    /** Whether people joining or leaving keep the total work: effort-driven tasks and every fixed-work task. */
    public boolean keepsTotalWork() {
        return effortDriven || type == TaskType.FIXED_WORK;
    }

    /** The share of {@code resource}, or null when it is not on the task. */
    public Share share(long resource) {
        for (Share share : shares) {
            if (share.resource() == resource) {
                return share;
            }
        }
        return null;
    }

    /**
     * Puts {@code resource} on the task at {@code units}; {@code workMinutes} null means "as the task type says"
     * (a share of the total on an effort-driven task that has people, else duration x units).
     */
    public TaskStaffing add(long resource, double units, Long workMinutes) {
        if (share(resource) != null) {
            throw new IllegalArgumentException("Resource " + resource + " is on the task already");
        }
        List<Share> next = new ArrayList<>(shares);
        boolean spread = workMinutes == null && units > 0 && !milestone && keepsTotalWork() && totalWork(shares) > 0;
        long work = workMinutes != null ? workMinutes : milestone ? 0 : Math.round(durationMinutes * units / 100.0);
        next.add(new Share(resource, units, spread ? 0 : work));
        return spread ? spread(next, totalWork(shares)) : followed(next);
    }

    /** Takes {@code resource} off the task; on an effort-driven task the others take over its work. */
    public TaskStaffing remove(long resource) {
        Share gone = share(resource);
        if (gone == null) {
            return this;
        }
        List<Share> next = new ArrayList<>(shares);
        next.remove(gone);
        boolean spread = gone.working()
                && !milestone
                && keepsTotalWork()
                && next.stream().anyMatch(Share::working);
        return spread ? spread(next, totalWork(shares)) : followed(next);
    }

    /**
     * New units and/or work of one assignment (null keeps it): on a fixed-duration task one of them alone moves
     * the other; otherwise both are taken as typed and the duration follows.
     */
    public TaskStaffing change(long resource, Double units, Long workMinutes) {
        Share current = share(resource);
        if (current == null) {
            throw new IllegalArgumentException("Resource " + resource + " is not on the task");
        }
        double newUnits = units == null ? current.units() : units;
        long newWork = workMinutes == null ? current.workMinutes() : workMinutes;
        if (type == TaskType.FIXED_DURATION && !milestone) {
            if (units != null && workMinutes == null) {
                newWork = Math.round(durationMinutes * newUnits / 100.0);
            } else if (workMinutes != null && units == null && durationMinutes > 0) {
                newUnits = workMinutes * 100.0 / durationMinutes;
            }
        }
        List<Share> next = new ArrayList<>(shares);
        next.set(next.indexOf(current), new Share(resource, newUnits, newWork));
        return followed(next);
    }

    /**
     * {@code total} spread over the working shares in proportion to their units (rounded to the minute, the
     * last share taking what rounding leaves so the total stays exact); then a fixed-duration task scales
     * everyone's units to fit its duration, and the other types end when everyone does.
     */
    private TaskStaffing spread(List<Share> next, long total) {
        double units = 0;
        for (Share share : next) {
            if (share.working()) {
                units += share.units();
            }
        }
        int last = -1;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).working()) {
                last = i;
            }
        }
        long given = 0;
        double factor = type == TaskType.FIXED_DURATION && durationMinutes > 0
                ? total * 100.0 / (durationMinutes * units)
                : 1.0;
        List<Share> spread = new ArrayList<>(next.size());
        for (int i = 0; i < next.size(); i++) {
            Share share = next.get(i);
            if (!share.working()) {
                spread.add(share);
                continue;
            }
            long work = i == last ? total - given : Math.round(total * share.units() / units);
            given += work;
            spread.add(new Share(share.resource(), share.units() * factor, work));
        }
        return followed(spread);
    }

    /** The task with these shares, lasting as long as its slowest assignment unless its duration is fixed. */
    private TaskStaffing followed(List<Share> next) {
        long duration = durationMinutes;
        if (type != TaskType.FIXED_DURATION && !milestone) {
            long longest = -1;
            for (Share share : next) {
                if (share.working()) {
                    longest = Math.max(longest, Math.round(share.workMinutes() * 100.0 / share.units()));
                }
            }
            duration = longest >= 0 ? longest : durationMinutes;
        }
        return new TaskStaffing(type, effortDriven, milestone, duration, next);
    }

    private static long totalWork(List<Share> shares) {
        long total = 0;
        for (Share share : shares) {
            if (share.working()) {
                total += share.workMinutes();
            }
        }
        return total;
    }
}
