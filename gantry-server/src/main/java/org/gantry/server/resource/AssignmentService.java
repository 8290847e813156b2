package org.gantry.server.resource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.TaskStaffing;
import org.gantry.engine.TaskType;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.ScheduleAffected;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes and removes assignments and sets a task's type, keeping duration, units and work together the
 * way Microsoft Project does: on a FIXED_DURATION task the duration stays, so new units change the work
 * (work = duration x units) and new work changes the units; on FIXED_UNITS and FIXED_WORK tasks the
 * duration follows the work and units (duration = work / units, the slowest assignment deciding). On an
 * effort-driven task (and every fixed-work one) people joining or leaving share the task's work instead of
 * bringing or taking their own. The rules are the engine's ({@link TaskStaffing}); this class reads the
 * task's people, applies one edit through them and writes back every assignment it changed. Every change
 * reschedules the project in the same transaction (the engine then places the task on the resources'
 * calendars).
 */
@Service
public class AssignmentService {
    static final Set<String> TASK_TYPES = Set.of("FIXED_UNITS", "FIXED_WORK", "FIXED_DURATION");
    private static final BigDecimal MAXIMUM_UNITS = new BigDecimal("100000");
    private static final BigDecimal MAXIMUM_HOURS = new BigDecimal("1000000");

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ResourceService resources;
    private final ApplicationEventPublisher events;

    AssignmentService(
            JdbcClient jdbc, ProjectService projects, ResourceService resources, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.resources = resources;
        this.events = events;
    }

    /** A task as the assignments page shows it: type, duration, work and dates. */
    public record TaskPlan(
            long id,
            String name,
            String wbs,
            String taskType,
            boolean effortDriven,
            long durationMinutes,
            long workMinutes,
            java.time.LocalDateTime start,
            java.time.LocalDateTime finish,
            boolean milestone,
            boolean summary,
            int version) {}

    /** The task's plan figures (404 when the project has no such task). */
    @Transactional(readOnly = true)
    public TaskPlan plan(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return jdbc.sql("""
                select t.id, t.name, array_to_string(t.outline_path, '.'), t.task_type, t.effort_driven,
                t.duration_minutes,
                coalesce((select sum(a.work_minutes) from assignment a join resource r on r.id = a.resource_id
                where a.task_id = t.id and r.kind = 'WORK'), 0), t.start_at, t.finish_at, t.milestone,
                exists (select 1 from task c where c.parent_id = t.id), t.version from task t
                where t.id = :id and t.project_id = :project
                """)
                .param("id", taskId)
                .param("project", access.projectId())
                .query((rs, n) -> new TaskPlan(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getObject(8, java.time.LocalDateTime.class),
                        rs.getObject(9, java.time.LocalDateTime.class),
                        rs.getBoolean(10),
                        rs.getBoolean(11),
                        rs.getInt(12)))
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no task " + taskId + "."));
    }

    /** What the rules need of a task. */
    private record TaskFacts(
            long id, String taskType, boolean effortDriven, long durationMinutes, boolean milestone, int version) {}

    /** Changes units and/or work of an assignment (owners, managers); 409 with the current one when stale. */
    @Transactional
    public Assignment update(
            CurrentUser user, String projectRef, long taskId, long assignmentId, AssignmentChanges changes) {
        ProjectAccess access = projects.access(user, projectRef);
        TaskFacts task = task(access, taskId);
        Assignment current = find(access, taskId, assignmentId);
        access.require(Permission.EDIT_PROJECT);
        if (changes == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        if (changes.units() == null && changes.workHours() == null) {
            problems.add("units", "send units or workHours (or both)");
        }
        BigDecimal units = units(changes.units(), current.units(), problems);
        Long work = changes.workHours() == null ? null : minutes(changes.workHours(), problems);
        problems.throwIfAny();
        if (changes.version() != current.version()) {
            throw new StaleVersion("Assignment " + assignmentId, current);
        }
        long newWork = work == null ? current.workMinutes() : work;
        if ("WORK".equals(current.resourceKind())) {
            TaskStaffing.Share changed = staffing(task)
                    .change(current.resourceId(), changes.units() == null ? null : units.doubleValue(), work)
                    .share(current.resourceId());
            units = percent(changed.units());
            newWork = changed.workMinutes();
            if (units.compareTo(MAXIMUM_UNITS) > 0) {
                throw new InvalidInput(
                        "workHours", "would need more than " + MAXIMUM_UNITS.toPlainString() + " % units");
            }
        }
        int updated = jdbc.sql("""
                update assignment set units = :units, work_minutes = :work,
                remaining_work_minutes = greatest(:work - actual_work_minutes, 0), version = version + 1
                where id = :id and project_id = :project and version = :version
                """)
                .param("units", units)
                .param("work", newWork)
                .param("id", assignmentId)
                .param("project", access.projectId())
                .param("version", changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Assignment " + assignmentId, find(access, taskId, assignmentId));
        }
        followWork(access, task);
        return find(access, taskId, assignmentId);
    }

    /**
     * Hands an assignment's work to another resource of the project (owners, managers), with the same units
     * and work: the workload's "reassign". 409 when stale or when that resource is on the task already; the
     * project is rescheduled (the other resource may work on another calendar).
     */
    @Transactional
    public Assignment move(CurrentUser user, String projectRef, long taskId, long assignmentId, AssignmentMove body) {
        ProjectAccess access = projects.access(user, projectRef);
        TaskFacts task = task(access, taskId);
        Assignment current = find(access, taskId, assignmentId);
        access.require(Permission.EDIT_PROJECT);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String kind = body.resourceId() == null
                ? null
                : jdbc.sql("select kind from resource where id = :id and project_id = :project")
                        .param("id", body.resourceId())
                        .param("project", access.projectId())
                        .query(String.class)
                        .optional()
                        .orElse(null);
        if (body.resourceId() == null) {
            problems.add("resourceId", "is required");
        } else if (kind == null) {
            problems.add("resourceId", "must be a resource of project " + access.key());
        } else if (!kind.equals(current.resourceKind())) {
            problems.add("resourceId", "must be of the same kind as " + current.resourceName());
        }
        problems.throwIfAny();
        if (body.version() != current.version()) {
            throw new StaleVersion("Assignment " + assignmentId, current);
        }
        if (body.resourceId() == current.resourceId()) {
            return current;
        }
        boolean taken = jdbc.sql("select count(*) from assignment where task_id = :task and resource_id = :resource")
                        .param("task", taskId)
                        .param("resource", body.resourceId())
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw new Conflict("Already assigned", "That resource already works on task " + taskId + ".");
        }
        // Delete and insert (not an update of resource_id), so the assignee rows follow through their triggers.
        jdbc.sql("delete from assignment where id = :id")
                .param("id", assignmentId)
                .update();
        long id = jdbc.sql("""
                insert into assignment (project_id, task_id, resource_id, units, work_minutes,
                actual_work_minutes, remaining_work_minutes, start_at, finish_at, contour)
                values (:project, :task, :resource, :units, :work, 0, :work, :start, :finish, :contour)
                returning id
                """)
                .param("project", access.projectId())
                .param("task", taskId)
                .param("resource", body.resourceId())
                .param("units", current.units())
                .param("work", current.workMinutes())
                .param("start", current.start())
                .param("finish", current.finish())
                .param("contour", current.contour() == null ? "FLAT" : current.contour())
                .query(Long.class)
                .single();
        followWork(access, task);
        return find(access, taskId, id);
    }

    /** Takes a resource off a task (owners, managers); the version is checked when given. */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long taskId, long assignmentId, Integer version) {
        ProjectAccess access = projects.access(user, projectRef);
        TaskFacts task = task(access, taskId);
        Assignment current = find(access, taskId, assignmentId);
        access.require(Permission.EDIT_PROJECT);
        if (version != null && version != current.version()) {
            throw new StaleVersion("Assignment " + assignmentId, current);
        }
        TaskStaffing before = staffing(task);
        jdbc.sql("delete from assignment where id = :id and project_id = :project")
                .param("id", assignmentId)
                .param("project", access.projectId())
                .update();
        if ("WORK".equals(current.resourceKind())) {
            restaff(task, before, before.remove(current.resourceId()));
        }
        followWork(access, task);
    }

    /** Puts a resource on a task and reschedules; work defaults to the task's duration at the units given. */
    @Transactional
    public Assignment assign(CurrentUser user, String projectRef, long taskId, NewAssignment body) {
        ProjectAccess access = projects.access(user, projectRef);
        TaskFacts task = task(access, taskId);
        NewAssignment filled = body;
        TaskStaffing after = null;
        if (body != null && body.workHours() == null) {
            BigDecimal units = body.units() == null ? new BigDecimal("100") : body.units();
            String kind = body.resourceId() == null
                    ? null
                    : jdbc.sql("select kind from resource where id = :id and project_id = :project")
                            .param("id", body.resourceId())
                            .param("project", access.projectId())
                            .query(String.class)
                            .optional()
                            .orElse(null);
            BigDecimal hours = BigDecimal.ZERO;
            if ("WORK".equals(kind)
                    && !task.milestone()
                    && units.signum() >= 0
                    && units.compareTo(MAXIMUM_UNITS) <= 0) {
                TaskStaffing before = staffing(task);
                if (before.share(body.resourceId()) == null) {
                    after = before.add(body.resourceId(), units.doubleValue(), null);
                    hours = BigDecimal.valueOf(after.share(body.resourceId()).workMinutes())
                            .divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
                }
            }
            filled = new NewAssignment(body.resourceId(), body.units(), hours);
        }
        Assignment made = resources.assign(user, projectRef, taskId, filled);
        if (after != null) {
            // The newcomer took a share of an effort-driven task's work: the others give it up (and on a fixed
            // duration task everyone's units, the newcomer's too, shrink to fit).
            restaff(task, staffing(task), after);
        }
        followWork(access, task);
        return find(access, taskId, made.id());
    }

    /** Sets a task's type (owners, managers, members who edit tasks); 409 with the current version when stale. */
    @Transactional
    public Map<String, Object> setTaskType(CurrentUser user, String projectRef, long taskId, TaskTypeChange change) {
        ProjectAccess access = projects.access(user, projectRef);
        TaskFacts task = task(access, taskId);
        access.require(Permission.EDIT_TASKS);
        if (change == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (change.taskType() == null && change.effortDriven() == null) {
            problems.add("taskType", "send taskType or effortDriven (or both)");
        } else if (change.taskType() != null && !TASK_TYPES.contains(change.taskType())) {
            problems.add("taskType", "must be FIXED_UNITS, FIXED_WORK or FIXED_DURATION");
        }
        if (change.version() == null) {
            problems.add("version", "is required: send the task's version you last read");
        }
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update task set task_type = coalesce(:type, task_type),
                effort_driven = coalesce(:effortDriven, effort_driven), version = version + 1,
                updated_at = now() where id = :id and version = :version
                """)
                .param("type", change.taskType())
                .param("effortDriven", change.effortDriven())
                .param("id", taskId)
                .param("version", change.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Task " + taskId, taskType(task(access, taskId)));
        }
        return taskType(task(access, taskId));
    }

    /** The project's tasks marked effort driven (fixed-work tasks are so whatever their flag says). */
    @Transactional(readOnly = true)
    public Set<Long> effortDrivenTasks(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return Set.copyOf(jdbc.sql("select id from task where project_id = :project and effort_driven")
                .param("project", access.projectId())
                .query(Long.class)
                .list());
    }

    /** A task's type and effort-driven flag with its version (anyone who reads the project). */
    @Transactional(readOnly = true)
    public Map<String, Object> taskType(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return taskType(task(access, taskId));
    }

    private static Map<String, Object> taskType(TaskFacts task) {
        return Map.of(
                "id",
                task.id(),
                "taskType",
                task.taskType(),
                "effortDriven",
                task.effortDriven(),
                "keepsTotalWork",
                task.effortDriven() || "FIXED_WORK".equals(task.taskType()),
                "version",
                task.version());
    }

    /**
     * A task's people before its assignees are edited where no units are given (the list, the board, My
     * work): the database adds a newcomer at 100 % with the task's duration as work and drops a leaver's
     * assignment. Read this before that edit and hand it to {@link #followAssignees} after it.
     */
    public record PeopleBefore(long projectId, long taskId, TaskStaffing staffing) {}

    @Transactional(readOnly = true)
    public PeopleBefore peopleBefore(long projectId, long taskId) {
        TaskFacts task = task(projectId, taskId);
        return new PeopleBefore(projectId, taskId, task == null ? null : staffing(task));
    }

    /**
     * After an edit of a task's assignees: on a task that keeps its total work (effort-driven, or fixed work)
     * the people share the work as Microsoft Project shares it when a resource is added or removed (the
     * engine's {@link TaskStaffing} rules, as the assignments API applies them), and the task's duration
     * follows. Other tasks keep what the database wrote (each newcomer works the task's duration).
     */
    @Transactional
    public void followAssignees(PeopleBefore before) {
        TaskStaffing was = before.staffing();
        if (was == null || !was.keepsTotalWork()) {
            return;
        }
        TaskFacts task = task(before.projectId(), before.taskId());
        if (task == null) {
            return;
        }
        TaskStaffing now = staffing(task);
        TaskStaffing target = was;
        for (TaskStaffing.Share share : was.shares()) {
            if (now.share(share.resource()) == null) {
                target = target.remove(share.resource());
            }
        }
        for (TaskStaffing.Share share : now.shares()) {
            if (was.share(share.resource()) == null) {
                target = target.add(share.resource(), share.units(), null);
            }
        }
        restaff(task, now, target);
        followWork(before.projectId(), task);
    }

    /** The task's people (work resources) as the engine's rules see them, in the order they were assigned. */
    private TaskStaffing staffing(TaskFacts task) {
        List<TaskStaffing.Share> shares = jdbc.sql("""
                select a.resource_id, a.units, a.work_minutes from assignment a
                join resource r on r.id = a.resource_id where a.task_id = :task and r.kind = 'WORK'
                order by a.id
                """)
                .param("task", task.id())
                .query((rs, n) -> new TaskStaffing.Share(
                        rs.getLong(1), rs.getBigDecimal(2).doubleValue(), rs.getLong(3)))
                .list();
        TaskType type = "FIXED_DURATION".equals(task.taskType())
                ? TaskType.FIXED_DURATION
                : "FIXED_WORK".equals(task.taskType()) ? TaskType.FIXED_WORK : TaskType.FIXED_UNITS;
        return new TaskStaffing(type, task.effortDriven(), task.milestone(), task.durationMinutes(), shares);
    }

    /** Writes the units and work of every assignment the edit changed (new versions; the rest untouched). */
    private void restaff(TaskFacts task, TaskStaffing before, TaskStaffing after) {
        for (TaskStaffing.Share share : after.shares()) {
            TaskStaffing.Share was = before.share(share.resource());
            if (was == null || share.equals(was)) {
                continue;
            }
            jdbc.sql("""
                    update assignment set units = :units, work_minutes = :work,
                    remaining_work_minutes = greatest(:work - actual_work_minutes, 0), version = version + 1
                    where task_id = :task and resource_id = :resource
                    """)
                    .param("units", percent(share.units()))
                    .param("work", share.workMinutes())
                    .param("task", task.id())
                    .param("resource", share.resource())
                    .update();
        }
    }

    /** Units as stored: percent with two decimals. */
    private static BigDecimal percent(double units) {
        return BigDecimal.valueOf(units).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * After a change of units or work: a task driven by its assignments (not fixed duration, not a
     * milestone, with work resources at positive units) lasts as long as its slowest assignment,
     * work / units, which becomes its stored duration; its work is the sum of its assignments'. Then the
     * project is rescheduled.
     */
    private void followWork(ProjectAccess access, TaskFacts task) {
        followWork(access.projectId(), task);
    }

    private void followWork(long projectId, TaskFacts task) {
        jdbc.sql("select set_config('gantry.duration_from_work', 'on', true)")
                .query(String.class)
                .single();
        jdbc.sql("""
                update task t set work_minutes = w.work,
                duration_minutes = case when t.task_type <> 'FIXED_DURATION' and not t.milestone
                and w.longest is not null then w.longest else t.duration_minutes end
                from (select sum(a.work_minutes) as work,
                max(round(a.work_minutes * 100.0 / nullif(a.units, 0)))::bigint as longest
                from assignment a join resource r on r.id = a.resource_id
                where a.task_id = :task and r.kind = 'WORK') w where t.id = :task
                """).param("task", task.id()).update();
        jdbc.sql("select set_config('gantry.duration_from_work', '', true)")
                .query(String.class)
                .single();
        events.publishEvent(new ScheduleAffected(projectId, task.id(), null, null, false));
    }

    private TaskFacts task(ProjectAccess access, long taskId) {
        TaskFacts task = task(access.projectId(), taskId);
        if (task == null) {
            throw new NotFound("Project " + access.key() + " has no task " + taskId + ".");
        }
        return task;
    }

    private TaskFacts task(long projectId, long taskId) {
        return jdbc.sql("""
                select id, task_type, effort_driven, duration_minutes, milestone, version from task
                where id = :id and project_id = :project
                """)
                .param("id", taskId)
                .param("project", projectId)
                .query((rs, n) -> new TaskFacts(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getLong(4),
                        rs.getBoolean(5),
                        rs.getInt(6)))
                .optional()
                .orElse(null);
    }

    private Assignment find(ProjectAccess access, long taskId, long assignmentId) {
        List<Assignment> all = resources.assignmentsOf(access, taskId);
        return all.stream()
                .filter(a -> a.id() == assignmentId)
                .findFirst()
                .orElseThrow(() -> new NotFound(
                        "Task " + taskId + " of project " + access.key() + " has no assignment " + assignmentId + "."));
    }

    private static BigDecimal units(BigDecimal sent, BigDecimal current, InvalidInput.Collector problems) {
        if (sent == null) {
            return current;
        }
        if (sent.signum() < 0 || sent.compareTo(MAXIMUM_UNITS) > 0) {
            problems.add("units", "must be between 0 and " + MAXIMUM_UNITS.toPlainString());
        } else if (sent.stripTrailingZeros().scale() > 2) {
            problems.add("units", "must have at most two decimals");
        }
        return sent;
    }

    private static Long minutes(BigDecimal hours, InvalidInput.Collector problems) {
        if (hours.signum() < 0 || hours.compareTo(MAXIMUM_HOURS) > 0) {
            problems.add("workHours", "must be between 0 and " + MAXIMUM_HOURS.toPlainString());
            return null;
        }
        return hours.multiply(BigDecimal.valueOf(60))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    static Conflict stillAssigned(String key, long resourceId, int assignments) {
        return new Conflict(
                "Resource is assigned",
                "Resource " + resourceId + " of project " + key + " works on " + assignments
                        + (assignments == 1 ? " task" : " tasks")
                        + "; remove its assignments first, or delete with withAssignments=true to remove them too.",
                Map.of("assignments", assignments));
    }
}
