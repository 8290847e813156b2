package org.gantry.server.board;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.ScheduleException;
import org.gantry.server.board.SprintRows.Member;
import org.gantry.server.board.SprintRows.Scope;
import org.gantry.server.board.SprintRows.SprintRow;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectLock;
import org.gantry.server.project.ProjectService;
import org.gantry.server.schedule.ProjectScheduler;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sprints and the backlog (their charts are {@link SprintCharts}, the flow charts {@link FlowMeasures}). Reading needs
 * any role; planning (moving a task between the backlog and the sprints, ranking) {@link Permission#EDIT_TASKS}, like moving a card; creating, changing,
 * starting and completing sprints {@link Permission#MANAGE_TASKS}. Writes take the project's advisory
 * lock, like the board's ranks. A sprint's committed points and scope come from the activity log
 * ({@link TaskHistory}) and its membership rows ({@link SprintRows}), never stored.
 */
@Service
public class SprintService {

    static final int MAXIMUM_NAME = 200;
    static final int MAXIMUM_GOAL = 2000;
    /** A sprint longer than this (ten years) has no capacity computed. */
    static final int MAXIMUM_CAPACITY_DAYS = 3660;

    private static final String LEAF = "not exists (select 1 from task c where c.parent_id = t.id)";

    private final JdbcClient jdbc;
    private final ProjectLock projectLock;
    private final ProjectService projects;
    private final Clock clock;
    private final ProjectScheduler scheduler;
    private final SprintRows rows;
    private final SprintCharts charts;

    SprintService(
            JdbcClient jdbc,
            ProjectService projects,
            Clock clock,
            ProjectScheduler scheduler,
            ProjectLock projectLock,
            SprintRows rows,
            SprintCharts charts) {
        this.rows = rows;
        this.charts = charts;
        this.projectLock = projectLock;
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    // ----- reading -----

    /** The project's sprints: the active one, the planned ones by start date, then the closed ones, latest first. */
    @Transactional(readOnly = true)
    public List<Sprint> sprints(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        List<SprintRow> rows = jdbc.sql("select " + SprintRows.COLUMNS + " from sprint where project_id = ?"
                        + " order by case state when 'ACTIVE' then 0 when 'PLANNED' then 1 else 2 end,"
                        + " case when state = 'CLOSED' then completed_at end desc, start_date nulls last, id")
                .param(access.projectId())
                .query(SprintRows::sprintRow)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        TaskHistory history = TaskHistory.of(jdbc, access.projectId());
        List<Sprint> sprints = new ArrayList<>();
        for (SprintRow row : rows) {
            sprints.add(view(access, row, history));
        }
        return sprints;
    }

    @Transactional(readOnly = true)
    public Sprint sprint(CurrentUser user, String projectRef, long sprintId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return view(access, rows.row(access, sprintId), TaskHistory.of(jdbc, access.projectId()));
    }

    /** The ranked backlog with its points and the average velocity of the last six closed sprints. */
    @Transactional(readOnly = true)
    public Backlog backlog(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        List<BacklogItem> items = backlogItems(access);
        BigDecimal points = items.stream()
                .map(item -> item.storyPoints() == null ? BigDecimal.ZERO : item.storyPoints())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Backlog(
                access.key(), plain(points), charts.velocity(access, 6).averageCompleted(), items);
    }

    // ----- writing sprints -----

    @Transactional
    public Sprint create(CurrentUser user, String projectRef, NewSprint body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.MANAGE_TASKS);
        var problems = new InvalidInput.Collector();
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty()) {
            problems.add("name", "is required");
        }
        text("name", name, MAXIMUM_NAME, problems);
        String goal = body.goal() == null ? "" : body.goal().strip();
        text("goal", goal, MAXIMUM_GOAL, problems);
        checkDates(body.startDate(), body.endDate(), problems);
        checkMilestone(access, body.milestoneId(), problems);
        problems.throwIfAny();
        lock(access);
        long id = jdbc.sql("""
                insert into sprint (project_id, name, goal, start_date, end_date, milestone_id)
                values (?, ?, ?, ?, ?, ?) returning id
                """)
                .params(access.projectId(), name, goal, body.startDate(), body.endDate(), body.milestoneId())
                .query(Long.class)
                .single();
        return view(access, rows.row(access, id), TaskHistory.of(jdbc, access.projectId()));
    }

    @Transactional
    public Sprint update(CurrentUser user, String projectRef, long sprintId, SprintChanges changes) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.MANAGE_TASKS);
        lock(access);
        SprintRow current = rows.row(access, sprintId);
        var problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        Set<String> clear = Set.copyOf(
                changes.clear() == null
                        ? List.of()
                        : changes.clear().stream()
                                .map(field -> field == null ? "" : field)
                                .toList());
        for (String field : clear) {
            if (!List.of("goal", "startDate", "endDate", "milestoneId").contains(field)) {
                problems.add("clear", "names fields to empty: goal, startDate, endDate, milestoneId");
                break;
            }
        }
        String name = changes.name() == null ? current.name() : changes.name().strip();
        if (name.isEmpty()) {
            problems.add("name", "must not be empty");
        }
        text("name", name, MAXIMUM_NAME, problems);
        String goal = clear.contains("goal")
                ? ""
                : changes.goal() == null ? current.goal() : changes.goal().strip();
        text("goal", goal, MAXIMUM_GOAL, problems);
        LocalDate start = clear.contains("startDate")
                ? null
                : changes.startDate() == null ? current.startDate() : changes.startDate();
        LocalDate end =
                clear.contains("endDate") ? null : changes.endDate() == null ? current.endDate() : changes.endDate();
        checkDates(start, end, problems);
        if (current.state() != SprintState.PLANNED && (start == null || end == null)) {
            problems.add(start == null ? "startDate" : "endDate", "is required once the sprint has started");
        }
        Long milestone = clear.contains("milestoneId")
                ? null
                : changes.milestoneId() == null ? current.milestoneId() : changes.milestoneId();
        checkMilestone(access, changes.milestoneId(), problems);
        problems.throwIfAny();
        if (current.version() != changes.version()) {
            throw new StaleVersion("The sprint " + current.name(), view(access, current));
        }
        if (current.state() == SprintState.CLOSED
                && (!java.util.Objects.equals(start, current.startDate())
                        || !java.util.Objects.equals(end, current.endDate()))) {
            throw new Conflict(
                    "Sprint closed",
                    "The sprint " + current.name() + " is closed: its dates are history and cannot change.",
                    Map.of("current", view(access, current)));
        }
        jdbc.sql("""
                update sprint set name = ?, goal = ?, start_date = ?, end_date = ?, milestone_id = ?,
                version = version + 1 where id = ? and version = ?
                """)
                .params(name, goal, start, end, milestone, sprintId, changes.version())
                .update();
        return view(access, rows.row(access, sprintId));
    }

    /** Removes a planned sprint; its tasks go back to the backlog. Started sprints are history: 409. */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long sprintId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.MANAGE_TASKS);
        lock(access);
        SprintRow current = rows.row(access, sprintId);
        if (current.state() != SprintState.PLANNED) {
            throw new Conflict(
                    "Sprint started",
                    "The sprint " + current.name() + " is "
                            + current.state().name().toLowerCase(Locale.ROOT)
                            + ": only a planned sprint can be removed.",
                    Map.of("current", view(access, current)));
        }
        jdbc.sql("delete from sprint where id = ?").param(sprintId).update();
    }

    /**
     * Starts a planned sprint: what it holds now is its commitment. Without a start date it starts today
     * (project time zone); the end date is required. 409 when another sprint of the project is active.
     */
    @Transactional
    public Sprint start(CurrentUser user, String projectRef, long sprintId, SprintStart body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.MANAGE_TASKS);
        lock(access);
        SprintRow current = rows.row(access, sprintId);
        var problems = new InvalidInput.Collector();
        if (body == null || body.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        problems.throwIfAny();
        if (current.version() != body.version()) {
            throw new StaleVersion("The sprint " + current.name(), view(access, current));
        }
        if (current.state() != SprintState.PLANNED) {
            throw new Conflict(
                    "Sprint not planned",
                    "The sprint " + current.name() + " is already "
                            + current.state().name().toLowerCase(Locale.ROOT) + "; only a planned sprint can start.",
                    Map.of("current", view(access, current)));
        }
        String active = jdbc.sql("select name from sprint where project_id = ? and state = 'ACTIVE'")
                .param(access.projectId())
                .query(String.class)
                .optional()
                .orElse(null);
        if (active != null) {
            throw new Conflict(
                    "Another sprint is active",
                    "The sprint " + active + " is active; complete it before starting " + current.name() + ".",
                    Map.of("current", view(access, current)));
        }
        Instant now = clock.instant();
        LocalDate start =
                current.startDate() == null ? LocalDate.ofInstant(now, access.timeZone()) : current.startDate();
        if (current.endDate() == null) {
            throw new InvalidInput("endDate", "is required to start the sprint: set the sprint's end date first");
        }
        if (current.endDate().isBefore(start)) {
            throw new InvalidInput("endDate", "must not be before the start date " + start);
        }
        jdbc.sql("""
                update sprint set state = 'ACTIVE', start_date = ?, started_at = ?, version = version + 1
                where id = ?
                """).params(start, Timestamp.from(now), sprintId).update();
        jdbc.sql("update sprint_task set committed = true where sprint_id = ? and outcome is null")
                .param(sprintId)
                .update();
        return view(access, rows.row(access, sprintId));
    }

    /**
     * Completes the active sprint: each task in it is recorded DONE or NOT_DONE by its status now; the
     * unfinished ones go to the top of the backlog or to the end of a planned sprint.
     */
    @Transactional
    public Sprint complete(CurrentUser user, String projectRef, long sprintId, SprintCompletion body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.MANAGE_TASKS);
        lock(access);
        SprintRow current = rows.row(access, sprintId);
        var problems = new InvalidInput.Collector();
        if (body == null || body.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String to = body == null || body.unfinishedTo() == null
                ? ""
                : body.unfinishedTo().strip().toUpperCase(Locale.ROOT);
        if (!to.equals("BACKLOG") && !to.equals("SPRINT")) {
            problems.add("unfinishedTo", "must be BACKLOG or SPRINT (with nextSprintId)");
        }
        SprintRow next = null;
        if (to.equals("SPRINT")) {
            if (body.nextSprintId() == null) {
                problems.add("nextSprintId", "is required when unfinished work goes to a sprint");
            } else {
                next = rows.optionalRow(access, body.nextSprintId());
                if (next == null || next.state() != SprintState.PLANNED || next.id() == sprintId) {
                    problems.add("nextSprintId", "must be a planned sprint of this project");
                }
            }
        }
        problems.throwIfAny();
        if (current.version() != body.version()) {
            throw new StaleVersion("The sprint " + current.name(), view(access, current));
        }
        if (current.state() != SprintState.ACTIVE) {
            throw new Conflict(
                    "Sprint not active",
                    "The sprint " + current.name() + " is "
                            + current.state().name().toLowerCase(Locale.ROOT)
                            + "; only the active sprint can be completed.",
                    Map.of("current", view(access, current)));
        }
        Instant now = clock.instant();
        List<Long> unfinished = jdbc.sql("""
                select st.task_id from sprint_task st join task t on t.id = st.task_id
                join task_status s on s.project_id = t.project_id and s.status_key = t.status
                where st.sprint_id = ? and st.outcome is null and s.category <> 'DONE'
                order by st.rank, st.task_id
                """).param(sprintId).query(Long.class).list();
        jdbc.sql("""
                update sprint_task st set outcome = case when s.category = 'DONE' then 'DONE' else 'NOT_DONE' end
                from task t join task_status s on s.project_id = t.project_id and s.status_key = t.status
                where st.sprint_id = ? and st.outcome is null and t.id = st.task_id
                """).param(sprintId).update();
        jdbc.sql("update sprint set state = 'CLOSED', completed_at = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(now), sprintId)
                .update();
        if (!unfinished.isEmpty()) {
            if (next != null) {
                long rank = jdbc.sql("select coalesce(max(rank), 0) from sprint_task where sprint_id = ?")
                        .param(next.id())
                        .query(Long.class)
                        .single();
                for (long task : unfinished) {
                    rank += Ranks.GAP;
                    jdbc.sql("""
                            insert into sprint_task (sprint_id, task_id, project_id, rank, added_at)
                            values (?, ?, ?, ?, ?)
                            """)
                            .params(next.id(), task, access.projectId(), rank, Timestamp.from(now))
                            .update();
                }
            } else {
                List<Long> order = new ArrayList<>(unfinished);
                for (BacklogItem item : backlogItems(access)) {
                    if (!unfinished.contains(item.taskId())) {
                        order.add(item.taskId());
                    }
                }
                renumberBacklog(access, order);
            }
        }
        return view(access, rows.row(access, sprintId));
    }

    // ----- planning -----

    /**
     * Puts a leaf task into a sprint or the backlog at a place. Leaving an active sprint records the task
     * as removed there (scope removed on the burndown); leaving a planned one just drops it. The task's
     * version is claimed, like a card move within a column.
     */
    @Transactional
    public Object plan(CurrentUser user, String projectRef, long taskId, PlanMove move) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        var problems = new InvalidInput.Collector();
        if (move.version() == null) {
            problems.add("version", "is required: send the task's version you last read");
        }
        if (move.position() != null && move.position() < 1) {
            problems.add("position", "must be 1 or more");
        }
        lock(access);
        SprintRow target = null;
        if (move.sprintId() != null) {
            target = rows.optionalRow(access, move.sprintId());
            if (target == null) {
                problems.add("sprintId", "is not a sprint of this project (null: the backlog)");
            }
        }
        TaskRow task = taskRow(access, taskId);
        problems.throwIfAny();
        if (task.summary()) {
            throw new Conflict(
                    "Not a backlog item",
                    "Task " + task.wbs() + " is a summary task: its subtasks are planned, not it.");
        }
        if (target != null && target.state() == SprintState.CLOSED) {
            throw new Conflict(
                    "Sprint closed",
                    "The sprint " + target.name() + " is closed; plan the task into an open sprint or the backlog.",
                    Map.of("current", view(access, target)));
        }
        int claimed = jdbc.sql("update task set version = version + 1, updated_at = now() where id = ? and version = ?")
                .params(taskId, move.version())
                .update();
        if (claimed == 0) {
            throw new StaleVersion("Task " + taskId, item(access, taskId));
        }
        Instant now = clock.instant();
        Long from = jdbc.sql("select sprint_id from sprint_task where task_id = ? and outcome is null")
                .param(taskId)
                .query(Long.class)
                .optional()
                .orElse(null);
        boolean sameSprint = target != null && from != null && from == target.id();
        if (from != null && !sameSprint) {
            SprintRow left = rows.row(access, from);
            if (left.state() == SprintState.ACTIVE) {
                jdbc.sql(
                                "update sprint_task set outcome = 'REMOVED', removed_at = ? where sprint_id = ? and task_id = ?")
                        .params(Timestamp.from(now), from, taskId)
                        .update();
            } else {
                jdbc.sql("delete from sprint_task where sprint_id = ? and task_id = ?")
                        .params(from, taskId)
                        .update();
            }
        }
        if (target == null) {
            List<Long> order = new ArrayList<>();
            List<long[]> others = new ArrayList<>();
            for (long[] ranked : backlogRanks(access)) {
                if (ranked[0] != taskId) {
                    others.add(ranked);
                    order.add(ranked[0]);
                }
            }
            int index = Ranks.index(others.size(), move.position());
            Long rank = Ranks.between(others, index);
            if (rank == null) {
                order.add(index, taskId);
                renumberBacklog(access, order);
            } else {
                jdbc.sql("""
                        insert into backlog_rank (task_id, project_id, rank) values (?, ?, ?)
                        on conflict (task_id) do update set rank = excluded.rank
                        """).params(taskId, access.projectId(), rank).update();
            }
            return item(access, taskId);
        }
        if (!sameSprint) {
            // A task that was in this sprint before (taken out mid-sprint) comes back as a new addition.
            jdbc.sql("delete from sprint_task where sprint_id = ? and task_id = ?")
                    .params(target.id(), taskId)
                    .update();
            jdbc.sql("insert into sprint_task (sprint_id, task_id, project_id, rank, added_at) values (?, ?, ?, 0, ?)")
                    .params(target.id(), taskId, access.projectId(), Timestamp.from(now))
                    .update();
        }
        List<long[]> others = jdbc.sql("""
                select task_id, rank from sprint_task where sprint_id = ? and outcome is null
                and task_id <> ? order by rank, task_id
                """)
                .params(target.id(), taskId)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        int index = Ranks.index(others.size(), move.position());
        Long rank = Ranks.between(others, index);
        if (rank != null) {
            jdbc.sql("update sprint_task set rank = ? where sprint_id = ? and task_id = ?")
                    .params(rank, target.id(), taskId)
                    .update();
        } else {
            List<Long> order = new ArrayList<>();
            others.forEach(other -> order.add(other[0]));
            order.add(index, taskId);
            renumber("sprint_task", "task_id", " and sprint_id = " + target.id(), order);
        }
        return view(access, rows.row(access, target.id()));
    }

    // ----- parts -----

    private record TaskRow(long id, String wbs, boolean summary) {}

    private Sprint view(ProjectAccess access, SprintRow row) {
        return view(access, row, TaskHistory.of(jdbc, access.projectId()));
    }

    private Sprint view(ProjectAccess access, SprintRow row, TaskHistory history) {
        List<SprintTask> tasks = jdbc.sql("""
                select st.task_id, array_to_string(t.outline_path, '.') as wbs, t.name,
                t.status, s.category, t.story_points, st.committed, st.outcome, t.version
                from sprint_task st join task t on t.id = st.task_id
                join task_status s on s.project_id = t.project_id and s.status_key = t.status
                where st.sprint_id = ? order by st.outcome nulls first, st.rank, st.task_id
                """)
                .param(row.id())
                .query((rs, n) -> new SprintTask(
                        rs.getLong("task_id"),
                        rs.getString("wbs"),
                        rs.getString("name"),
                        rs.getString("status"),
                        "DONE".equals(rs.getString("category")),
                        plain(rs.getBigDecimal("story_points")),
                        rs.getBoolean("committed"),
                        rs.getString("outcome"),
                        rs.getInt("version")))
                .list();
        BigDecimal committed;
        BigDecimal points;
        BigDecimal done;
        if (row.state() == SprintState.PLANNED) {
            points = BigDecimal.ZERO;
            done = BigDecimal.ZERO;
            for (SprintTask task : tasks) {
                BigDecimal value = task.storyPoints() == null ? BigDecimal.ZERO : task.storyPoints();
                points = points.add(value);
                if (task.done()) {
                    done = done.add(value);
                }
            }
            committed = points;
        } else {
            List<Member> members = rows.members(row.id());
            committed = SprintRows.committedPoints(row, members, history);
            Scope scope =
                    SprintRows.scope(members, history, row.completedAt() == null ? clock.instant() : row.completedAt());
            points = scope.total();
            done = scope.done();
        }
        Capacity capacity = capacity(access, row);
        return new Sprint(
                row.id(),
                row.name(),
                row.goal(),
                row.startDate(),
                row.endDate(),
                row.state(),
                row.milestoneId(),
                row.startedAt(),
                row.completedAt(),
                plain(committed),
                plain(points),
                plain(done),
                row.version(),
                tasks,
                capacity.total(),
                capacity.work(),
                capacity.total() != null
                        && capacity.work() != null
                        && capacity.work().compareTo(capacity.total()) > 0,
                capacity.people());
    }

    private record Capacity(BigDecimal total, BigDecimal work, List<Sprint.PersonCapacity> people) {}

    private record Person(long userId, long resourceId, String name, String calendarKey, BigDecimal maxUnits) {}

    /**
     * The team's capacity in a sprint's dates (see {@link Sprint}) and the planned work of its tasks: the
     * assignments of work resources on the tasks in it (taken out mid-sprint: no longer counted).
     */
    private Capacity capacity(ProjectAccess access, SprintRow row) {
        long workMinutes = jdbc.sql("""
                select coalesce(sum(a.work_minutes), 0) from sprint_task st
                join assignment a on a.task_id = st.task_id
                join resource r on r.id = a.resource_id and r.kind = 'WORK'
                where st.sprint_id = ? and st.removed_at is null
                """).param(row.id()).query(Long.class).single();
        BigDecimal work = workMinutes == 0 ? null : hours(BigDecimal.valueOf(workMinutes));
        if (row.startDate() == null || row.endDate() == null) {
            return new Capacity(null, work, List.of());
        }
        List<Person> people = jdbc.sql("""
                select m.user_id, r.id, r.name, r.calendar_key, r.max_units from resource r
                join project_member m on m.project_id = r.project_id and m.user_id = r.user_id
                where r.project_id = ? and r.kind = 'WORK' order by lower(r.name), r.id
                """)
                .param(access.projectId())
                .query((rs, n) ->
                        new Person(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)))
                .list();
        if (ChronoUnit.DAYS.between(row.startDate(), row.endDate()) >= MAXIMUM_CAPACITY_DAYS) {
            return new Capacity(null, work, List.of()); // not a time box; the engine's calendars stop at 200 years
        }
        List<Long> minutes;
        try {
            minutes = scheduler.workingMinutes(
                    access.projectId(),
                    people.stream().map(Person::calendarKey).toList(),
                    row.startDate(),
                    row.endDate());
        } catch (ScheduleException e) {
            return new Capacity(null, work, List.of()); // a calendar without working time in reach
        }
        BigDecimal total = BigDecimal.ZERO;
        List<Sprint.PersonCapacity> capacity = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            BigDecimal working = BigDecimal.valueOf(minutes.get(i));
            BigDecimal available = hours(working.multiply(person.maxUnits()).divide(BigDecimal.valueOf(100)));
            total = total.add(available);
            capacity.add(new Sprint.PersonCapacity(
                    person.userId(),
                    person.resourceId(),
                    person.name(),
                    person.calendarKey(),
                    plain(person.maxUnits()),
                    hours(working),
                    available));
        }
        return new Capacity(plain(total), work, capacity);
    }

    /** Minutes as hours, to 0.01. */
    private static BigDecimal hours(BigDecimal minutes) {
        return plain(minutes.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
    }

    private List<BacklogItem> backlogItems(ProjectAccess access) {
        return jdbc.sql("select t.id, array_to_string(t.outline_path, '.') as wbs, t.name, t.status, t.story_points,"
                        + " t.version from task t join task_status s on s.project_id = t.project_id"
                        + " and s.status_key = t.status left join backlog_rank b on b.task_id = t.id"
                        + " where t.project_id = ? and " + LEAF + " and s.category <> 'DONE'"
                        + " and not exists (select 1 from sprint_task st where st.task_id = t.id and st.outcome is null)"
                        + " order by b.rank nulls last, t.outline_path")
                .param(access.projectId())
                .query((rs, row) -> new BacklogItem(
                        rs.getLong("id"),
                        rs.getString("wbs"),
                        rs.getString("name"),
                        rs.getString("status"),
                        plain(rs.getBigDecimal("story_points")),
                        rs.getInt("version")))
                .list();
    }

    /** The backlog in order: {task id, rank or Long.MIN_VALUE when never ranked}. */
    private List<long[]> backlogRanks(ProjectAccess access) {
        return jdbc.sql("select t.id, b.rank from task t join task_status s on s.project_id = t.project_id"
                        + " and s.status_key = t.status left join backlog_rank b on b.task_id = t.id"
                        + " where t.project_id = ? and " + LEAF + " and s.category <> 'DONE'"
                        + " and not exists (select 1 from sprint_task st where st.task_id = t.id and st.outcome is null)"
                        + " order by b.rank nulls last, t.outline_path")
                .param(access.projectId())
                .query((rs, row) -> {
                    Long rank = rs.getObject(2, Long.class);
                    return new long[] {rs.getLong(1), rank == null ? Long.MIN_VALUE : rank};
                })
                .list();
    }

    private BacklogItem item(ProjectAccess access, long taskId) {
        return jdbc.sql("""
                select t.id, array_to_string(t.outline_path, '.') as wbs, t.name, t.status, t.story_points,
                t.version from task t where t.id = ? and t.project_id = ?
                """)
                .params(taskId, access.projectId())
                .query((rs, row) -> new BacklogItem(
                        rs.getLong("id"),
                        rs.getString("wbs"),
                        rs.getString("name"),
                        rs.getString("status"),
                        plain(rs.getBigDecimal("story_points")),
                        rs.getInt("version")))
                .optional()
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
    }

    private void renumberBacklog(ProjectAccess access, List<Long> order) {
        Long[] ids = order.toArray(Long[]::new);
        Long[] ranks = new Long[ids.length];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = (i + 1) * Ranks.GAP;
        }
        jdbc.sql("""
                insert into backlog_rank (task_id, project_id, rank) select r.id, ?, r.rank
                from unnest(?::bigint[], ?::bigint[]) as r(id, rank)
                on conflict (task_id) do update set rank = excluded.rank
                where backlog_rank.rank is distinct from excluded.rank
                """).params(access.projectId(), ids, ranks).update();
    }

    private void renumber(String table, String idColumn, String where, List<Long> order) {
        Long[] ids = order.toArray(Long[]::new);
        Long[] ranks = new Long[ids.length];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = (i + 1) * Ranks.GAP;
        }
        jdbc.sql("update " + table + " x set rank = r.rank from unnest(?::bigint[], ?::bigint[]) as r(id, rank)"
                        + " where x." + idColumn + " = r.id" + where + " and x.rank is distinct from r.rank")
                .params(ids, ranks)
                .update();
    }

    private TaskRow taskRow(ProjectAccess access, long taskId) {
        return jdbc.sql("""
                select t.id, array_to_string(t.outline_path, '.'),
                exists(select 1 from task c where c.parent_id = t.id) from task t
                where t.id = ? and t.project_id = ?
                """)
                .params(taskId, access.projectId())
                .query((rs, row) -> new TaskRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .optional()
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
    }

    private void lock(ProjectAccess access) {
        projectLock.lock(access.projectId());
    }

    private void checkMilestone(ProjectAccess access, Long milestoneId, InvalidInput.Collector problems) {
        if (milestoneId == null) {
            return;
        }
        boolean exists = jdbc.sql("select count(*) from task where id = ? and project_id = ?")
                        .params(milestoneId, access.projectId())
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            problems.add("milestoneId", "is not a task of this project");
        }
    }

    private static void checkDates(LocalDate start, LocalDate end, InvalidInput.Collector problems) {
        PlanDates.check("startDate", start, problems);
        PlanDates.check("endDate", end, problems);
        if (start != null
                && end != null
                && end.isBefore(start)
                && !problems.has("startDate")
                && !problems.has("endDate")) {
            problems.add("endDate", "must not be before the start date");
        }
    }

    private static void text(String field, String value, int maximum, InvalidInput.Collector problems) {
        if (value.length() > maximum) {
            problems.add(field, "must be at most " + maximum + " characters");
        } else if (value.indexOf('\0') >= 0) {
            problems.add(field, "must not contain NUL characters");
        }
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
