package org.gantry.server.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.CalendarException;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.Link;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduleException;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Scheduler;
import org.gantry.engine.Task;
import org.gantry.engine.WorkDuration;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingTime;
import org.gantry.engine.levelling.LevellableTask;
import org.gantry.engine.levelling.LevellableTask.Predecessor;
import org.gantry.engine.levelling.LevellableTask.ResourceUse;
import org.gantry.engine.levelling.LevelledSchedule;
import org.gantry.engine.levelling.LevellingOrder;
import org.gantry.engine.levelling.LevellingResource;
import org.gantry.engine.levelling.LevellingResource.Absence;
import org.gantry.engine.levelling.LevellingSettings;
import org.gantry.engine.levelling.LevellingTask;
import org.gantry.engine.levelling.OptimisingLevelling;
import org.gantry.engine.levelling.ProjectLevelling;
import org.gantry.engine.levelling.ProjectLevellingOptions;
import org.gantry.engine.levelling.ProjectLevellingResult;
import org.gantry.engine.levelling.ResourceConstrainedProject;
import org.gantry.server.schedule.NetworkMemory.Network;
import org.gantry.server.schedule.NetworkReader.AssignmentRow;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The project as levelling sees it: the stored rows, the unlevelled schedule (levelled tasks without
 * their delays), and for each leaf task its place in working minutes, links, resources and what keeps
 * it where it is.
 */
final class LevellingModel {

    private static final Set<ConstraintType> HARD = Set.of(
            ConstraintType.MUST_START_ON,
            ConstraintType.MUST_FINISH_ON,
            ConstraintType.START_NO_LATER_THAN,
            ConstraintType.FINISH_NO_LATER_THAN);

    /**
     * What a levelling run produced in the engine's units, turned into delays and dates: per task in scope
     * its levelling delay (elapsed minutes) and, when levelling adjusted individual assignments, per task
     * the resources whose work starts later than the task, with that delay (working minutes of the
     * resource's calendar; a resource not listed starts with the task).
     */
    record Outcome(
            Map<Long, Long> delays,
            Map<Long, Map<Long, Long>> assignmentDelays,
            Schedule after,
            Map<Long, ProjectLevellingResult.TaskMove> moves,
            List<ProjectLevellingResult.Unresolved> unresolved,
            Set<Long> optimised) {}

    /** The latest finish of the project's active tasks in {@code schedule}. */
    static LocalDateTime finish(LevellingModel model, Schedule schedule) {
        LocalDateTime finish = null;
        for (int i = 0; i < model.rows.size(); i++) {
            if (!model.rows.active.get(i)) {
                continue;
            }
            ScheduledTask result = schedule.tasks().get(model.rows.taskIds.get(i));
            if (result != null
                    && result.finish() != null
                    && (finish == null || result.finish().isAfter(finish))) {
                finish = result.finish();
            }
        }
        return finish;
    }

    final StoredTasks rows;
    final ProjectCalendar calendar;
    final List<Link> links;
    final Set<Long> scope = new LinkedHashSet<>();
    final Map<Long, String> wbs = new HashMap<>();
    final Map<Long, Integer> idNumber = new HashMap<>();
    final Map<Long, Integer> priority = new HashMap<>();
    final Map<Long, String> resourceNames = new HashMap<>();
    final Map<Long, Integer> maxUnits = new LinkedHashMap<>();
    final List<Task> current;
    Schedule unlevelled;
    WorkingTime time;
    LocalDateTime origin;
    LocalDateTime projectStart;
    /** The leaf tasks levelling places, in outline order, with their place in working minutes. */
    final List<Long> leaves = new ArrayList<>();

    final Map<Long, Integer> start = new HashMap<>();
    /** The unlevelled span of each leaf task, in working minutes of the project calendar. */
    final Map<Long, Integer> duration = new HashMap<>();
    /** The span less the time its resources were away within it: what levelling places. */
    final Map<Long, Integer> work = new HashMap<>();
    /** The work resources with their maximum units and days off, by id. */
    final Map<Long, LevellingResource> levellingResources = new LinkedHashMap<>();

    final Map<Long, Map<Long, Integer>> predecessors = new HashMap<>();
    final Map<Long, String> pinned = new HashMap<>();
    final Map<Long, List<AssignmentRow>> assignments;

    LevellingModel(Network network, JdbcClient jdbc, long projectId, String key, List<Long> taskIds) {
        rows = network.rows;
        calendar = network.calendar;
        links = new ArrayList<>(network.links.values());
        assignments = network.assignments;
        current = rows.size() == 0 ? List.of() : rows.engineTasks(calendar, network.assignments);
        int[] number = {0};
        jdbc.sql("""
                select id, array_to_string(outline_path, '.'), priority, source_priority from task
                where project_id = ? order by outline_path
                """).param(projectId).query(rs -> {
            long id = rs.getLong(1);
            wbs.put(id, rs.getString(2));
            idNumber.put(id, ++number[0]);
            priority.put(id, LevellingPriority.priority(rs.getString(3), (Integer) rs.getObject(4, Integer.class)));
        });
        jdbc.sql("select id, name, max_units from resource where project_id = ? and kind = 'WORK' order by id")
                .param(projectId)
                .query(rs -> {
                    resourceNames.put(rs.getLong(1), rs.getString(2));
                    maxUnits.put(rs.getLong(1), (int) Math.round(rs.getDouble(3)));
                });
        if (taskIds.isEmpty()) {
            scope.addAll(rows.ids);
        } else {
            for (long id : taskIds) {
                if (rows.indexOf(id) < 0) {
                    throw new InvalidInput("taskIds", "task " + id + " is not a task of project " + key);
                }
                scope.add(id);
            }
        }
        if (rows.size() == 0) {
            return;
        }
        List<Task> withoutDelays = new ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) {
            Task task = current.get(i);
            withoutDelays.add(
                    scope.contains(rows.ids.get(i))
                            ? withAssignmentDelays(task.withLevelingDelay(WorkDuration.ZERO), Map.of())
                            : task);
        }
        unlevelled = schedule(withoutDelays);
        time = calendar.workingTime();
        projectStart = calendar.projectStart();
        build();
        readCapacity();
    }

    /**
     * Each work resource with its days off as levelling counts them: the working time of the project
     * calendar in which the resource's own calendar (its time off, a part-time week, an imported calendar
     * with fewer hours) has no work for it, in working minutes from the origin, up to where levelling can
     * place work. Then each leaf task's work duration: its unlevelled span less the time its resource was
     * away within it (with several resources, the one that worked longest), so that levelling can place the
     * task elsewhere and let it stretch over the absences it meets there instead.
     */
    private void readCapacity() {
        Map<Long, String> calendarOf = new HashMap<>();
        assignments
                .values()
                .forEach(list -> list.forEach(row -> {
                    if (row.calendarKey() != null && calendar.imported().containsKey(row.calendarKey())) {
                        calendarOf.put(row.resourceId(), row.calendarKey());
                    }
                }));
        long reach = 0;
        int latest = 0;
        for (long id : leaves) {
            reach += duration.get(id);
            latest = Math.max(latest, start.get(id));
            for (int lag : predecessors.getOrDefault(id, Map.of()).values()) {
                reach += Math.max(0, lag);
            }
        }
        LocalDate last =
                at((int) Math.min(Integer.MAX_VALUE / 4, latest + reach)).toLocalDate();
        Map<String, List<Absence>> byCalendar = new HashMap<>();
        for (var entry : maxUnits.entrySet()) {
            String key = calendarOf.get(entry.getKey());
            List<Absence> absences = key == null
                    ? List.of()
                    : byCalendar.computeIfAbsent(
                            key, k -> absences(calendar.imported().get(k), last));
            levellingResources.put(
                    entry.getKey(), new LevellingResource(String.valueOf(entry.getKey()), entry.getValue(), absences));
        }
        for (long id : leaves) {
            int span = duration.get(id);
            int begin = start.get(id);
            int work = span;
            boolean any = false;
            for (AssignmentRow row : assignments.getOrDefault(id, List.of())) {
                LevellingResource resource = levellingResources.get(row.resourceId());
                if (resource == null || Math.round(row.units()) <= 0) {
                    continue;
                }
                int own = span - away(resource, begin, begin + span);
                work = any ? Math.max(work, own) : own;
                any = true;
            }
            this.work.put(id, Math.max(0, work));
        }
    }

    /**
     * The project's working time, from the origin's day to {@code last} (or, for a calendar that only adds
     * days off to another, to its last day off), in which {@code own} has less work: a day it has none is
     * away whole, a shorter day away for the hours it lacks, at the day's end.
     */
    private List<Absence> absences(WorkingCalendar own, LocalDate last) {
        LocalDate until = last.plusYears(2);
        if (own.week().isEmpty() && !own.exceptions().isEmpty()) {
            LocalDate lastOff = null;
            boolean recurring = false;
            for (CalendarException exception : own.exceptions()) {
                recurring |= exception.recurrence() != null;
                lastOff = lastOff == null || exception.to().isAfter(lastOff) ? exception.to() : lastOff;
            }
            if (!recurring && lastOff.isBefore(until)) {
                until = lastOff;
            }
        }
        WorkingTime resourceTime = WorkingTime.of(own, calendar.calendars());
        List<Absence> absences = new ArrayList<>();
        // The offset of each day's end, counted on from the first day's start (one pass, not one per day).
        long end = offset(origin.toLocalDate().atStartOfDay());
        for (LocalDate day = origin.toLocalDate(); !day.isAfter(until); day = day.plusDays(1)) {
            LocalDateTime from = day.atStartOfDay();
            LocalDateTime to = from.plusDays(1);
            long projectMinutes = time.workBetween(from, to);
            end += projectMinutes;
            if (projectMinutes == 0 || end >= Integer.MAX_VALUE / 4) {
                continue;
            }
            long missing = projectMinutes - resourceTime.workBetween(from, to);
            if (missing > 0) {
                absences.add(new Absence((int) (end - missing), (int) end));
            }
        }
        return absences;
    }

    /** How much of {@code from}..{@code to} the resource is away. */
    private static int away(LevellingResource resource, int from, int to) {
        int away = 0;
        for (Absence absence : resource.absences()) {
            away += Math.max(0, Math.min(to, absence.end()) - Math.max(from, absence.start()));
        }
        return away;
    }

    /**
     * When the task ends if it starts at {@code at}: when the last of its resources has done its share, each
     * starting {@code held} later (by resource id) where levelling held its assignment back.
     */
    int finishAt(long id, int at, Map<String, Integer> held) {
        int work = this.work.get(id);
        int finish = at + work;
        boolean any = false;
        for (AssignmentRow row : assignments.getOrDefault(id, List.of())) {
            LevellingResource resource = levellingResources.get(row.resourceId());
            if (resource == null || Math.round(row.units()) <= 0) {
                continue;
            }
            int end = resource.finish(at + held.getOrDefault(String.valueOf(row.resourceId()), 0), work);
            finish = any ? Math.max(finish, end) : end;
            any = true;
        }
        return finish;
    }

    /** The first instant from {@code at} on at which one of the task's resources works. */
    int workStartOf(long id, int at) {
        int first = Integer.MAX_VALUE;
        for (AssignmentRow row : assignments.getOrDefault(id, List.of())) {
            LevellingResource resource = levellingResources.get(row.resourceId());
            if (resource != null && Math.round(row.units()) > 0) {
                first = Math.min(first, resource.nextPresence(at));
            }
        }
        return first == Integer.MAX_VALUE || work.get(id) == 0 ? at : first;
    }

    /**
     * The task with its assignments' levelling delays set to {@code delays} (working minutes by resource
     * id), every other assignment starting with the task.
     */
    static Task withAssignmentDelays(Task task, Map<Long, Long> delays) {
        boolean same = true;
        for (org.gantry.engine.Assignment assignment : task.assignments()) {
            long delay = delayOf(delays, assignment.resource());
            same &= delay == Math.round(assignment.delay().value());
        }
        if (same) {
            return task;
        }
        List<org.gantry.engine.Assignment> changed = new ArrayList<>();
        for (org.gantry.engine.Assignment assignment : task.assignments()) {
            long delay = delayOf(delays, assignment.resource());
            changed.add(assignment.withDelay(delay == 0 ? null : WorkDuration.minutes(delay)));
        }
        return task.withAssignments(changed);
    }

    private static long delayOf(Map<Long, Long> delays, String resource) {
        Long id = parse(resource);
        return id == null ? 0 : delays.getOrDefault(id, 0L);
    }

    Schedule schedule(List<Task> tasks) {
        try {
            return Scheduler.schedule(calendar.network(tasks, links));
        } catch (ScheduleException e) {
            throw new Conflict("Cannot level", "The schedule cannot be computed: " + e.getMessage() + ".");
        }
    }

    int offset(LocalDateTime at) {
        long minutes = at.isBefore(origin) ? -time.workBetween(at, origin) : time.workBetween(origin, at);
        return (int) Math.max(Integer.MIN_VALUE / 4, Math.min(Integer.MAX_VALUE / 4, minutes));
    }

    /** The start at working minute {@code offset}: the next working instant from there. */
    LocalDateTime at(int offset) {
        LocalDateTime instant = offset >= 0 ? time.add(origin, offset) : time.subtract(origin, -offset);
        return time.nextWorkStart(instant);
    }

    private void build() {
        Set<Long> summaries = new HashSet<>();
        Map<Long, List<Long>> children = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Long parent = rows.parents.get(i);
            if (parent != null) {
                summaries.add(parent);
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(rows.ids.get(i));
            }
        }
        origin = projectStart;
        for (int i = 0; i < rows.size(); i++) {
            long id = rows.ids.get(i);
            ScheduledTask result = unlevelled.tasks().get(rows.taskIds.get(i));
            if (summaries.contains(id)
                    || !rows.active.get(i)
                    || result == null
                    || result.start() == null
                    || result.finish() == null) {
                continue;
            }
            leaves.add(id);
            if (result.start().isBefore(origin)) {
                origin = result.start();
            }
        }
        leaves.sort(Comparator.comparingInt(id -> idNumber.getOrDefault(id, Integer.MAX_VALUE)));
        for (long id : leaves) {
            int i = rows.indexOf(id);
            ScheduledTask result = unlevelled.tasks().get(rows.taskIds.get(i));
            int begin = offset(result.start());
            start.put(id, begin);
            duration.put(id, Math.max(0, offset(result.finish()) - begin));
            ConstraintType constraint = ConstraintType.valueOf(rows.constraintType.get(i));
            if (!scope.contains(id)) {
                pinned.put(id, "NOT_SELECTED");
            } else if (rows.actualStart.get(i) != null || rows.percent.get(i) > 0) {
                pinned.put(id, "STARTED");
            } else if (rows.manual.get(i) && rows.start.get(i) != null && rows.finish.get(i) != null) {
                pinned.put(id, "MANUAL_TASK");
            } else if (HARD.contains(constraint)) {
                pinned.put(id, "HARD_CONSTRAINT");
            } else if (priority.getOrDefault(id, 500) == LevellableTask.DO_NOT_LEVEL) {
                pinned.put(id, "DO_NOT_LEVEL");
            }
        }
        for (Link link : links) {
            Long from = parse(link.predecessor().value());
            Long to = parse(link.successor().value());
            if (from == null || to == null) {
                continue;
            }
            long lag = Math.round(link.lag().value());
            for (long p : leavesOf(from, children)) {
                for (long s : leavesOf(to, children)) {
                    if (p == s || !start.containsKey(p) || !start.containsKey(s)) {
                        continue;
                    }
                    long finishStartLag =
                            switch (link.type()) {
                                case FINISH_START -> lag;
                                case START_START -> lag - duration.get(p);
                                case FINISH_FINISH -> lag - duration.get(s);
                                case START_FINISH -> lag - duration.get(p) - duration.get(s);
                            };
                    int clamped =
                            (int) Math.max(-Integer.MAX_VALUE / 4, Math.min(Integer.MAX_VALUE / 4, finishStartLag));
                    predecessors.computeIfAbsent(s, k -> new LinkedHashMap<>()).merge(p, clamped, Math::max);
                }
            }
        }
    }

    private static Long parse(String value) {
        return value.matches("\\d{1,18}") ? Long.parseLong(value) : null;
    }

    private static List<Long> leavesOf(long id, Map<Long, List<Long>> children) {
        List<Long> kids = children.get(id);
        if (kids == null) {
            return List.of(id);
        }
        List<Long> leaves = new ArrayList<>();
        for (long child : kids) {
            leaves.addAll(leavesOf(child, children));
        }
        return leaves;
    }

    /**
     * Levels with Project's rules from the unlevelled starts, or (optimising) from the starts the genetic
     * search found, with Project's levelling run after it to repair what the search could not respect
     * (tasks that must not move, links with leads). Returns the delays (elapsed minutes) and dates.
     */
    Outcome level(LevellingOrder order, boolean withinSlack, boolean optimising, boolean adjustAssignments) {
        try {
            return levelOrRefuse(order, withinSlack, optimising, adjustAssignments);
        } catch (IllegalArgumentException e) {
            // The engine checks its input (a cycle through summary links, a value out of range): the plan
            // cannot be levelled as it is, which is the caller's to fix, not a server error.
            throw new Conflict("Cannot level", "The plan cannot be levelled: " + e.getMessage() + ".");
        }
    }

    private Outcome levelOrRefuse(
            LevellingOrder order, boolean withinSlack, boolean optimising, boolean adjustAssignments) {
        Map<Long, Integer> from = optimising ? optimisedStarts() : start;
        List<LevellableTask> tasks = new ArrayList<>(leaves.size());
        for (long id : leaves) {
            int i = rows.indexOf(id);
            String pin = pinned.get(id);
            List<Predecessor> before = new ArrayList<>();
            predecessors
                    .getOrDefault(id, Map.of())
                    .forEach((p, lag) -> before.add(new Predecessor(String.valueOf(p), lag)));
            List<ResourceUse> uses = new ArrayList<>();
            for (AssignmentRow row : assignments.getOrDefault(id, List.of())) {
                if (maxUnits.containsKey(row.resourceId())) {
                    uses.add(new ResourceUse(String.valueOf(row.resourceId()), (int) Math.round(row.units())));
                }
            }
            int slack = (int) Math.max(
                    0,
                    Math.min(
                            Integer.MAX_VALUE / 4,
                            unlevelled.tasks().get(rows.taskIds.get(i)).totalSlackMinutes()));
            // Everything that must stay put is held by a hard constraint in the engine's terms, except a
            // priority of 1000, which still follows its predecessors as in Project.
            int taskPriority = "DO_NOT_LEVEL".equals(pin)
                    ? LevellableTask.DO_NOT_LEVEL
                    : Math.min(999, priority.getOrDefault(id, 500));
            boolean hold = pin != null && !"DO_NOT_LEVEL".equals(pin);
            if ("NOT_SELECTED".equals(pin)) {
                taskPriority = LevellableTask.DO_NOT_LEVEL;
                hold = false;
            }
            tasks.add(new LevellableTask(
                    String.valueOf(id),
                    idNumber.getOrDefault(id, 0),
                    from.get(id),
                    work.get(id),
                    optimising ? Integer.MAX_VALUE / 4 : slack,
                    taskPriority,
                    "MANUAL_TASK".equals(pin),
                    hold && !"MANUAL_TASK".equals(pin),
                    before,
                    uses,
                    // The engine honours an assignment's delay only where assignments drive the span: a
                    // fixed-duration task keeps its dates from its duration, so it is delayed whole.
                    current.get(i).type() != org.gantry.engine.TaskType.FIXED_DURATION));
        }
        List<LevellingResource> resources = new ArrayList<>(levellingResources.values());
        ProjectLevellingResult result;
        try {
            result = ProjectLevelling.level(
                    tasks, resources, new ProjectLevellingOptions(order, withinSlack, adjustAssignments));
        } catch (IllegalArgumentException e) {
            throw new Conflict("Cannot level", "The plan cannot be levelled: " + e.getMessage() + ".");
        }
        Map<Long, Integer> newStart = new HashMap<>(from);
        Map<Long, ProjectLevellingResult.TaskMove> moves = new HashMap<>();
        for (ProjectLevellingResult.TaskMove move : result.moves()) {
            long id = Long.parseLong(move.taskId());
            newStart.put(id, move.newStart());
            moves.put(id, move);
        }
        Map<Long, Long> delays = new HashMap<>();
        for (long id : scope) {
            delays.put(id, 0L);
        }
        Set<Long> optimised = new HashSet<>();
        Map<Long, Map<Long, Long>> assignmentDelays = new HashMap<>();
        for (long id : leaves) {
            if (!scope.contains(id) || pinned.containsKey(id)) {
                continue;
            }
            ProjectLevellingResult.TaskMove adjusted = moves.get(id);
            if (adjusted != null && !adjusted.assignmentDelays().isEmpty()) {
                // Levelling counts in working minutes of the project calendar; the engine counts an
                // assignment's delay on the resource's own calendar, so the time it is away is left out.
                Map<Long, Long> own = new HashMap<>();
                adjusted.assignmentDelays().forEach((resource, delay) -> {
                    LevellingResource levelling = levellingResources.get(Long.parseLong(resource));
                    int taskStart = adjusted.newStart();
                    own.put(Long.parseLong(resource), (long) delay - away(levelling, taskStart, taskStart + delay));
                });
                assignmentDelays.put(id, own);
            }
            int earliest = start.get(id);
            int afterLinks = Integer.MIN_VALUE;
            for (var p : predecessors.getOrDefault(id, Map.of()).entrySet()) {
                // A predecessor whose assignment levelling held back ends when that assignment does.
                ProjectLevellingResult.TaskMove before = moves.get(p.getKey());
                Map<String, Integer> held = before == null ? Map.of() : before.assignmentDelays();
                afterLinks = Math.max(afterLinks, finishAt(p.getKey(), newStart.get(p.getKey()), held) + p.getValue());
            }
            earliest = workStartOf(id, Math.max(earliest, afterLinks));
            int target = newStart.get(id);
            if (target <= earliest) {
                continue;
            }
            ProjectLevellingResult.TaskMove move = moves.get(id);
            if (optimising && (move == null || move.overAllocation() == null)) {
                optimised.add(id);
            }
            // Project counts the delay from the start the links allow (the project start without links).
            LocalDateTime logic = afterLinks == Integer.MIN_VALUE
                    ? time.nextWorkStart(projectStart)
                    : at(Math.max(afterLinks, offset(projectStart)));
            long minutes = Duration.between(logic, at(target)).toMinutes();
            if (minutes > 0) {
                delays.put(id, minutes);
            }
        }
        List<Task> levelled = new ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) {
            Task task = current.get(i);
            long id = rows.ids.get(i);
            Long delay = delays.get(id);
            levelled.add(
                    delay == null
                            ? task
                            : withAssignmentDelays(
                                    task.withLevelingDelay(
                                            delay == 0
                                                    ? WorkDuration.ZERO
                                                    : new WorkDuration(
                                                            delay, org.gantry.engine.DurationUnit.ELAPSED_MINUTES)),
                                    assignmentDelays.getOrDefault(id, Map.of())));
        }
        return new Outcome(delays, assignmentDelays, schedule(levelled), moves, result.unresolved(), optimised);
    }

    /**
     * The starts the optimising search finds, in working minutes: the leaf tasks as a resource-constrained
     * project in a time unit that divides (or, below an hour, rounds up) their durations, each held back
     * to its unlevelled start by a resource-free task, a positive lag made a resource-free task too (leads
     * are left out here and respected by the pass that follows).
     */
    private Map<Long, Integer> optimisedStarts() {
        long unit = 0;
        for (long id : leaves) {
            unit = gcd(unit, duration.get(id));
            unit = gcd(unit, Math.max(0, start.get(id) - offset(origin)));
            for (int lag : predecessors.getOrDefault(id, Map.of()).values()) {
                if (lag > 0) {
                    unit = gcd(unit, lag);
                }
            }
        }
        if (unit < 60) {
            unit = 60;
        }
        List<Long> resourceIds = new ArrayList<>(maxUnits.keySet());
        Map<Long, Integer> resourceIndex = new HashMap<>();
        for (int r = 0; r < resourceIds.size(); r++) {
            resourceIndex.put(resourceIds.get(r), r);
        }
        Map<Long, Integer> index = new HashMap<>();
        for (int k = 0; k < leaves.size(); k++) {
            index.put(leaves.get(k), k);
        }
        List<List<Integer>> successors = new ArrayList<>();
        List<Integer> durations = new ArrayList<>();
        List<List<Integer>> demands = new ArrayList<>();
        List<Integer> capacities = new ArrayList<>();
        for (long id : resourceIds) {
            capacities.add(maxUnits.get(id));
        }
        List<Integer> noDemand = new ArrayList<>();
        for (int r = 0; r < resourceIds.size(); r++) {
            noDemand.add(0);
        }
        for (long id : leaves) {
            successors.add(new ArrayList<>());
            durations.add((int) ((duration.get(id) + unit - 1) / unit));
            List<Integer> demand = new ArrayList<>(noDemand);
            for (AssignmentRow row : assignments.getOrDefault(id, List.of())) {
                Integer r = resourceIndex.get(row.resourceId());
                if (r != null) {
                    int units = (int) Math.round(row.units());
                    demand.set(r, Math.min(capacities.get(r), demand.get(r) + units));
                }
            }
            demands.add(demand);
        }
        Map<Integer, Integer> releaseTask = new HashMap<>();
        for (long id : leaves) {
            int k = index.get(id);
            for (var p : predecessors.getOrDefault(id, Map.of()).entrySet()) {
                int lag = p.getValue();
                int from = index.get(p.getKey());
                if (lag < 0) {
                    continue;
                }
                if (lag == 0) {
                    successors.get(from).add(k);
                } else {
                    int gap = successors.size();
                    successors.add(new ArrayList<>(List.of(k)));
                    durations.add((int) ((lag + unit - 1) / unit));
                    demands.add(noDemand);
                    successors.get(from).add(gap);
                }
            }
            int release = (int) ((start.get(id) - offset(origin)) / unit);
            if (release > 0) {
                Integer holder = releaseTask.get(release);
                if (holder == null) {
                    holder = successors.size();
                    releaseTask.put(release, holder);
                    successors.add(new ArrayList<>());
                    durations.add(release);
                    demands.add(noDemand);
                }
                successors.get(holder).add(k);
            }
        }
        List<LevellingTask> tasks = new ArrayList<>(successors.size());
        for (int k = 0; k < successors.size(); k++) {
            tasks.add(new LevellingTask(
                    durations.get(k), new ArrayList<>(new LinkedHashSet<>(successors.get(k))), demands.get(k)));
        }
        LevelledSchedule found;
        try {
            found = OptimisingLevelling.level(
                    new ResourceConstrainedProject(tasks, capacities),
                    LevellingSettings.defaults().withScheduleLimit(20_000).withTimeLimit(Duration.ofSeconds(2)));
        } catch (IllegalArgumentException e) {
            throw new Conflict("Cannot level", "The plan cannot be levelled: " + e.getMessage() + ".");
        }
        Map<Long, Integer> starts = new HashMap<>();
        for (long id : leaves) {
            long minutes = found.start(index.get(id)) * unit + offset(origin);
            // Tasks levelling must not move keep their place; the pass that follows levels around them.
            starts.put(
                    id,
                    pinned.containsKey(id)
                            ? start.get(id)
                            : (int) Math.max(start.get(id), Math.min(Integer.MAX_VALUE / 4, minutes)));
        }
        return starts;
    }

    private static long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
