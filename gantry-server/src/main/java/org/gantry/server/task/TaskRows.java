package org.gantry.server.task;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gantry.server.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads tasks and links: one query for the rows, one for the assignees of all of them. */
@Component
class TaskRows {

    static final String COLUMNS =
            "t.id, t.project_id, t.parent_id, t.position, array_to_string(t.outline_path, '.') as wbs,"
                    + " cardinality(t.outline_path) as outline_level, t.name, t.description, t.milestone, t.status, t.priority,"
                    + " t.tags, t.duration_minutes, t.duration_unit, t.start_at, t.finish_at, t.percent_complete, t.story_points, t.created_at,"
                    + " t.updated_at, t.version, exists(select 1 from task c where c.parent_id = t.id) as has_children";

    private static final String LINK_COLUMNS = "l.id, l.predecessor_id, p.name as predecessor_name,"
            + " array_to_string(p.outline_path, '.') as predecessor_wbs, l.successor_id, s.name as successor_name,"
            + " array_to_string(s.outline_path, '.') as successor_wbs, l.link_type, l.lag_minutes, l.lag_unit, l.version"
            + " from task_link l join task p on p.id = l.predecessor_id join task s on s.id = l.successor_id";

    private final JdbcClient jdbc;

    TaskRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Task> find(ProjectAccess access, long taskId) {
        return list(
                        access,
                        "select " + COLUMNS + " from task t where t.id = ? and t.project_id = ?",
                        taskId,
                        access.projectId())
                .stream()
                .findFirst();
    }

    /** Runs a query selecting {@link #COLUMNS} and attaches the assignees. */
    List<Task> list(ProjectAccess access, String sql, Object... params) {
        List<Task> tasks = jdbc.sql(sql)
                .params(params)
                .query((rs, row) -> task(rs, access))
                .list();
        if (tasks.isEmpty()) {
            return tasks;
        }
        Long[] ids = tasks.stream().map(Task::id).toArray(Long[]::new);
        Map<Long, List<Assignee>> assignees = new HashMap<>();
        jdbc.sql("""
                select a.task_id, u.id, u.name from task_assignee a join app_user u on u.id = a.user_id
                where a.task_id = any(?) order by lower(u.name), u.id
                """).param(ids).query(rs -> {
            assignees
                    .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(new Assignee(rs.getLong(2), rs.getString(3)));
        });
        if (assignees.isEmpty()) {
            return tasks;
        }
        return tasks.stream()
                .map(task -> withAssignees(task, assignees.getOrDefault(task.id(), List.of())))
                .toList();
    }

    List<Link> links(ProjectAccess access, String where, Object... params) {
        return jdbc.sql("select " + LINK_COLUMNS + " where " + where)
                .params(params)
                .query((rs, row) -> link(rs, access))
                .list();
    }

    Optional<Link> link(ProjectAccess access, long linkId) {
        return links(access, "l.id = ? and l.project_id = ?", linkId, access.projectId()).stream()
                .findFirst();
    }

    private static Task withAssignees(Task t, List<Assignee> assignees) {
        return new Task(
                t.id(),
                t.projectId(),
                t.parentId(),
                t.position(),
                t.wbs(),
                t.outlineLevel(),
                t.name(),
                t.description(),
                t.type(),
                t.summary(),
                t.milestone(),
                t.status(),
                t.priority(),
                t.tags(),
                assignees,
                t.durationMinutes(),
                t.durationUnit(),
                t.duration(),
                t.start(),
                t.finish(),
                t.percentComplete(),
                t.storyPoints(),
                t.createdAt(),
                t.updatedAt(),
                t.version());
    }

    private static Task task(ResultSet rs, ProjectAccess access) throws SQLException {
        boolean summary = rs.getBoolean("has_children");
        boolean milestone = rs.getBoolean("milestone");
        long minutes = rs.getLong("duration_minutes");
        DurationUnit unit = DurationUnit.valueOf(rs.getString("duration_unit"));
        Long parent = rs.getObject("parent_id", Long.class);
        return new Task(
                rs.getLong("id"),
                rs.getLong("project_id"),
                parent,
                rs.getInt("position"),
                rs.getString("wbs"),
                rs.getInt("outline_level"),
                rs.getString("name"),
                rs.getString("description"),
                summary ? TaskType.SUMMARY : milestone ? TaskType.MILESTONE : TaskType.TASK,
                summary,
                milestone,
                rs.getString("status"),
                Priority.valueOf(rs.getString("priority")),
                strings(rs.getArray("tags")),
                List.of(),
                minutes,
                unit,
                DurationText.format(minutes, unit, access.minutesPerDay(), access.minutesPerWeek()),
                rs.getObject("start_at", LocalDateTime.class),
                rs.getObject("finish_at", LocalDateTime.class),
                rs.getInt("percent_complete"),
                points(rs.getBigDecimal("story_points")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    private static Link link(ResultSet rs, ProjectAccess access) throws SQLException {
        long lag = rs.getLong("lag_minutes");
        DurationUnit unit = DurationUnit.valueOf(rs.getString("lag_unit"));
        return new Link(
                rs.getLong("id"),
                rs.getLong("predecessor_id"),
                rs.getString("predecessor_name"),
                rs.getString("predecessor_wbs"),
                rs.getLong("successor_id"),
                rs.getString("successor_name"),
                rs.getString("successor_wbs"),
                LinkType.of(rs.getString("link_type")),
                lag,
                unit,
                DurationText.format(lag, unit, access.minutesPerDay(), access.minutesPerWeek()),
                rs.getInt("version"));
    }

    /** 3.00 reads back as 3 and 0.50 as 0.5: what was typed, not the column's scale. */
    private static java.math.BigDecimal points(java.math.BigDecimal value) {
        return value == null
                ? null
                : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
