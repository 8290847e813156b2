package org.gantry.server.task;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.ScheduleAffected;
import org.gantry.server.resource.AssignmentService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks of a project and their place in the outline. Reading needs any role; creating, editing and
 * moving needs {@link Permission#EDIT_TASKS}; deleting needs {@link Permission#MANAGE_TASKS}.
 */
@Service
public class TaskService {

    private static final Set<String> CLEARABLE =
            Set.of("start", "finish", "description", "tags", "assigneeIds", "storyPoints");
    private static final Map<String, String> SORTS = Map.of(
            "wbs", "t.outline_path",
            "name", "lower(t.name), t.outline_path",
            "start", "t.start_at, t.outline_path",
            "finish", "t.finish_at, t.outline_path",
            "priority",
                    "case t.priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end,"
                            + " t.outline_path",
            "status", "t.status, t.outline_path",
            "updated", "t.updated_at, t.id");

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final TaskRows rows;
    private final Outline outline;
    private final ApplicationEventPublisher events;

    private final AssignmentService assignments;

    TaskService(
            JdbcClient jdbc,
            ProjectService projects,
            TaskRows rows,
            Outline outline,
            AssignmentService assignments,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.assignments = assignments;
        this.projects = projects;
        this.rows = rows;
        this.outline = outline;
        this.events = events;
    }

    /** One page of tasks in outline order (or another sort), with the total number of matches. */
    @Transactional(readOnly = true)
    public PageOf<Task> list(CurrentUser user, String projectRef, TaskQuery query) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        var problems = new InvalidInput.Collector();
        if (query.page() < 0) {
            problems.add("page", "must be 0 or more");
        }
        if (query.size() < 1 || query.size() > 500) {
            problems.add("size", "must be between 1 and 500");
        }
        StringBuilder where = new StringBuilder(" from task t where t.project_id = ?");
        List<Object> params = new ArrayList<>(List.of(access.projectId()));
        if (query.status() != null && !query.status().isEmpty()) {
            where.append(" and t.status = any(?)");
            params.add(query.status().toArray(String[]::new));
        }
        if (query.assignee() != null) {
            where.append(" and exists(select 1 from task_assignee a where a.task_id = t.id and a.user_id = ?)");
            params.add(query.assignee());
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.append(" and t.name ilike ?");
            params.add("%"
                    + query.q()
                            .strip()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%");
        }
        if (query.parent() != null && !query.parent().isBlank()) {
            if (query.parent().equalsIgnoreCase("root")) {
                where.append(" and t.parent_id is null");
            } else if (query.parent().matches("\\d{1,17}")) {
                where.append(" and t.parent_id = ?");
                params.add(Long.parseLong(query.parent()));
            } else {
                problems.add("parent", "must be a task id or \"root\"");
            }
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            where.append(" and ? = any(t.tags)");
            params.add(query.tag().strip());
        }
        String sort = query.sort() == null || query.sort().isBlank()
                ? "wbs"
                : query.sort().strip();
        boolean descending = sort.startsWith("-");
        String order = SORTS.get(descending ? sort.substring(1) : sort);
        if (order == null) {
            problems.add("sort", "must be one of " + String.join(", ", SORTS.keySet()) + " (with - for descending)");
        }
        problems.throwIfAny();
        if (descending) {
            order = order.replace(",", " desc,") + " desc";
        }
        Object[] values = params.toArray();
        long total = jdbc.sql("select count(*)" + where)
                .params(values)
                .query(Long.class)
                .single();
        List<Task> items = total == 0
                ? List.of()
                : rows.list(
                        access,
                        // Page first, then look at the page's rows only: the summary test would
                        // otherwise run for every row skipped by the offset.
                        "select " + TaskRows.COLUMNS + " from (select *" + where + " order by " + order
                                + " limit ? offset ?) t order by " + order,
                        pageParameters(values, query.size(), (long) query.page() * query.size()));
        return new PageOf<>(items, query.page(), query.size(), total);
    }

    private static Object[] pageParameters(Object[] values, int limit, long offset) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 2);
        all[values.length] = limit;
        all[values.length + 1] = offset;
        return all;
    }

    /** Every task of the project in outline order: the whole tree in two queries. */
    @Transactional(readOnly = true)
    public List<Task> outline(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return rows.list(
                access,
                "select " + TaskRows.COLUMNS + " from task t where t.project_id = ? order by t.outline_path",
                access.projectId());
    }

    @Transactional(readOnly = true)
    public TaskDetails get(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        Task task = require(access, taskId);
        List<Link> links =
                rows.links(access, "(l.predecessor_id = ? or l.successor_id = ?) order by l.id", taskId, taskId);
        FixedCost fixed = access.can(Permission.SEE_COSTS) ? fixedCost(taskId) : null;
        return new TaskDetails(
                task,
                links.stream().filter(link -> link.successorId() == taskId).toList(),
                links.stream().filter(link -> link.predecessorId() == taskId).toList(),
                fixed == null ? null : fixed.amount(),
                fixed == null ? null : fixed.accrual());
    }

    @Transactional
    public Task create(CurrentUser user, String projectRef, NewTask command) {
        Created created = write(user, projectRef, command);
        return require(created.access(), created.id());
    }

    /** A task written by {@link #write}, in the project reached through {@code access}. */
    record Created(ProjectAccess access, long id) {}

    /**
     * Writes a new task; its dates come from the reschedule that follows the edit (at once, or after the
     * last of the edits committed together with it: {@link org.gantry.server.project.ConcurrentEdits}).
     */
    @Transactional
    Created write(CurrentUser user, String projectRef, NewTask command) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        long projectId = access.projectId();
        var problems = new InvalidInput.Collector();
        String name = checkName(command.name(), problems);
        String description = checkDescription(command.description(), problems);
        boolean milestone = Boolean.TRUE.equals(command.milestone());
        String status =
                command.status() == null ? defaultStatus(access) : checkStatus(access, command.status(), problems);
        Priority priority = command.priority() == null ? Priority.NORMAL : command.priority();
        List<String> tags = checkTags(command.tags(), problems);
        List<Long> assignees = checkAssignees(access, command.assigneeIds(), problems);
        DurationText duration = duration(
                        access, command.duration(), command.durationMinutes(), command.durationUnit(), problems)
                .orElse(new DurationText(milestone ? 0 : access.minutesPerDay(), DurationUnit.DAYS));
        PlanDates.check("start", command.start(), problems);
        PlanDates.check("finish", command.finish(), problems);
        checkDates(command.start(), command.finish(), problems);
        // Created done is created finished, as a change into a DONE status makes it (update).
        boolean done = command.status() != null
                && "DONE".equals(statusCategory(access, status).orElse(null));
        int percent = checkPercent(command.percentComplete(), done ? 100 : 0, problems);
        BigDecimal storyPoints = checkStoryPoints(command.storyPoints(), problems);
        if (command.position() != null && command.position() < 1) {
            problems.add("position", "must be 1 or more");
        }
        outline.lock(projectId);
        if (command.parentId() != null && rows.find(access, command.parentId()).isEmpty()) {
            problems.add("parentId", "is not a task of this project");
        }
        problems.throwIfAny();
        int siblings = outline.childCount(projectId, command.parentId());
        int position = command.position() == null ? siblings + 1 : Math.min(command.position(), siblings + 1);
        boolean inserting = position <= siblings;
        if (inserting) {
            outline.openGap(projectId, command.parentId(), position);
        }
        long id = jdbc.sql("""
                insert into task (project_id, parent_id, position, outline_path, name, description, milestone,
                status, priority, tags, duration_minutes, duration_unit, start_at, finish_at, percent_complete,
                story_points) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        projectId,
                        command.parentId(),
                        position,
                        outline.pathFor(command.parentId(), position),
                        name,
                        description,
                        milestone,
                        status,
                        priority.name(),
                        tags.toArray(String[]::new),
                        duration.minutes(),
                        duration.unit().name(),
                        command.start(),
                        command.finish(),
                        percent,
                        storyPoints)
                .query(Long.class)
                .single();
        if (inserting) {
            outline.renumber(projectId);
        }
        writeAssignees(id, assignees);
        events.publishEvent(new TaskCreated(projectId, id, user.id(), List.copyOf(assignees)));
        boolean durationGiven = command.duration() != null || command.durationMinutes() != null;
        events.publishEvent(
                new ScheduleAffected(projectId, id, command.start(), durationGiven ? null : command.finish(), false));
        return new Created(access, id);
    }

    @Transactional
    public Task update(CurrentUser user, String projectRef, long taskId, TaskChanges changes) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        Task current = require(access, taskId);
        var problems = new InvalidInput.Collector();
        requireVersion(changes.version(), problems);
        List<String> clear = changes.clear() == null ? List.of() : changes.clear();
        for (String field : clear) {
            if (field == null || !CLEARABLE.contains(field)) {
                problems.add("clear", "can name " + String.join(", ", CLEARABLE) + "; not " + field);
            }
        }
        String name = changes.name() == null ? current.name() : checkName(changes.name(), problems);
        String description = clear.contains("description")
                ? ""
                : changes.description() == null
                        ? current.description()
                        : checkDescription(changes.description(), problems);
        boolean milestone = changes.milestone() == null ? current.milestone() : changes.milestone();
        String status = changes.status() == null ? current.status() : checkStatus(access, changes.status(), problems);
        Priority priority = changes.priority() == null ? current.priority() : changes.priority();
        List<String> tags = clear.contains("tags")
                ? List.of()
                : changes.tags() == null ? current.tags() : checkTags(changes.tags(), problems);
        List<Long> assignees = clear.contains("assigneeIds")
                ? List.of()
                : changes.assigneeIds() == null ? null : checkAssignees(access, changes.assigneeIds(), problems);
        DurationText duration = duration(
                        access, changes.duration(), changes.durationMinutes(), changes.durationUnit(), problems)
                .orElse(new DurationText(
                        milestone && !current.milestone() ? 0 : current.durationMinutes(), current.durationUnit()));
        LocalDateTime start =
                clear.contains("start") ? null : changes.start() == null ? current.start() : changes.start();
        LocalDateTime finish =
                clear.contains("finish") ? null : changes.finish() == null ? current.finish() : changes.finish();
        // The scheduler places the finish after a typed start; only a typed finish can be out of order.
        PlanDates.check("start", changes.start(), problems);
        PlanDates.check("finish", changes.finish(), problems);
        checkDates(start, changes.finish() == null ? null : finish, problems);
        boolean nowDone = changes.status() != null
                && !status.equals(current.status())
                && "DONE".equals(statusCategory(access, status).orElse(null));
        int percent = checkPercent(changes.percentComplete(), nowDone ? 100 : current.percentComplete(), problems);
        BigDecimal storyPoints = clear.contains("storyPoints")
                ? null
                : changes.storyPoints() == null
                        ? current.storyPoints()
                        : checkStoryPoints(changes.storyPoints(), problems);
        FixedCost fixed = null;
        if (changes.fixedCost() != null || changes.fixedCostAccrual() != null) {
            // Money is for owners and managers, as rates are: a member may edit the task, not its cost.
            access.require(Permission.SEE_COSTS);
            FixedCost before = fixedCost(taskId);
            fixed = new FixedCost(
                    changes.fixedCost() == null ? before.amount() : checkFixedCost(changes.fixedCost(), problems),
                    changes.fixedCostAccrual() == null
                            ? before.accrual()
                            : checkAccrual(changes.fixedCostAccrual(), problems));
            // A summary task may have one too, as in Microsoft Project: its cost is its subtasks' plus its own.
        }
        problems.throwIfAny();
        if (fixed != null) {
            jdbc.sql("""
                    update task set fixed_cost = ?, fixed_cost_accrual = ? where id = ? and project_id = ?
                    and version = ?
                    """)
                    .params(fixed.amount(), fixed.accrual(), taskId, access.projectId(), changes.version())
                    .update();
        }
        int updated = jdbc.sql("""
                update task set name = ?, description = ?, milestone = ?, status = ?, priority = ?, tags = ?,
                duration_minutes = ?, duration_unit = ?, start_at = ?, finish_at = ?, percent_complete = ?,
                story_points = ?, updated_at = now(), version = version + 1
                where id = ? and project_id = ? and version = ?
                """)
                .params(
                        name,
                        description,
                        milestone,
                        status,
                        priority.name(),
                        tags.toArray(String[]::new),
                        duration.minutes(),
                        duration.unit().name(),
                        start,
                        finish,
                        percent,
                        storyPoints,
                        taskId,
                        access.projectId(),
                        changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Task " + taskId, require(access, taskId));
        }
        List<Long> added = assignees == null
                ? List.of()
                : assignees.stream()
                        .filter(id -> current.assignees().stream().noneMatch(a -> a.id() == id))
                        .toList();
        if (assignees != null
                && (!added.isEmpty() || assignees.size() < current.assignees().size())) {
            // Only who left and who came: an assignee who stays keeps their assignment's units and work; on a
            // task that keeps its total work, the people then share it (the assignments' rules).
            AssignmentService.PeopleBefore people = assignments.peopleBefore(access.projectId(), taskId);
            jdbc.sql("delete from task_assignee where task_id = ? and user_id <> all(?::bigint[])")
                    .params(taskId, assignees.toArray(Long[]::new))
                    .update();
            writeAssignees(taskId, assignees);
            assignments.followAssignees(people);
            if (!added.isEmpty()) {
                events.publishEvent(new TaskAssigned(access.projectId(), taskId, user.id(), added));
            }
        }
        boolean durationGiven = changes.duration() != null || changes.durationMinutes() != null;
        events.publishEvent(new ScheduleAffected(
                access.projectId(),
                taskId,
                clear.contains("start") ? null : changes.start(),
                durationGiven ? null : changes.finish(),
                clear.contains("start")));
        return require(access, taskId);
    }

    /** Deletes the task with all its subtasks and their links; the version is checked when given. */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long taskId, Integer version) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.MANAGE_TASKS);
        outline.lock(access.projectId());
        Task current = require(access, taskId);
        if (version != null && version != current.version()) {
            throw new StaleVersion("Task " + taskId, current);
        }
        jdbc.sql("delete from task where id = ? and project_id = ?")
                .params(taskId, access.projectId())
                .update();
        outline.renumber(access.projectId());
        events.publishEvent(ScheduleAffected.project(access.projectId()));
    }

    /** Makes the task the last subtask of the task above it (its previous sibling). */
    @Transactional
    public Task indent(CurrentUser user, String projectRef, long taskId, VersionOnly command) {
        ProjectAccess access = lockForStructure(user, projectRef, command.version());
        Task task = requireVersion(access, taskId, command.version());
        Long above = jdbc.sql(
                        "select id from task where project_id = ? and parent_id is not distinct from ? and position = ?")
                .params(access.projectId(), task.parentId(), task.position() - 1)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new Conflict(
                        "Cannot indent",
                        "Task " + task.wbs()
                                + " is first among its siblings: no task above it can become its summary."));
        outline.place(access.projectId(), taskId, above, Integer.MAX_VALUE);
        events.publishEvent(ScheduleAffected.project(access.projectId()));
        return require(access, taskId);
    }

    /** Makes the task a sibling of its summary task, placed right after it. */
    @Transactional
    public Task outdent(CurrentUser user, String projectRef, long taskId, VersionOnly command) {
        ProjectAccess access = lockForStructure(user, projectRef, command.version());
        Task task = requireVersion(access, taskId, command.version());
        if (task.parentId() == null) {
            throw new Conflict("Cannot outdent", "Task " + task.wbs() + " is already at the top level.");
        }
        Task parent = require(access, task.parentId());
        outline.place(access.projectId(), taskId, parent.parentId(), parent.position() + 1);
        events.publishEvent(ScheduleAffected.project(access.projectId()));
        return require(access, taskId);
    }

    /** Moves the task (with its subtasks) under another parent or to another position. */
    @Transactional
    public Task move(CurrentUser user, String projectRef, long taskId, Move move) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        var problems = new InvalidInput.Collector();
        requireVersion(move.version(), problems);
        if (move.position() != null && move.position() < 1) {
            problems.add("position", "must be 1 or more");
        }
        problems.throwIfAny();
        outline.lock(access.projectId());
        Task task = require(access, taskId);
        if (move.parentId() != null) {
            Optional<Task> parent = rows.find(access, move.parentId());
            if (parent.isEmpty()) {
                problems.add("parentId", "is not a task of this project");
            } else if (parent.get().id() == taskId || parent.get().wbs().startsWith(task.wbs() + ".")) {
                problems.add("parentId", "cannot be the task itself or one of its subtasks");
            }
        }
        problems.throwIfAny();
        requireVersion(access, taskId, move.version());
        outline.place(
                access.projectId(),
                taskId,
                move.parentId(),
                move.position() == null ? Integer.MAX_VALUE : move.position());
        events.publishEvent(ScheduleAffected.project(access.projectId()));
        return require(access, taskId);
    }

    private ProjectAccess lockForStructure(CurrentUser user, String projectRef, Integer version) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        var problems = new InvalidInput.Collector();
        requireVersion(version, problems);
        problems.throwIfAny();
        outline.lock(access.projectId());
        return access;
    }

    /** Claims the task at the expected version (bumping it), or answers 409 with the current task. */
    private Task requireVersion(ProjectAccess access, long taskId, int version) {
        Task task = require(access, taskId);
        int updated = jdbc.sql("update task set version = version + 1, updated_at = now() where id = ? and version = ?")
                .params(taskId, version)
                .update();
        if (updated == 0) {
            throw new StaleVersion("Task " + taskId, task);
        }
        return task;
    }

    Task require(ProjectAccess access, long taskId) {
        return rows.find(access, taskId)
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
    }

    private void writeAssignees(long taskId, List<Long> assignees) {
        if (!assignees.isEmpty()) {
            jdbc.sql("""
                    insert into task_assignee (task_id, user_id) select ?, unnest(?::bigint[])
                    on conflict do nothing
                    """).params(taskId, assignees.toArray(Long[]::new)).update();
        }
    }

    private String defaultStatus(ProjectAccess access) {
        return jdbc.sql("""
                select status_key from task_status where project_id = ? and category = 'TO_DO'
                order by position limit 1
                """).param(access.projectId()).query(String.class).single();
    }

    private Optional<String> statusCategory(ProjectAccess access, String status) {
        return jdbc.sql("select category from task_status where project_id = ? and status_key = ?")
                .params(access.projectId(), status)
                .query(String.class)
                .optional();
    }

    private String checkStatus(ProjectAccess access, String status, InvalidInput.Collector problems) {
        String key = status.strip().toLowerCase(Locale.ROOT);
        if (statusCategory(access, key).isEmpty()) {
            problems.add("status", "is not a status of this project (see GET .../statuses)");
        }
        return key;
    }

    private List<Long> checkAssignees(ProjectAccess access, List<Long> assigneeIds, InvalidInput.Collector problems) {
        if (assigneeIds == null || assigneeIds.isEmpty()) {
            return List.of();
        }
        Set<Long> members = projects.memberIds(access);
        List<Long> distinct = assigneeIds.stream().distinct().toList();
        for (Long id : distinct) {
            if (id == null || !members.contains(id)) {
                problems.add("assigneeIds", "user " + id + " is not a member of this project");
            }
        }
        return distinct;
    }

    private static Optional<DurationText> duration(
            ProjectAccess access, String text, Long minutes, DurationUnit unit, InvalidInput.Collector problems) {
        if (text != null) {
            try {
                DurationText parsed = DurationText.parse(text, access.minutesPerDay(), access.minutesPerWeek());
                if (parsed.minutes() < 0) {
                    problems.add("duration", "must not be negative");
                }
                return Optional.of(parsed);
            } catch (IllegalArgumentException | ArithmeticException e) {
                problems.add("duration", "is not a duration such as 5d, 1.5w, 3h or 90m");
                return Optional.empty();
            }
        }
        if (minutes != null) {
            if (minutes < 0) {
                problems.add("durationMinutes", "must not be negative");
            } else if (minutes > 100L * 365 * 24 * 60) {
                problems.add("durationMinutes", "is more than a century");
            }
            return Optional.of(new DurationText(minutes, unit == null ? DurationUnit.DAYS : unit));
        }
        return Optional.empty();
    }

    private static void requireVersion(Integer version, InvalidInput.Collector problems) {
        if (version == null) {
            problems.add("version", "is required: send the version you last read");
        }
    }

    private static String checkName(String name, InvalidInput.Collector problems) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            problems.add("name", "is required");
        } else if (stripped.length() > 500) {
            problems.add("name", "must be at most 500 characters long");
        }
        return stripped;
    }

    private static String checkDescription(String description, InvalidInput.Collector problems) {
        String value = description == null ? "" : description;
        if (value.length() > 50_000) {
            problems.add("description", "must be at most 50000 characters long");
        }
        return value;
    }

    private static List<String> checkTags(List<String> tags, InvalidInput.Collector problems) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String tag : tags) {
            String value = tag == null ? "" : tag.strip();
            if (value.isEmpty() || value.length() > 40) {
                problems.add("tags", "each tag must have 1 to 40 characters");
                return List.of();
            }
            distinct.add(value);
        }
        if (distinct.size() > 20) {
            problems.add("tags", "at most 20 tags");
        }
        return List.copyOf(distinct);
    }

    private static void checkDates(LocalDateTime start, LocalDateTime finish, InvalidInput.Collector problems) {
        if (start != null && finish != null && finish.isBefore(start)) {
            problems.add("finish", "must not be before start");
        }
    }

    /** Any non-negative number with at most two decimals (Fibonacci values are only the UI's suggestion). */
    /** A task's fixed cost in the project currency and when it is incurred (START, PRORATED, END). */
    private record FixedCost(BigDecimal amount, String accrual) {}

    private FixedCost fixedCost(long taskId) {
        return jdbc.sql("select fixed_cost, fixed_cost_accrual from task where id = ?")
                .params(taskId)
                .query((rs, n) ->
                        new FixedCost(rs.getBigDecimal(1).setScale(2, java.math.RoundingMode.HALF_UP), rs.getString(2)))
                .single();
    }

    private static BigDecimal checkFixedCost(BigDecimal amount, InvalidInput.Collector problems) {
        if (amount.signum() < 0) {
            problems.add("fixedCost", "must not be negative");
        } else if (amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
            problems.add("fixedCost", "must be less than 1000000000000");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add("fixedCost", "must have at most two decimals");
        }
        return amount;
    }

    private static String checkAccrual(String accrual, InvalidInput.Collector problems) {
        String value = accrual.strip().toUpperCase(Locale.ROOT);
        if (!Set.of("START", "PRORATED", "END").contains(value)) {
            problems.add("fixedCostAccrual", "must be START, PRORATED or END");
        }
        return value;
    }

    private static BigDecimal checkStoryPoints(BigDecimal points, InvalidInput.Collector problems) {
        if (points == null) {
            return null;
        }
        if (points.signum() < 0) {
            problems.add("storyPoints", "must not be negative");
        } else if (points.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            problems.add("storyPoints", "must be at most 1000000");
        } else if (points.stripTrailingZeros().scale() > 2) {
            problems.add("storyPoints", "must have at most two decimals");
        }
        return points;
    }

    private static int checkPercent(Integer percent, int otherwise, InvalidInput.Collector problems) {
        if (percent == null) {
            return otherwise;
        }
        if (percent < 0 || percent > 100) {
            problems.add("percentComplete", "must be between 0 and 100");
        }
        return percent;
    }
}
