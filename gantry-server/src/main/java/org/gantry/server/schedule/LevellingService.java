package org.gantry.server.schedule;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.Link;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduleException;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Scheduler;
import org.gantry.engine.Task;
import org.gantry.engine.WorkDuration;
import org.gantry.engine.WorkingTime;
import org.gantry.engine.levelling.LevellableTask;
import org.gantry.engine.levelling.LevellableTask.Predecessor;
import org.gantry.engine.levelling.LevellableTask.ResourceUse;
import org.gantry.engine.levelling.LevelledSchedule;
import org.gantry.engine.levelling.LevellingOrder;
import org.gantry.engine.levelling.LevellingResource;
import org.gantry.engine.levelling.LevellingSettings;
import org.gantry.engine.levelling.LevellingTask;
import org.gantry.engine.levelling.OptimisingLevelling;
import org.gantry.engine.levelling.ProjectLevelling;
import org.gantry.engine.levelling.ProjectLevellingOptions;
import org.gantry.engine.levelling.ProjectLevellingResult;
import org.gantry.engine.levelling.ResourceConstrainedProject;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.schedule.NetworkMemory.Network;
import org.gantry.server.schedule.ProjectScheduler.AssignmentRow;
import org.gantry.server.schedule.ProjectScheduler.ProjectCalendar;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resource levelling in the server, for owners and managers: a preview computed by the engine and stored
 * nowhere; an apply that stores the levelling delays (as Microsoft Project stores them, so every later
 * reschedule keeps the plan levelled and export carries them) and reschedules; a clear; and an undo of an
 * apply or clear while the plan is still as that left it.
 *
 * <p>The engine's levelling works on whole numbers on one calendar. Here that is working minutes of the
 * project calendar from the earliest start: the tasks' unlevelled dates (the project scheduled with the
 * levelled tasks' delays taken out) give each task's start, duration and total slack; links of every type
 * become finish-to-start links with a lag (the durations are fixed while levelling), links on summary
 * tasks links of their leaf tasks. The delays found are turned back into elapsed minutes from the start
 * the links allow, and the project is scheduled with them to give the dates the preview shows: the same
 * engine run as the reschedule that follows an apply.
 */
@Service
public class LevellingService {

    private static final Set<String> MODES = Set.of("STANDARD", "OPTIMISING");
    private static final Set<ConstraintType> HARD = Set.of(
            ConstraintType.MUST_START_ON,
            ConstraintType.MUST_FINISH_ON,
            ConstraintType.START_NO_LATER_THAN,
            ConstraintType.FINISH_NO_LATER_THAN);
    private static final int MAX_TASK_IDS = 20_000;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ProjectScheduler scheduler;
    private final JsonMapper json = JsonMapper.shared();

    LevellingService(JdbcClient jdbc, ProjectService projects, ProjectScheduler scheduler) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.scheduler = scheduler;
    }

    /** The options as asked, checked (400 naming each bad field). */
    record Options(String mode, LevellingOrder order, boolean withinSlack, List<Long> taskIds) {

        static Options of(LevellingRequest request, InvalidInput.Collector problems) {
            String mode =
                    request.mode() == null ? "STANDARD" : request.mode().strip().toUpperCase(Locale.ROOT);
            if (!MODES.contains(mode)) {
                problems.add("mode", "must be STANDARD or OPTIMISING");
            }
            LevellingOrder order = LevellingOrder.STANDARD;
            if (request.order() != null) {
                try {
                    order = LevellingOrder.valueOf(request.order().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("order", "must be ID_ONLY, STANDARD or PRIORITY_THEN_STANDARD");
                }
            }
            return new Options(
                    mode,
                    order,
                    Boolean.TRUE.equals(request.withinSlack()),
                    checkedTaskIds(request.taskIds(), problems));
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("mode", mode);
            map.put("order", order.name());
            map.put("withinSlack", withinSlack);
            map.put("taskIds", taskIds);
            return map;
        }
    }

    private static List<Long> checkedTaskIds(List<Long> ids, InvalidInput.Collector problems) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_TASK_IDS) {
            problems.add("taskIds", "can name at most " + MAX_TASK_IDS + " tasks");
            return List.of();
        }
        if (ids.stream().anyMatch(id -> id == null)) {
            problems.add("taskIds", "must not contain null");
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    // ----- the API's operations -----

    @Transactional(readOnly = true)
    public LevellingState state(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        return state(access);
    }

    @Transactional(readOnly = true)
    public LevellingPreview preview(CurrentUser user, String projectRef, LevellingRequest request) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var problems = new InvalidInput.Collector();
        Options options = Options.of(request, problems);
        problems.throwIfAny();
        return plan(access, options, false, true).preview;
    }

    /** Levels as previewed: stores the delays, reschedules, records the run for undo. */
    @Transactional
    public LevellingApplied apply(CurrentUser user, String projectRef, LevellingRequest request) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var problems = new InvalidInput.Collector();
        Options options = Options.of(request, problems);
        requireVersion(request.version(), problems);
        problems.throwIfAny();
        checkVersion(access, request.version());
        Plan plan = plan(access, options, false, false);
        return store(user, access, "LEVEL", options.asMap(), plan);
    }

    /** Removes the levelling delays of the given tasks (or all), reschedules, records the run for undo. */
    @Transactional
    public LevellingApplied clear(CurrentUser user, String projectRef, LevellingClear request) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var problems = new InvalidInput.Collector();
        List<Long> ids = checkedTaskIds(request.taskIds(), problems);
        requireVersion(request.version(), problems);
        problems.throwIfAny();
        checkVersion(access, request.version());
        Options options = new Options("CLEAR", LevellingOrder.STANDARD, false, ids);
        Plan plan = plan(access, options, true, false);
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("taskIds", ids);
        return store(user, access, "CLEAR", asked, plan);
    }

    /**
     * Puts back the delays the tasks had before run {@code runId}, while nothing the schedule is computed
     * from changed since (409 otherwise, or when it was undone already).
     */
    @Transactional
    public LevellingState undo(CurrentUser user, String projectRef, long runId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        Object[] run = jdbc.sql("select previous::text, schedule_version, undone_at from levelling_run"
                        + " where id = ? and project_id = ?")
                .params(runId, access.projectId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getTimestamp(3)})
                .optional()
                .orElseThrow(
                        () -> new NotFound("There is no levelling " + runId + " in project " + access.key() + "."));
        if (run[2] != null) {
            throw new Conflict(
                    "Already undone", "Levelling " + runId + " was undone already.", Map.of("current", state(access)));
        }
        if ((Long) run[1] != scheduler.scheduleVersionOf(access.projectId())) {
            throw new Conflict(
                    "Plan changed since",
                    "The plan of project " + access.key() + " changed since levelling " + runId
                            + " was applied; undoing it now could undo that change. Level again or clear"
                            + " levelling instead.",
                    Map.of("current", state(access)));
        }
        List<Long> ids = new ArrayList<>();
        List<Long> minutes = new ArrayList<>();
        List<Boolean> elapsed = new ArrayList<>();
        for (var entry : json.readTree((String) run[0])) {
            ids.add(entry.get(0).asLong());
            minutes.add(entry.get(1).asLong());
            elapsed.add(entry.get(2).asBoolean());
        }
        writeDelays(access.projectId(), ids, minutes, elapsed);
        Rescheduled outcome = scheduler.reschedule(access.projectId());
        RescheduleOnChange.remember(outcome);
        jdbc.sql("update levelling_run set undone_at = now(), version = version + 1 where id = ?")
                .param(runId)
                .update();
        return state(access);
    }

    @Transactional(readOnly = true)
    public TaskLevelling task(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        return readTask(access, taskId);
    }

    /** Sets the task's priority on Project's scale; its priority level follows (so lists and boards agree). */
    @Transactional
    public TaskLevelling changeTask(CurrentUser user, String projectRef, long taskId, TaskLevellingChange change) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        TaskLevelling current = readTask(access, taskId);
        var problems = new InvalidInput.Collector();
        if (change.priority() == null) {
            problems.add("priority", "is required: a number from 0 to 1000 (1000 = do not level)");
        } else if (change.priority() < 0 || change.priority() > LevellableTask.DO_NOT_LEVEL) {
            problems.add("priority", "must be from 0 to 1000 (1000 = do not level)");
        }
        if (change.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        problems.throwIfAny();
        int updated = jdbc.sql("update task set source_priority = ?, priority = ?, updated_at = now(),"
                        + " version = version + 1 where id = ? and project_id = ? and version = ?")
                .params(change.priority(), level(change.priority()), taskId, access.projectId(), change.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Task " + taskId, current);
        }
        return readTask(access, taskId);
    }

    // ----- storing -----

    private LevellingApplied store(
            CurrentUser user, ProjectAccess access, String action, Map<String, Object> asked, Plan plan) {
        long projectId = access.projectId();
        List<Long> ids = new ArrayList<>();
        List<Long> minutes = new ArrayList<>();
        List<Boolean> elapsed = new ArrayList<>();
        List<List<Object>> previous = new ArrayList<>();
        plan.delays.forEach((id, delay) -> {
            long[] before = plan.previous.get(id);
            if (before[0] == delay && (delay == 0 || before[1] == 1)) {
                return;
            }
            ids.add(id);
            minutes.add(delay);
            elapsed.add(true);
            previous.add(List.<Object>of(id, before[0], before[1] == 1));
        });
        writeDelays(projectId, ids, minutes, elapsed);
        Rescheduled outcome = scheduler.reschedule(projectId);
        RescheduleOnChange.remember(outcome);
        long version = scheduler.scheduleVersionOf(projectId);
        LevellingPreview preview = plan.preview;
        long run = jdbc.sql("insert into levelling_run (project_id, applied_by, action, options, previous,"
                        + " tasks_changed, finish_before, finish_after, schedule_version)"
                        + " values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?) returning id")
                .params(
                        projectId,
                        user.id(),
                        action,
                        json.writeValueAsString(asked),
                        json.writeValueAsString(previous),
                        ids.size(),
                        preview.finishBefore(),
                        preview.finishAfter(),
                        version)
                .query(Long.class)
                .single();
        return new LevellingApplied(run, preview, outcome.moved(), version);
    }

    private void writeDelays(long projectId, List<Long> ids, List<Long> minutes, List<Boolean> elapsed) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with u as (select * from unnest(?::bigint[], ?::bigint[], ?::boolean[]) as u(id, minutes, elapsed))
                        update task t set levelling_delay_minutes = u.minutes, levelling_delay_elapsed = u.elapsed,
                               updated_at = now(), version = t.version + 1
                          from u where t.id = u.id and t.project_id = ?
                        """)
                .params(
                        ids.toArray(Long[]::new),
                        minutes.toArray(Long[]::new),
                        elapsed.toArray(Boolean[]::new),
                        projectId)
                .update();
    }

    private static void requireVersion(Long version, InvalidInput.Collector problems) {
        if (version == null) {
            problems.add("version", "is required: send the version the preview showed");
        }
    }

    private void checkVersion(ProjectAccess access, long version) {
        if (scheduler.scheduleVersionOf(access.projectId()) != version) {
            throw new StaleVersion("The plan of project " + access.key(), state(access));
        }
    }

    // ----- reading -----

    private LevellingState state(ProjectAccess access) {
        long projectId = access.projectId();
        long version = scheduler.scheduleVersionOf(projectId);
        List<TaskLevelling> delayed = jdbc.sql(TASK_LEVELLING
                        + " where t.project_id = ? and t.levelling_delay_minutes > 0" + " order by t.outline_path")
                .param(projectId)
                .query((rs, n) -> taskLevelling(rs))
                .list();
        LocalDateTime finish = jdbc.sql("select max(finish_at) from task where project_id = ? and active")
                .param(projectId)
                .query((rs, n) -> rs.getObject(1, LocalDateTime.class))
                .optional()
                .orElse(null);
        List<LevellingState.Run> runs = new ArrayList<>();
        jdbc.sql("select r.id, r.action, r.options ->> 'mode', r.applied_at, u.name, r.tasks_changed,"
                        + " r.finish_before, r.finish_after, r.undone_at, r.schedule_version from levelling_run r"
                        + " left join app_user u on u.id = r.applied_by where r.project_id = ? order by r.id desc"
                        + " limit 20")
                .param(projectId)
                .query(rs -> {
                    Timestamp undone = rs.getTimestamp(9);
                    runs.add(new LevellingState.Run(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getString(5),
                            rs.getInt(6),
                            rs.getObject(7, LocalDateTime.class),
                            rs.getObject(8, LocalDateTime.class),
                            undone == null ? null : undone.toInstant(),
                            undone == null && rs.getLong(10) == version));
                });
        return new LevellingState(version, finish, delayed, runs);
    }

    private static final String TASK_LEVELLING = "select t.id, t.name, t.priority, t.source_priority,"
            + " t.levelling_delay_minutes, t.levelling_delay_elapsed, t.start_at, t.finish_at, t.version from task t";

    private TaskLevelling readTask(ProjectAccess access, long taskId) {
        return jdbc.sql(TASK_LEVELLING + " where t.id = ? and t.project_id = ?")
                .params(taskId, access.projectId())
                .query((rs, n) -> taskLevelling(rs))
                .optional()
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
    }

    private static TaskLevelling taskLevelling(java.sql.ResultSet rs) throws java.sql.SQLException {
        long minutes = rs.getLong(5);
        boolean elapsed = rs.getBoolean(6);
        return new TaskLevelling(
                rs.getLong(1),
                rs.getString(2),
                priority(rs.getString(3), (Integer) rs.getObject(4, Integer.class)),
                minutes,
                elapsed,
                delayText(minutes, elapsed),
                rs.getObject(7, LocalDateTime.class),
                rs.getObject(8, LocalDateTime.class),
                rs.getInt(9));
    }

    /** A delay in words, as Project shows it: "2 edays", "4.5 ehrs"; working time without the "e". */
    static String delayText(long minutes, boolean elapsed) {
        if (minutes == 0) {
            return "0 edays";
        }
        String prefix = elapsed ? "e" : "";
        if (minutes % 1440 == 0 || minutes >= 1440) {
            return number(minutes / 1440.0) + " " + prefix + "days";
        }
        return number(minutes / 60.0) + " " + prefix + "hrs";
    }

    private static String number(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    /**
     * The priority on Project's scale: the imported (or set) number while it falls in the task's level, so a
     * level changed in Gantry wins; otherwise the middle of the level (as the export writes it).
     */
    static int priority(String level, Integer number) {
        if (number != null && level(number).equals(level)) {
            return number;
        }
        return switch (level == null ? "NORMAL" : level) {
            case "LOW" -> 300;
            case "HIGH" -> 700;
            case "CRITICAL" -> 900;
            default -> 500;
        };
    }

    /** Gantry's priority level for a number on Project's scale (as the import maps it). */
    static String level(int number) {
        if (number < 400) {
            return "LOW";
        }
        if (number < 600) {
            return "NORMAL";
        }
        return number < 800 ? "HIGH" : "CRITICAL";
    }

    // ----- computing -----

    /** A levelling computed in memory: the preview, and per task in scope its new and previous delay. */
    private record Plan(LevellingPreview preview, Map<Long, Long> delays, Map<Long, long[]> previous) {}

    /** What a levelling run produced in the engine's units, turned into delays and dates. */
    private record Outcome(
            Map<Long, Long> delays,
            Schedule after,
            Map<Long, ProjectLevellingResult.TaskMove> moves,
            List<ProjectLevellingResult.Unresolved> unresolved,
            Set<Long> optimised) {}

    private Plan plan(ProjectAccess access, Options options, boolean clear, boolean compare) {
        long began = System.nanoTime();
        long projectId = access.projectId();
        long version = scheduler.scheduleVersionOf(projectId);
        Network network = scheduler.levellingNetwork(projectId);
        Model model = new Model(network, jdbc, projectId, access.key(), options.taskIds());
        Map<Long, Long> delays;
        Outcome chosen;
        LocalDateTime standardFinish = null;
        LocalDateTime optimisingFinish = null;
        if (model.rows.size() == 0) {
            chosen = null;
            delays = Map.of();
        } else if (clear) {
            delays = new HashMap<>();
            for (long id : model.scope) {
                delays.put(id, 0L);
            }
            chosen = new Outcome(delays, model.unlevelled, Map.of(), List.of(), Set.of());
        } else {
            // The preview shows both modes' finishes side by side; an apply computes only the chosen one.
            boolean optimisingMode = options.mode().equals("OPTIMISING");
            Outcome standard =
                    compare || !optimisingMode ? model.level(options.order(), options.withinSlack(), false) : null;
            Outcome optimising = compare || optimisingMode ? model.level(options.order(), false, true) : null;
            standardFinish = standard == null ? null : finish(model, standard.after);
            optimisingFinish = optimising == null ? null : finish(model, optimising.after);
            chosen = optimisingMode ? optimising : standard;
            delays = chosen.delays;
        }
        Map<Long, long[]> previous = new HashMap<>();
        for (long id : delays.keySet()) {
            int i = model.rows.indexOf(id);
            previous.put(
                    id, new long[] {model.rows.levellingDelay.get(i), model.rows.levellingDelayElapsed.get(i) ? 1 : 0});
        }
        LevellingPreview preview = model.preview(options, version, chosen, standardFinish, optimisingFinish, began);
        return new Plan(preview, delays, previous);
    }

    private static LocalDateTime finish(Model model, Schedule schedule) {
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

    /**
     * The project as levelling sees it: the stored rows, the unlevelled schedule (levelled tasks without
     * their delays), and for each leaf task its place in working minutes, links, resources and what keeps
     * it where it is.
     */
    private static final class Model {
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
        final Map<Long, Integer> duration = new HashMap<>();
        final Map<Long, Map<Long, Integer>> predecessors = new HashMap<>();
        final Map<Long, String> pinned = new HashMap<>();
        final Map<Long, List<AssignmentRow>> assignments;

        Model(Network network, JdbcClient jdbc, long projectId, String key, List<Long> taskIds) {
            rows = network.rows;
            calendar = network.calendar;
            links = new ArrayList<>(network.links.values());
            assignments = network.assignments;
            current = rows.size() == 0 ? List.of() : rows.engineTasks(calendar, network.assignments);
            int[] number = {0};
            jdbc.sql("select id, array_to_string(outline_path, '.'), priority, source_priority from task"
                            + " where project_id = ? order by outline_path")
                    .param(projectId)
                    .query(rs -> {
                        long id = rs.getLong(1);
                        wbs.put(id, rs.getString(2));
                        idNumber.put(id, ++number[0]);
                        priority.put(id, priority(rs.getString(3), (Integer) rs.getObject(4, Integer.class)));
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
                withoutDelays.add(scope.contains(rows.ids.get(i)) ? task.withLevelingDelay(WorkDuration.ZERO) : task);
            }
            unlevelled = schedule(withoutDelays);
            time = calendar.workingTime();
            projectStart = calendar.projectStart();
            build();
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
                        predecessors
                                .computeIfAbsent(s, k -> new LinkedHashMap<>())
                                .merge(p, clamped, Math::max);
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
        Outcome level(LevellingOrder order, boolean withinSlack, boolean optimising) {
            try {
                return levelOrRefuse(order, withinSlack, optimising);
            } catch (IllegalArgumentException e) {
                // The engine checks its input (a cycle through summary links, a value out of range): the plan
                // cannot be levelled as it is, which is the caller's to fix, not a server error.
                throw new Conflict("Cannot level", "The plan cannot be levelled: " + e.getMessage() + ".");
            }
        }

        private Outcome levelOrRefuse(LevellingOrder order, boolean withinSlack, boolean optimising) {
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
                        duration.get(id),
                        optimising ? Integer.MAX_VALUE / 4 : slack,
                        taskPriority,
                        "MANUAL_TASK".equals(pin),
                        hold && !"MANUAL_TASK".equals(pin),
                        before,
                        uses));
            }
            List<LevellingResource> resources = new ArrayList<>();
            maxUnits.forEach((id, units) -> resources.add(new LevellingResource(String.valueOf(id), units)));
            ProjectLevellingResult result;
            try {
                result = ProjectLevelling.level(tasks, resources, new ProjectLevellingOptions(order, withinSlack));
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
            for (long id : leaves) {
                if (!scope.contains(id) || pinned.containsKey(id)) {
                    continue;
                }
                int earliest = start.get(id);
                int afterLinks = Integer.MIN_VALUE;
                for (var p : predecessors.getOrDefault(id, Map.of()).entrySet()) {
                    afterLinks =
                            Math.max(afterLinks, newStart.get(p.getKey()) + duration.get(p.getKey()) + p.getValue());
                }
                earliest = Math.max(earliest, afterLinks);
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
                Long delay = delays.get(rows.ids.get(i));
                levelled.add(
                        delay == null
                                ? task
                                : task.withLevelingDelay(
                                        delay == 0
                                                ? WorkDuration.ZERO
                                                : new WorkDuration(
                                                        delay, org.gantry.engine.DurationUnit.ELAPSED_MINUTES)));
            }
            return new Outcome(delays, schedule(levelled), moves, result.unresolved(), optimised);
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

        LevellingPreview preview(
                Options options,
                long version,
                Outcome outcome,
                LocalDateTime standardFinish,
                LocalDateTime optimisingFinish,
                long began) {
            List<LevellingPreview.Move> moves = new ArrayList<>();
            List<LevellingPreview.Unresolved> unresolved = new ArrayList<>();
            LocalDateTime before = null;
            for (int i = 0; i < rows.size(); i++) {
                LocalDateTime finish = rows.finish.get(i);
                if (rows.active.get(i) && finish != null && (before == null || finish.isAfter(before))) {
                    before = finish;
                }
            }
            LocalDateTime after = before;
            if (outcome != null) {
                after = LevellingService.finish(this, outcome.after);
                for (long id : leaves) {
                    int i = rows.indexOf(id);
                    ScheduledTask result = outcome.after.tasks().get(rows.taskIds.get(i));
                    LocalDateTime oldStart = rows.start.get(i);
                    LocalDateTime oldFinish = rows.finish.get(i);
                    if (result == null
                            || (java.util.Objects.equals(oldStart, result.start())
                                    && java.util.Objects.equals(oldFinish, result.finish()))) {
                        continue;
                    }
                    long shift = oldStart == null || result.start() == null
                            ? 0
                            : result.start().isBefore(oldStart)
                                    ? -time.workBetween(result.start(), oldStart)
                                    : time.workBetween(oldStart, result.start());
                    long delay = outcome.delays.getOrDefault(id, rows.levellingDelay.get(i));
                    ProjectLevellingResult.TaskMove move = outcome.moves.get(id);
                    String cause;
                    Long resource = null;
                    List<Long> competing = List.of();
                    Long predecessor = null;
                    String reason;
                    if (move != null && move.overAllocation() != null && delay > 0) {
                        var conflict = move.overAllocation();
                        cause = "RESOURCE";
                        resource = Long.parseLong(conflict.resourceId());
                        competing = ids(conflict.competingTasks());
                        reason = resourceNames.get(resource) + " is over-allocated at " + text(at(conflict.at()))
                                + " (" + conflict.units() + " % of " + conflict.maxUnits() + " %) with "
                                + names(competing) + "; levelling delays this task by "
                                + delayText(delay, true) + ".";
                    } else if (outcome.optimised.contains(id) && delay > 0) {
                        cause = "OPTIMISED";
                        reason = "The optimising mode starts it later, by a levelling delay of "
                                + delayText(delay, true) + ", for a shorter project finish.";
                    } else if (move != null && move.delayedPredecessor() != null) {
                        cause = "PREDECESSOR";
                        predecessor = Long.parseLong(move.delayedPredecessor());
                        reason = "Follows " + rows.name(predecessor) + ", which levelling delayed.";
                    } else if (delay == 0 && rows.levellingDelay.get(i) > 0) {
                        cause = "CLEARED";
                        reason = "Its levelling delay of "
                                + delayText(rows.levellingDelay.get(i), rows.levellingDelayElapsed.get(i))
                                + " is removed.";
                    } else {
                        cause = "PREDECESSOR";
                        reason = "Moves with the tasks it depends on.";
                    }
                    moves.add(new LevellingPreview.Move(
                            id,
                            wbs.get(id),
                            rows.name(id),
                            oldStart,
                            oldFinish,
                            result.start(),
                            result.finish(),
                            shift,
                            delay,
                            cause,
                            resource,
                            resource == null ? null : resourceNames.get(resource),
                            competing,
                            predecessor,
                            reason));
                }
                for (ProjectLevellingResult.Unresolved left : outcome.unresolved) {
                    long id = Long.parseLong(left.taskId());
                    var conflict = left.overAllocation();
                    String cause = pinned.getOrDefault(id, left.reason().name());
                    if (left.reason() == ProjectLevellingResult.Reason.NOT_ENOUGH_SLACK
                            || left.reason() == ProjectLevellingResult.Reason.EXCEEDS_MAXIMUM_UNITS) {
                        cause = left.reason().name();
                    }
                    long resource = Long.parseLong(conflict.resourceId());
                    List<Long> competing = ids(conflict.competingTasks());
                    unresolved.add(new LevellingPreview.Unresolved(
                            id,
                            wbs.get(id),
                            rows.name(id),
                            resource,
                            resourceNames.get(resource),
                            at(conflict.at()),
                            conflict.units(),
                            conflict.maxUnits(),
                            competing,
                            cause,
                            resourceNames.get(resource) + " would hold " + conflict.units() + " % of "
                                    + conflict.maxUnits() + " % at " + text(at(conflict.at())) + " with "
                                    + names(competing) + "; " + because(cause)));
                }
            }
            moves.sort(Comparator.comparingInt(move -> idNumber.getOrDefault(move.taskId(), 0)));
            long shift = before == null || after == null
                    ? 0
                    : after.isBefore(before) ? -time.workBetween(after, before) : time.workBetween(before, after);
            return new LevellingPreview(
                    options.mode(),
                    options.order().name(),
                    options.withinSlack(),
                    options.taskIds(),
                    version,
                    before,
                    after,
                    standardFinish,
                    optimisingFinish,
                    shift,
                    moves,
                    unresolved,
                    Math.round((System.nanoTime() - began) / 1_000_000.0));
        }

        private List<Long> ids(List<String> taskIds) {
            return taskIds.stream().map(Long::parseLong).toList();
        }

        private String names(List<Long> ids) {
            return String.join(", ", ids.stream().map(rows::name).toList());
        }

        private static String text(LocalDateTime at) {
            return at.toLocalDate() + " " + at.toLocalTime();
        }

        private static String because(String cause) {
            return switch (cause) {
                case "DO_NOT_LEVEL" -> "the task has priority 1000 (do not level).";
                case "HARD_CONSTRAINT" -> "a must-start/finish-on or no-later-than constraint holds the task.";
                case "MANUAL_TASK" -> "the task is manually scheduled and keeps its dates.";
                case "NOT_ENOUGH_SLACK" -> "levelling within slack only, and the task has too little slack.";
                case "EXCEEDS_MAXIMUM_UNITS" -> "the task alone needs more than the resource's maximum units.";
                case "STARTED" -> "the task has started; levelling does not move work in progress.";
                case "NOT_SELECTED" -> "the task is not among the tasks being levelled.";
                default -> "levelling could not move it.";
            };
        }
    }
}
