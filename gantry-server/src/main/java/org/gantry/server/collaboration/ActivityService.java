package org.gantry.server.collaboration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the activity log the database writes (V51): a project's feed (filtered, paged, as CSV) and a
 * task's history (the task's own changes, its assignees, assignments, comments and the links it is
 * either end of).
 */
@Service
public class ActivityService {

    static final Set<String> KINDS = Set.of(
            "project",
            "member",
            "holiday",
            "status",
            "task",
            "assignee",
            "link",
            "resource",
            "assignment",
            "comment",
            "attachment",
            "change request",
            "risk",
            "raid entry",
            "scheduler");
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_CSV_ROWS = 100_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("name", "Name"),
            Map.entry("description", "Description"),
            Map.entry("start_at", "Start"),
            Map.entry("finish_at", "Finish"),
            Map.entry("start_date", "Start date"),
            Map.entry("duration_minutes", "Duration (working minutes)"),
            Map.entry("duration_unit", "Duration unit"),
            Map.entry("percent_complete", "% complete"),
            Map.entry("status", "Status"),
            Map.entry("priority", "Priority"),
            Map.entry("tags", "Tags"),
            Map.entry("milestone", "Milestone"),
            Map.entry("parent_id", "Parent task"),
            Map.entry("constraint_type", "Constraint"),
            Map.entry("constraint_date", "Constraint date"),
            Map.entry("deadline", "Deadline"),
            Map.entry("role", "Role"),
            Map.entry("user_id", "Person"),
            Map.entry("link_type", "Type"),
            Map.entry("lag_minutes", "Lag (working minutes)"),
            Map.entry("predecessor_id", "Predecessor"),
            Map.entry("successor_id", "Successor"),
            Map.entry("units", "Units"),
            Map.entry("work_minutes", "Work (minutes)"),
            Map.entry("resource_id", "Resource"),
            Map.entry("body", "Text"),
            Map.entry("author_id", "Author"),
            Map.entry("resolved_at", "Resolved"),
            Map.entry("deleted_at", "Deleted"),
            Map.entry("edited_at", "Edited"),
            Map.entry("archived", "Archived"),
            Map.entry("time_zone", "Time zone"),
            Map.entry("working_days", "Working days"),
            Map.entry("working_hours", "Working hours"),
            Map.entry("category", "Category"),
            Map.entry("max_units", "Maximum units"),
            Map.entry("standard_rate", "Standard rate"),
            Map.entry("tasks", "Tasks"),
            Map.entry("links", "Links"),
            Map.entry("resources", "Resources"),
            Map.entry("assignments", "Assignments"));

    private static final String SELECT = """
        select a.id, a.occurred_at, a.actor_kind, a.actor_id, u.name as actor_name,
        a.token_id, a.entity, a.entity_key, a.task_id, a.action, a.label, a.changes::text as changes
        from activity a left join app_user u on u.id = a.actor_id
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    ActivityService(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /**
     * Records a change that has no row trigger of its own (a decision on a change request) in the caller's
     * transaction, attributed as the triggers attribute rows: to the person or token of the transaction.
     * {@code changes} maps each field to its [old, new] values.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void record(long projectId, String entity, String key, String label, Map<String, List<Object>> changes) {
        jdbc.sql("""
                insert into activity (project_id, entity, entity_key, action, label, changes, actor_id, token_id,
                actor_kind) select ?, ?, ?, 'updated', ?, cast(? as jsonb), a.actor, a.token,
                case when a.actor is null then 'system' when a.token is not null then 'token' else 'user' end
                from (select nullif(current_setting('gantry.actor_id', true), '')::bigint as actor,
                nullif(current_setting('gantry.token_id', true), '')::bigint as token) a
                """)
                .params(projectId, entity, key, label, JSON.writeValueAsString(changes))
                .update();
    }

    @Transactional(readOnly = true)
    public PageOf<ActivityEntry> feed(CurrentUser user, String projectRef, ActivityFilter filter, int page, int size) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        var problems = new InvalidInput.Collector();
        if (page < 0) {
            problems.add("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        problems.throwIfAny();
        Where where = where(access, filter);
        long total = jdbc.sql("select count(*) from activity a where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        List<ActivityEntry> items = jdbc.sql(SELECT + " where " + where.sql() + " order by a.id desc limit ? offset ?")
                .params(params)
                .query(ActivityService::entry)
                .list();
        return new PageOf<>(withoutMoney(access, items), page, size, total);
    }

    /** The task's history, newest first: its own changes and those of what hangs on it. */
    @Transactional(readOnly = true)
    public List<ActivityEntry> taskHistory(CurrentUser user, String projectRef, long taskId, int limit) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        boolean exists = jdbc.sql("""
                select exists (select 1 from task where id = ? and project_id = ?)
                or exists (select 1 from activity where project_id = ? and entity = 'task' and task_id = ?)
                """)
                .params(taskId, access.projectId(), access.projectId(), taskId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new NotFound("There is no task " + taskId + " in project " + access.key() + ".");
        }
        return withoutMoney(
                access,
                jdbc.sql(SELECT + " where a.project_id = ? and (a.task_id = ? or a.other_task_id = ?)"
                                + " order by a.id desc limit ?")
                        .params(access.projectId(), taskId, taskId, Math.max(1, Math.min(limit, 500)))
                        .query(ActivityService::entry)
                        .list());
    }

    /** The feed as CSV, one line per changed field, oldest first; formulas are neutralised for spreadsheets. */
    @Transactional(readOnly = true)
    public void writeCsv(CurrentUser user, String projectRef, ActivityFilter filter, Writer out) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        Where where = where(access, filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(MAX_CSV_ROWS);
        DateTimeFormatter time =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(access.timeZone());
        try {
            out.write("When,Who,Kind,Action,What,Field,Old value,New value\r\n");
            for (ActivityEntry entry : withoutMoney(
                    access,
                    jdbc.sql(SELECT + " where " + where.sql() + " order by a.id limit ?")
                            .params(params)
                            .query(ActivityService::entry)
                            .list())) {
                List<ActivityEntry.FieldChange> changes = entry.changes().isEmpty()
                        ? List.of(new ActivityEntry.FieldChange("", "", null, null))
                        : entry.changes();
                for (ActivityEntry.FieldChange change : changes) {
                    out.write(String.join(
                                    ",",
                                    csv(time.format(entry.occurredAt())),
                                    csv(entry.who()),
                                    csv(entry.entity()),
                                    csv(entry.action()),
                                    csv(entry.label()),
                                    csv(change.label()),
                                    csv(change.oldValue()),
                                    csv(change.newValue()))
                            + "\r\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rates are money: for those who may not see costs, the log keeps that a resource changed, not its rates. */
    private static final Set<String> MONEY =
            Set.of("standard_rate", "standard_rate_per", "overtime_rate", "overtime_rate_per", "cost_per_use", "cost");

    private static List<ActivityEntry> withoutMoney(ProjectAccess access, List<ActivityEntry> entries) {
        if (access.can(Permission.SEE_COSTS)) {
            return entries;
        }
        return entries.stream()
                .map(e -> new ActivityEntry(
                        e.id(),
                        e.occurredAt(),
                        e.actorKind(),
                        e.actorId(),
                        e.actorName(),
                        e.tokenId(),
                        e.entity(),
                        e.entityKey(),
                        e.taskId(),
                        e.action(),
                        e.label(),
                        e.changes().stream()
                                .filter(change -> !MONEY.contains(change.field()))
                                .toList()))
                .toList();
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(ProjectAccess access, ActivityFilter filter) {
        var problems = new InvalidInput.Collector();
        StringBuilder sql = new StringBuilder("a.project_id = ?");
        List<Object> params = new ArrayList<>(List.of(access.projectId()));
        ActivityFilter f = filter == null ? ActivityFilter.none() : filter;
        if (f.person() != null) {
            sql.append(" and a.actor_id = ? and a.actor_kind in ('user', 'token')");
            params.add(f.person());
        }
        if (f.kind() != null && !f.kind().isBlank()) {
            if (!KINDS.contains(f.kind())) {
                problems.add(
                        "kind",
                        "must be one of "
                                + String.join(", ", KINDS.stream().sorted().toList()));
            } else if (f.kind().equals("scheduler")) {
                sql.append(" and a.actor_kind = 'scheduler'");
            } else {
                sql.append(" and a.entity = ?");
                params.add(f.kind());
            }
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            problems.add("to", "must not be before from");
        }
        checkDay("from", f.from(), problems);
        checkDay("to", f.to(), problems);
        problems.throwIfAny();
        ZoneId zone = access.timeZone();
        if (f.from() != null) {
            sql.append(" and a.occurred_at >= ?");
            params.add(java.sql.Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" and a.occurred_at < ?");
            params.add(java.sql.Timestamp.from(
                    f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return new Where(sql.toString(), params);
    }

    private static void checkDay(String field, LocalDate day, InvalidInput.Collector problems) {
        if (day != null && (day.getYear() < 1900 || day.getYear() > 2200)) {
            problems.add(field, "must be a day between 1900 and 2200");
        }
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        // A spreadsheet runs a cell that starts like a formula: make it text.
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static ActivityEntry entry(ResultSet rs, int n) throws SQLException {
        List<ActivityEntry.FieldChange> changes = new ArrayList<>();
        JsonNode json = JSON.readTree(rs.getString("changes"));
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            JsonNode pair = field.getValue();
            changes.add(new ActivityEntry.FieldChange(
                    field.getKey(),
                    FIELD_LABELS.getOrDefault(field.getKey(), field.getKey().replace('_', ' ')),
                    text(pair.get(0)),
                    text(pair.get(1))));
        }
        changes.sort(java.util.Comparator.comparing(ActivityEntry.FieldChange::label));
        return new ActivityEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_kind"),
                rs.getObject("actor_id", Long.class),
                rs.getString("actor_name"),
                rs.getObject("token_id", Long.class),
                rs.getString("entity"),
                rs.getString("entity_key"),
                rs.getObject("task_id", Long.class),
                rs.getString("action"),
                rs.getString("label"),
                changes);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
