package org.gantry.server.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.ScheduleAffected;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.gantry.server.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dependencies between tasks of one project. A new link is refused when it would close a cycle, or
 * join a summary task to one of its own subtasks (the summary already spans them).
 */
@Service
public class LinkService {

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final TaskRows rows;
    private final Outline outline;
    private final ApplicationEventPublisher events;

    LinkService(
            JdbcClient jdbc,
            ProjectService projects,
            TaskRows rows,
            Outline outline,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.rows = rows;
        this.outline = outline;
        this.events = events;
    }

    /** The project's links, optionally only those into or out of one task. */
    @Transactional(readOnly = true)
    public PageOf<Link> list(CurrentUser user, String projectRef, Long taskId, int page, int size) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        var problems = new InvalidInput.Collector();
        if (page < 0) {
            problems.add("page", "must be 0 or more");
        }
        if (size < 1 || size > 5000) {
            problems.add("size", "must be between 1 and 5000");
        }
        problems.throwIfAny();
        String where = "l.project_id = ?" + (taskId == null ? "" : " and (l.predecessor_id = ? or l.successor_id = ?)");
        Object[] params =
                taskId == null ? new Object[] {access.projectId()} : new Object[] {access.projectId(), taskId, taskId};
        long total = jdbc.sql("select count(*) from task_link l where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Link> items =
                rows.links(access, where + " order by l.id limit " + size + " offset " + (long) page * size, params);
        return new PageOf<>(items, page, size, total);
    }

    @Transactional(readOnly = true)
    public Link get(CurrentUser user, String projectRef, long linkId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return require(access, linkId);
    }

    @Transactional
    public Link create(CurrentUser user, String projectRef, NewLink command) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        var problems = new InvalidInput.Collector();
        if (command.predecessorId() == null) {
            problems.add("predecessorId", "is required");
        }
        if (command.successorId() == null) {
            problems.add("successorId", "is required");
        }
        if (command.predecessorId() != null && command.predecessorId().equals(command.successorId())) {
            problems.add("successorId", "must differ from predecessorId: a task cannot depend on itself");
        }
        DurationText lag = lag(access, command.lag(), command.lagMinutes(), command.lagUnit(), problems)
                .orElse(new DurationText(0, DurationUnit.DAYS));
        problems.throwIfAny();
        outline.lock(access.projectId());
        Optional<Task> predecessor = rows.find(access, command.predecessorId());
        Optional<Task> successor = rows.find(access, command.successorId());
        if (predecessor.isEmpty()) {
            problems.add("predecessorId", "is not a task of this project");
        }
        if (successor.isEmpty()) {
            problems.add("successorId", "is not a task of this project");
        }
        if (predecessor.isPresent() && successor.isPresent()) {
            String a = predecessor.get().wbs() + ".";
            String b = successor.get().wbs() + ".";
            if (a.startsWith(b) || b.startsWith(a)) {
                problems.add("successorId", "a summary task cannot be linked to its own subtasks");
            }
        }
        problems.throwIfAny();
        if (jdbc.sql("select exists(select 1 from task_link where predecessor_id = ? and successor_id = ?)")
                .params(command.predecessorId(), command.successorId())
                .query(Boolean.class)
                .single()) {
            throw new Conflict("Duplicate link", "These two tasks are already linked in this direction.");
        }
        List<Long> cycle = path(access, command.successorId(), command.predecessorId());
        if (!cycle.isEmpty()) {
            List<Long> loop = new ArrayList<>(cycle);
            loop.add(command.successorId());
            List<String> names = new ArrayList<>();
            for (long id : loop) {
                names.add(rows.find(access, id)
                        .map(task -> task.wbs() + " " + task.name())
                        .orElse("task " + id));
            }
            throw new DependencyCycle(loop, names);
        }
        LinkType type = command.type() == null ? LinkType.FINISH_START : command.type();
        long id = jdbc.sql("""
                insert into task_link (project_id, predecessor_id, successor_id, link_type, lag_minutes, lag_unit)
                values (?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        access.projectId(),
                        command.predecessorId(),
                        command.successorId(),
                        type.code(),
                        lag.minutes(),
                        lag.unit().name())
                .query(Long.class)
                .single();
        events.publishEvent(ScheduleAffected.project(access.projectId()));
        return require(access, id);
    }

    @Transactional
    public Link update(CurrentUser user, String projectRef, long linkId, LinkChanges changes) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        Link current = require(access, linkId);
        var problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        DurationText lag = lag(access, changes.lag(), changes.lagMinutes(), changes.lagUnit(), problems)
                .orElse(new DurationText(current.lagMinutes(), current.lagUnit()));
        problems.throwIfAny();
        LinkType type = changes.type() == null ? current.type() : changes.type();
        int updated = jdbc.sql("""
                update task_link set link_type = ?, lag_minutes = ?, lag_unit = ?, version = version + 1
                where id = ? and project_id = ? and version = ?
                """)
                .params(type.code(), lag.minutes(), lag.unit().name(), linkId, access.projectId(), changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Link " + linkId, current);
        }
        events.publishEvent(ScheduleAffected.project(access.projectId()));
        return require(access, linkId);
    }

    @Transactional
    public void delete(CurrentUser user, String projectRef, long linkId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        int deleted = jdbc.sql("delete from task_link where id = ? and project_id = ?")
                .params(linkId, access.projectId())
                .update();
        if (deleted == 0) {
            throw new NotFound("There is no link " + linkId + " in project " + access.key() + ".");
        }
        events.publishEvent(ScheduleAffected.project(access.projectId()));
    }

    private Link require(ProjectAccess access, long linkId) {
        return rows.link(access, linkId)
                .orElseThrow(() -> new NotFound("There is no link " + linkId + " in project " + access.key() + "."));
    }

    /** The chain of successors leading from {@code from} to {@code to}, or empty if there is none. */
    private List<Long> path(ProjectAccess access, long from, long to) {
        Map<Long, List<Long>> successors = new HashMap<>();
        jdbc.sql("select predecessor_id, successor_id from task_link where project_id = ?")
                .param(access.projectId())
                .query(rs -> {
                    successors
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getLong(2));
                });
        Map<Long, Long> reachedFrom = new HashMap<>();
        Deque<Long> queue = new ArrayDeque<>(List.of(from));
        reachedFrom.put(from, from);
        while (!queue.isEmpty()) {
            long task = queue.poll();
            if (task == to) {
                List<Long> path = new ArrayList<>();
                for (long step = to; step != from; step = reachedFrom.get(step)) {
                    path.add(step);
                }
                path.add(from);
                Collections.reverse(path);
                return path;
            }
            for (long next : successors.getOrDefault(task, List.of())) {
                if (reachedFrom.putIfAbsent(next, task) == null) {
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    private static Optional<DurationText> lag(
            ProjectAccess access, String text, Long minutes, DurationUnit unit, InvalidInput.Collector problems) {
        if (text != null) {
            try {
                return Optional.of(DurationText.parse(text, access.minutesPerDay(), access.minutesPerWeek()));
            } catch (IllegalArgumentException | ArithmeticException e) {
                problems.add("lag", "is not a lag such as 2d, -1d (a lead), 4h or 1w");
                return Optional.empty();
            }
        }
        if (minutes != null) {
            if (Math.abs(minutes) > 10L * 365 * 24 * 60) {
                problems.add("lagMinutes", "is more than ten years");
            }
            return Optional.of(new DurationText(minutes, unit == null ? DurationUnit.DAYS : unit));
        }
        return Optional.empty();
    }
}
