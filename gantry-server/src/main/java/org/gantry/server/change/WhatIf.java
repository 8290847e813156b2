package org.gantry.server.change;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.gantry.engine.Assignment;
import org.gantry.engine.CalendarId;
import org.gantry.engine.Link;
import org.gantry.engine.LinkType;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduleException;
import org.gantry.engine.ScheduleProblem;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Scheduler;
import org.gantry.engine.Task;
import org.gantry.engine.TaskId;
import org.gantry.engine.TaskStaffing;
import org.gantry.engine.TaskType;
import org.gantry.engine.WorkDuration;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingTime;
import org.gantry.server.cost.PlannedCosts;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;

/**
 * Applies proposed edits to a what-if copy of the plan's network and reschedules both with the engine. The
 * stored plan is never touched: the network is an immutable value, and every edit makes a new list. Tasks
 * added by the request get engine ids {@code new-1}, {@code new-2}... (by the edit's position), which no
 * stored task can have (stored ids are numbers).
 */
final class WhatIf {
    private WhatIf() {}

    /**
     * The impact of {@code edits} (already checked field by field) on {@code network}. Throws
     * {@link InvalidInput} naming the edit (edits[i].field) that refers to a task or link the plan does not
     * have, or after which the plan cannot be scheduled (a cycle); {@link Conflict} when the plan as stored
     * cannot be scheduled at all.
     */
    static ChangeImpact impact(
            ProjectNetwork network, Staffing staffing, List<ProposedEdit> edits, String planVersion, Money money) {
        Schedule before;
        try {
            before = Scheduler.schedule(network);
        } catch (ScheduleException e) {
            throw new Conflict(
                    "Plan cannot be scheduled",
                    "The plan cannot be scheduled as it stands (" + e.getMessage() + "); fix it first.");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        Applied applied = apply(network, staffing, edits, problems);
        problems.throwIfAny();
        ProjectNetwork changed = applied.network();
        Map<TaskId, String> names = new HashMap<>();
        changed.tasks().forEach(task -> names.put(task.id(), task.name()));
        network.tasks().forEach(task -> names.put(task.id(), task.name()));
        Schedule after;
        try {
            after = Scheduler.schedule(changed);
        } catch (ScheduleException e) {
            // Name the first edit after which the plan cannot be scheduled: reschedule growing prefixes.
            int culprit = edits.size() - 1;
            for (int n = 1; n < edits.size(); n++) {
                try {
                    Scheduler.schedule(apply(network, staffing, edits.subList(0, n), new InvalidInput.Collector())
                            .network());
                } catch (ScheduleException earlier) {
                    culprit = n - 1;
                    break;
                }
            }
            throw new InvalidInput(
                    "edits[" + culprit + "]",
                    "would make the plan impossible to schedule: " + describe(e.problem(), names));
        }

        WorkingTime time = workingTime(network);
        double minutesPerDay = Math.max(1, network.options().minutesPerDay());
        Set<TaskId> remaining = new HashSet<>();
        changed.tasks().forEach(task -> remaining.add(task.id()));
        Set<TaskId> existing = new HashSet<>();
        network.tasks().forEach(task -> existing.add(task.id()));

        List<ChangeImpact.MilestoneDates> milestones = new ArrayList<>();
        List<ChangeImpact.MovedTask> moved = new ArrayList<>();
        List<ChangeImpact.TaskRef> removed = new ArrayList<>();
        for (Task task : network.tasks()) {
            ScheduledTask was = before.tasks().get(task.id());
            ScheduledTask now = remaining.contains(task.id()) ? after.tasks().get(task.id()) : null;
            if (now == null) {
                removed.add(new ChangeImpact.TaskRef(id(task.id()), task.name()));
            } else if (was != null
                    && (!Objects.equals(was.start(), now.start()) || !Objects.equals(was.finish(), now.finish()))) {
                moved.add(new ChangeImpact.MovedTask(
                        id(task.id()), task.name(), was.start(), was.finish(), now.start(), now.finish()));
            }
            if (task.milestone()) {
                LocalDateTime old = was == null ? null : was.finish();
                LocalDateTime next = now == null ? null : now.finish();
                milestones.add(new ChangeImpact.MilestoneDates(
                        id(task.id()), task.name(), old, next, days(time, old, next, minutesPerDay)));
            }
        }
        List<ChangeImpact.AddedTask> added = new ArrayList<>();
        for (Task task : changed.tasks()) {
            if (!existing.contains(task.id())) {
                ScheduledTask now = after.tasks().get(task.id());
                added.add(new ChangeImpact.AddedTask(
                        task.name(),
                        now == null ? null : now.start(),
                        now == null ? null : now.finish(),
                        now != null && now.critical()));
            }
        }
        BigDecimal taskDaysBefore = taskDays(network, minutesPerDay);
        BigDecimal taskDaysAfter = taskDays(changed, minutesPerDay);
        BigDecimal workBefore = workHours(network, staffing.assignments());
        BigDecimal workAfter = workHours(changed, applied.assignments());
        BigDecimal costBefore = money == null ? null : cost(network, money.costsBefore());
        BigDecimal costAfter = null;
        if (money != null) {
            PlannedCosts.Proposal proposal = proposal(applied);
            costAfter = cost(
                    changed,
                    proposal.assignments().isEmpty() && proposal.fixedCosts().isEmpty()
                            ? money.costsBefore()
                            : money.costsAfter().apply(proposal));
        }
        BigDecimal costDelta = costBefore == null ? null : costAfter.subtract(costBefore);
        BigDecimal eacBefore = null;
        BigDecimal eacAfter = null;
        if (costDelta != null
                && money.earnedValue() != null
                && money.earnedValue().earnedValue() != null
                && money.earnedValue().earnedValue().signum() > 0
                && money.earnedValue().actualCost() != null
                && money.earnedValue().estimateAtCompletion() != null) {
            // EAC = BAC x AC / EV; the change moves BAC by the cost delta.
            eacBefore = money.earnedValue().estimateAtCompletion();
            eacAfter = eacBefore.add(costDelta
                    .multiply(money.earnedValue().actualCost())
                    .divide(money.earnedValue().earnedValue(), 2, RoundingMode.HALF_UP));
        }
        return new ChangeImpact(
                planVersion,
                before.projectFinish(),
                after.projectFinish(),
                days(time, before.projectFinish(), after.projectFinish(), minutesPerDay),
                milestones,
                path(before.criticalPath(), names),
                path(after.criticalPath(), names),
                moved,
                added,
                removed,
                taskDaysBefore,
                taskDaysAfter,
                plain(taskDaysAfter.subtract(taskDaysBefore)),
                workBefore,
                workAfter,
                plain(workAfter.subtract(workBefore)),
                costBefore,
                costAfter,
                costDelta,
                eacBefore,
                eacAfter,
                eacBefore == null ? null : eacAfter.subtract(eacBefore));
    }

    /**
     * What the impact needs to show money, for those who see costs: each task's planned cost before, the
     * costing of what the edits leave (assignments and fixed costs), and the earned value totals (null while
     * there is none).
     */
    record Money(
            Map<Long, BigDecimal> costsBefore,
            Function<PlannedCosts.Proposal, Map<Long, BigDecimal>> costsAfter,
            org.gantry.server.cost.EarnedValueView.Figures earnedValue) {}

    /**
     * An assignment as the what-if holds it: units in percent (for a material the quantity), work and the
     * work already done in working minutes; {@code person} for a work resource (a material takes no time).
     */
    record Work(long resourceId, boolean person, BigDecimal units, long workMinutes, long actualWorkMinutes) {}

    /**
     * The plan's staffing beside its network: every assignment by task (materials too, which the network
     * leaves out), the project's resources, true for a person (a work resource), and the effort-driven tasks.
     */
    record Staffing(Map<Long, List<Work>> assignments, Map<Long, Boolean> resources, Set<Long> effortDriven) {}

    /**
     * The network with the edits applied, the assignments they leave on every task, the tasks whose
     * assignments changed, and the new fixed costs.
     */
    record Applied(
            ProjectNetwork network,
            Map<Long, List<Work>> assignments,
            Set<Long> restaffed,
            Map<Long, BigDecimal> fixedCosts) {}

    /** What the costing needs to know of the edits: the changed tasks' assignments and fixed costs. */
    private static PlannedCosts.Proposal proposal(Applied applied) {
        Map<Long, List<PlannedCosts.ProposedAssignment>> assignments = new HashMap<>();
        for (Long task : applied.restaffed()) {
            List<PlannedCosts.ProposedAssignment> on = new ArrayList<>();
            for (Work work : applied.assignments().getOrDefault(task, List.of())) {
                on.add(new PlannedCosts.ProposedAssignment(task, work.resourceId(), work.units(), work.workMinutes()));
            }
            assignments.put(task, on);
        }
        return new PlannedCosts.Proposal(assignments, applied.fixedCosts());
    }

    /** The people's planned work on the network's leaf tasks, in hours (materials are quantities, not work). */
    private static BigDecimal workHours(ProjectNetwork network, Map<Long, List<Work>> assignments) {
        long minutes = 0;
        for (TaskId leaf : leaves(network)) {
            Long id = id(leaf);
            for (Work work : id == null ? List.<Work>of() : assignments.getOrDefault(id, List.of())) {
                if (work.person()) {
                    minutes += work.workMinutes();
                }
            }
        }
        return plain(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
    }

    /** The planned cost of the network's leaf tasks; tasks the plan does not have yet cost nothing. */
    private static BigDecimal cost(ProjectNetwork network, Map<Long, BigDecimal> taskCosts) {
        BigDecimal total = BigDecimal.ZERO;
        for (TaskId leaf : leaves(network)) {
            Long id = id(leaf);
            BigDecimal cost = id == null ? null : taskCosts.get(id);
            if (cost != null) {
                total = total.add(cost);
            }
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    private static List<TaskId> leaves(ProjectNetwork network) {
        Set<TaskId> parents = new HashSet<>();
        network.tasks().forEach(task -> {
            if (task.parent() != null) {
                parents.add(task.parent());
            }
        });
        List<TaskId> leaves = new ArrayList<>();
        for (Task task : network.tasks()) {
            if (task.active() && !parents.contains(task.id())) {
                leaves.add(task.id());
            }
        }
        return leaves;
    }

    /** The network with the edits applied in order; an edit that cannot apply is reported and skipped. */
    static Applied apply(
            ProjectNetwork network, Staffing staffing, List<ProposedEdit> edits, InvalidInput.Collector problems) {
        Map<TaskId, Task> tasks = new LinkedHashMap<>();
        network.tasks().forEach(task -> tasks.put(task.id(), task));
        List<Link> links = new ArrayList<>(network.links());
        Map<Long, List<Work>> staff = new HashMap<>();
        staffing.assignments().forEach((task, on) -> staff.put(task, new ArrayList<>(on)));
        Set<Long> restaffed = new LinkedHashSet<>();
        Map<Long, BigDecimal> fixedCosts = new LinkedHashMap<>();
        for (int i = 0; i < edits.size(); i++) {
            ProposedEdit edit = edits.get(i);
            String at = "edits[" + i + "].";
            switch (edit.type()) {
                case "ADD_TASK" -> {
                    TaskId id = TaskId.of("new-" + (i + 1));
                    TaskId parent = null;
                    if (edit.parentId() != null) {
                        parent = TaskId.of(edit.parentId());
                        if (!tasks.containsKey(parent)) {
                            problems.add(at + "parentId", "is not a task of this project");
                            parent = null;
                        }
                    }
                    Task task = Task.of(id, WorkDuration.minutes(edit.durationMinutes()))
                            .named(edit.name())
                            .withParent(parent);
                    tasks.put(id, task);
                    for (Long predecessor : list(edit.predecessorIds())) {
                        TaskId other = TaskId.of(predecessor);
                        if (linkable(tasks, other, id, at + "predecessorIds", problems)) {
                            links.add(Link.finishStart(other, id));
                        }
                    }
                    for (Long successor : list(edit.successorIds())) {
                        TaskId other = TaskId.of(successor);
                        if (linkable(tasks, other, id, at + "successorIds", problems)) {
                            links.add(Link.finishStart(id, other));
                        }
                    }
                }
                case "REMOVE_TASK" -> {
                    TaskId id = TaskId.of(edit.taskId());
                    if (!tasks.containsKey(id)) {
                        problems.add(at + "taskId", "is not a task of this project");
                        continue;
                    }
                    Set<TaskId> gone = subtree(tasks, id);
                    gone.forEach(tasks::remove);
                    links.removeIf(link -> gone.contains(link.predecessor()) || gone.contains(link.successor()));
                }
                case "CHANGE_DURATION" -> {
                    TaskId id = TaskId.of(edit.taskId());
                    Task task = tasks.get(id);
                    if (task == null) {
                        problems.add(at + "taskId", "is not a task of this project");
                    } else if (subtree(tasks, id).size() > 1) {
                        problems.add(at + "taskId", "is a summary task: its duration comes from its subtasks");
                    } else {
                        Task changed = task.withDuration(WorkDuration.minutes(edit.durationMinutes()));
                        List<Work> on = staff.get(edit.taskId());
                        if (on != null && !on.isEmpty()) {
                            // As the stored plan does when a duration is typed: fixed work keeps the work and
                            // changes the units, the other types keep the units and change the work.
                            long minutes = edit.durationMinutes();
                            on.replaceAll(work -> !work.person()
                                    ? work
                                    : changed.type() == TaskType.FIXED_WORK
                                            ? minutes > 0 && work.workMinutes() > 0
                                                    ? withUnits(
                                                            work,
                                                            BigDecimal.valueOf(work.workMinutes() * 100.0 / minutes)
                                                                    .setScale(2, RoundingMode.HALF_UP))
                                                    : work
                                            : withWork(
                                                    work,
                                                    Math.round(minutes
                                                            * work.units().doubleValue()
                                                            / 100.0)));
                            restaffed.add(edit.taskId());
                            tasks.put(id, staffed(network, changed, on));
                        } else {
                            tasks.put(id, changed);
                        }
                    }
                }
                case "ADD_LINK" -> {
                    TaskId predecessor = TaskId.of(edit.predecessorId());
                    TaskId successor = TaskId.of(edit.successorId());
                    boolean known = true;
                    if (!tasks.containsKey(predecessor)) {
                        problems.add(at + "predecessorId", "is not a task of this project");
                        known = false;
                    }
                    if (!tasks.containsKey(successor)) {
                        problems.add(at + "successorId", "is not a task of this project");
                        known = false;
                    }
                    if (!known) {
                        continue;
                    }
                    if (subtree(tasks, predecessor).contains(successor)
                            || subtree(tasks, successor).contains(predecessor)) {
                        problems.add(at + "successorId", "a summary task cannot be linked to its own subtasks");
                    } else if (links.stream()
                            .anyMatch(link -> link.predecessor().equals(predecessor)
                                    && link.successor().equals(successor))) {
                        problems.add(at + "successorId", "these two tasks are already linked in this direction");
                    } else {
                        links.add(Link.of(
                                predecessor,
                                successor,
                                engineType(edit.linkType()),
                                WorkDuration.minutes(edit.lagMinutes() == null ? 0 : edit.lagMinutes())));
                    }
                }
                case "REMOVE_LINK" -> {
                    TaskId predecessor = TaskId.of(edit.predecessorId());
                    TaskId successor = TaskId.of(edit.successorId());
                    if (!links.removeIf(link -> link.predecessor().equals(predecessor)
                            && link.successor().equals(successor))) {
                        problems.add(at + "successorId", "there is no link from predecessorId to this task");
                    }
                }
                case "ADD_ASSIGNMENT" -> {
                    TaskId id = TaskId.of(edit.taskId());
                    Boolean person = staffing.resources().get(edit.resourceId());
                    if (!tasks.containsKey(id)) {
                        problems.add(at + "taskId", "is not a task of this project");
                    } else if (subtree(tasks, id).size() > 1) {
                        problems.add(at + "taskId", "is a summary task: assign resources to its subtasks");
                    } else if (person == null) {
                        problems.add(at + "resourceId", "is not a resource of this project");
                    } else if (on(staff, edit.taskId(), edit.resourceId()) != null) {
                        problems.add(at + "resourceId", "already works on this task");
                    } else {
                        List<Work> on = staff.computeIfAbsent(edit.taskId(), task -> new ArrayList<>());
                        on.add(new Work(edit.resourceId(), person, edit.units(), minutes(edit.workHours()), 0));
                        restaffed.add(edit.taskId());
                        tasks.put(id, followWork(network, tasks.get(id), on));
                    }
                }
                case "REMOVE_ASSIGNMENT", "CHANGE_ASSIGNMENT" -> {
                    TaskId id = TaskId.of(edit.taskId());
                    Task task = tasks.get(id);
                    Work work = on(staff, edit.taskId(), edit.resourceId());
                    if (task == null) {
                        problems.add(at + "taskId", "is not a task of this project");
                    } else if (work == null) {
                        problems.add(at + "resourceId", "does not work on this task");
                    } else {
                        List<Work> on = staff.get(edit.taskId());
                        if (edit.type().equals("REMOVE_ASSIGNMENT")) {
                            // As taking someone off does: on an effort-driven task the others take their work.
                            if (work.person()) {
                                TaskStaffing before = staffing(network, task, on, staffing.effortDriven());
                                restaff(on, before, before.remove(work.resourceId()));
                            }
                            on.remove(work);
                        } else {
                            Work next = changedAssignment(network, task, work, edit, staffing, at, problems);
                            on.set(on.indexOf(work), next);
                        }
                        restaffed.add(edit.taskId());
                        tasks.put(id, followWork(network, task, on));
                    }
                }
                case "CHANGE_FIXED_COST" -> {
                    TaskId id = TaskId.of(edit.taskId());
                    if (!tasks.containsKey(id)) {
                        problems.add(at + "taskId", "is not a task of this project");
                    } else {
                        // A summary task may have its own, as in Microsoft Project (its cost adds its subtasks').
                        fixedCosts.put(edit.taskId(), edit.fixedCost());
                    }
                }
                default -> problems.add(at + "type", "is not a kind of edit");
            }
        }
        return new Applied(
                network.withTasks(new ArrayList<>(tasks.values())).withLinks(links), staff, restaffed, fixedCosts);
    }

    private static Work on(Map<Long, List<Work>> staff, Long task, Long resource) {
        for (Work work : staff.getOrDefault(task, List.of())) {
            if (resource != null && work.resourceId() == resource) {
                return work;
            }
        }
        return null;
    }

    /**
     * New units and/or work of an assignment, as the assignments page changes them (the engine's
     * {@link TaskStaffing} rules): on a fixed duration task (a person, not a milestone) new units alone change the
     * work (work = duration x units) and new work alone changes the units (units = work / duration); otherwise
     * they are taken as sent.
     */
    private static Work changedAssignment(
            ProjectNetwork network,
            Task task,
            Work work,
            ProposedEdit edit,
            Staffing staffing,
            String at,
            InvalidInput.Collector problems) {
        BigDecimal units = edit.units() == null ? work.units() : edit.units();
        long minutes = edit.workHours() == null ? work.workMinutes() : minutes(edit.workHours());
        if (work.person()) {
            TaskStaffing.Share changed = staffing(network, task, List.of(work), staffing.effortDriven())
                    .change(
                            work.resourceId(),
                            edit.units() == null ? null : edit.units().doubleValue(),
                            edit.workHours() == null ? null : minutes)
                    .share(work.resourceId());
            units = edit.units() != null && changed.units() == edit.units().doubleValue()
                    ? edit.units()
                    : percent(changed.units());
            minutes = changed.workMinutes();
            if (units.compareTo(MAXIMUM_UNITS) > 0) {
                problems.add(
                        at + "workHours",
                        "would need more than " + MAXIMUM_UNITS.toPlainString() + " % units on this fixed"
                                + " duration task");
            }
        }
        return new Work(work.resourceId(), work.person(), units, minutes, work.actualWorkMinutes());
    }

    /** The people of {@code on} as the engine's staffing rules see them. */
    private static TaskStaffing staffing(ProjectNetwork network, Task task, List<Work> on, Set<Long> effortDriven) {
        List<TaskStaffing.Share> shares = new ArrayList<>();
        for (Work work : on) {
            if (work.person()) {
                shares.add(
                        new TaskStaffing.Share(work.resourceId(), work.units().doubleValue(), work.workMinutes()));
            }
        }
        Long id = id(task.id());
        return new TaskStaffing(
                task.type(),
                id != null && effortDriven.contains(id),
                task.milestone(),
                task.duration().toMinutes(network.options()),
                shares);
    }

    /** The assignments of {@code on} whose share the edit changed, with their new units and work. */
    private static void restaff(List<Work> on, TaskStaffing before, TaskStaffing after) {
        on.replaceAll(work -> {
            TaskStaffing.Share was = work.person() ? before.share(work.resourceId()) : null;
            TaskStaffing.Share now = work.person() ? after.share(work.resourceId()) : null;
            return was == null || now == null || now.equals(was)
                    ? work
                    : new Work(
                            work.resourceId(), true, percent(now.units()), now.workMinutes(), work.actualWorkMinutes());
        });
    }

    private static BigDecimal percent(double units) {
        return BigDecimal.valueOf(units).setScale(2, RoundingMode.HALF_UP);
    }

    private static final BigDecimal MAXIMUM_UNITS = new BigDecimal("100000");

    private static Work withUnits(Work work, BigDecimal units) {
        return new Work(work.resourceId(), work.person(), units, work.workMinutes(), work.actualWorkMinutes());
    }

    private static Work withWork(Work work, long minutes) {
        return new Work(work.resourceId(), work.person(), work.units(), minutes, work.actualWorkMinutes());
    }

    private static long minutes(BigDecimal hours) {
        return hours.multiply(BigDecimal.valueOf(60))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /**
     * After its assignments change, a task driven by them (not fixed duration, not a milestone, with people at
     * positive units) lasts as long as its slowest assignment, work / units, as the stored plan then has it.
     */
    private static Task followWork(ProjectNetwork network, Task task, List<Work> on) {
        long longest = -1;
        for (Work work : on) {
            if (work.person() && work.units().signum() > 0) {
                longest = Math.max(
                        longest,
                        Math.round(work.workMinutes() * 100.0 / work.units().doubleValue()));
            }
        }
        Task followed = task.type() != TaskType.FIXED_DURATION && !task.milestone() && longest >= 0
                ? task.withDuration(WorkDuration.minutes(longest))
                : task;
        return staffed(network, followed, on);
    }

    /**
     * The task with the engine's assignments for {@code on}: the people at positive units, each on the calendar
     * the stored plan gives them (the resource's as it appears elsewhere in the network, else the task's).
     */
    private static Task staffed(ProjectNetwork network, Task task, List<Work> on) {
        List<Assignment> engine = new ArrayList<>();
        for (Work work : on) {
            if (!work.person() || work.units().signum() <= 0) {
                continue;
            }
            String resource = String.valueOf(work.resourceId());
            Assignment known = null;
            for (Assignment assignment : task.assignments()) {
                if (assignment.resource().equals(resource)) {
                    known = assignment;
                }
            }
            CalendarId calendar = known != null ? known.calendar() : calendarOf(network, resource);
            if (calendar == null) {
                calendar = task.calendar() != null ? task.calendar() : network.projectCalendar();
            }
            WorkDuration remaining = work.actualWorkMinutes() == 0
                    ? null
                    : WorkDuration.minutes(Math.max(0, work.workMinutes() - work.actualWorkMinutes()));
            engine.add(new Assignment(
                    resource,
                    calendar,
                    work.units().doubleValue() / 100.0,
                    WorkDuration.minutes(work.workMinutes()),
                    remaining,
                    null,
                    null,
                    // A levelled assignment keeps its levelling delay in the what-if too.
                    known == null ? null : known.delay(),
                    known == null ? null : known.contour()));
        }
        return task.withAssignments(engine);
    }

    private static CalendarId calendarOf(ProjectNetwork network, String resource) {
        for (Task task : network.tasks()) {
            for (Assignment assignment : task.assignments()) {
                if (assignment.resource().equals(resource)) {
                    return assignment.calendar();
                }
            }
        }
        return null;
    }

    private static boolean linkable(
            Map<TaskId, Task> tasks, TaskId other, TaskId added, String field, InvalidInput.Collector problems) {
        if (!tasks.containsKey(other)) {
            problems.add(field, "names a task that is not in this project");
            return false;
        }
        if (subtree(tasks, other).contains(added)) {
            problems.add(field, "a summary task cannot be linked to its own subtasks");
            return false;
        }
        return true;
    }

    /** The task and everything under it. */
    private static Set<TaskId> subtree(Map<TaskId, Task> tasks, TaskId root) {
        Set<TaskId> found = new HashSet<>();
        found.add(root);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Task task : tasks.values()) {
                if (task.parent() != null && found.contains(task.parent()) && found.add(task.id())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    static LinkType engineType(String code) {
        if (code == null) {
            return LinkType.FINISH_START;
        }
        return switch (org.gantry.server.task.LinkType.of(code)) {
            case START_START -> LinkType.START_START;
            case FINISH_FINISH -> LinkType.FINISH_FINISH;
            case START_FINISH -> LinkType.START_FINISH;
            case FINISH_START -> LinkType.FINISH_START;
        };
    }

    private static List<Long> list(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }

    private static Long id(TaskId id) {
        try {
            return Long.parseLong(id.value());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<ChangeImpact.TaskRef> path(List<TaskId> ids, Map<TaskId, String> names) {
        List<ChangeImpact.TaskRef> path = new ArrayList<>(ids.size());
        for (TaskId id : ids) {
            path.add(new ChangeImpact.TaskRef(id(id), names.getOrDefault(id, id.value())));
        }
        return path;
    }

    private static String describe(ScheduleProblem problem, Map<TaskId, String> names) {
        if (problem instanceof ScheduleProblem.DependencyCycle cycle) {
            List<String> around = new ArrayList<>();
            cycle.cycle().forEach(id -> around.add(names.getOrDefault(id, id.value())));
            return "the links would form a cycle: " + String.join(" → ", around);
        }
        return problem.describe();
    }

    private static WorkingTime workingTime(ProjectNetwork network) {
        for (WorkingCalendar calendar : network.calendars()) {
            if (calendar.id().equals(network.projectCalendar())) {
                return WorkingTime.of(calendar, network.calendars());
            }
        }
        throw new IllegalStateException("the network has no project calendar " + network.projectCalendar());
    }

    /** Working days of the project calendar from {@code from} to {@code to}, negative when earlier. */
    private static BigDecimal days(WorkingTime time, LocalDateTime from, LocalDateTime to, double minutesPerDay) {
        if (from == null || to == null) {
            return null;
        }
        long minutes = to.isBefore(from) ? -time.workBetween(to, from) : time.workBetween(from, to);
        return plain(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(minutesPerDay), 2, RoundingMode.HALF_UP));
    }

    /** The sum of the active leaf tasks' durations in working days. */
    private static BigDecimal taskDays(ProjectNetwork network, double minutesPerDay) {
        Set<TaskId> parents = new HashSet<>();
        network.tasks().forEach(task -> {
            if (task.parent() != null) {
                parents.add(task.parent());
            }
        });
        long minutes = 0;
        for (Task task : network.tasks()) {
            if (task.active() && !parents.contains(task.id())) {
                minutes += task.duration().toMinutes(network.options());
            }
        }
        return plain(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(minutesPerDay), 2, RoundingMode.HALF_UP));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
