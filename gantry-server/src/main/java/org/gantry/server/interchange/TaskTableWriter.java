package org.gantry.server.interchange;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gantry.interchange.PlanLink;
import org.gantry.interchange.PlanTask;
import org.gantry.server.project.ProjectLock;
import org.gantry.server.shared.Conflict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes an imported plan's tasks and links into a new, empty project in a few batched statements. The task
 * service takes one task at a time with its checks (about ten statements each), which puts a 4,000-task
 * schedule at forty seconds; an import checks the whole plan up front instead (names, the outline, loops in
 * the links) and then writes rows with the same columns and defaults the task service writes. It runs in the
 * caller's transaction, so a failure leaves nothing.
 */
@Component
class TaskTableWriter {
    private static final int BATCH = 1_000;

    /** SQL types of the task columns that may be null and are not timestamps, by index in a row. */
    private static final Map<Integer, Integer> NULL_TYPES = Map.of(
            2, Types.BIGINT,
            19, Types.BIGINT,
            20, Types.VARCHAR,
            25, Types.INTEGER,
            26, Types.VARCHAR,
            27, Types.VARCHAR,
            28, Types.VARCHAR,
            29, Types.BIGINT);

    /** A task as its row will be written, with everything already checked. */
    record TaskRow(
            String key,
            String parentKey,
            String name,
            String description,
            boolean milestone,
            String priority,
            long durationMinutes,
            String durationUnit,
            LocalDateTime start,
            LocalDateTime finish,
            int percentComplete,
            String constraintType,
            LocalDateTime constraintDate,
            LocalDateTime deadline,
            String taskType,
            Long workMinutes,
            String calendarKey,
            boolean manuallyScheduled,
            boolean active,
            LocalDateTime actualStart,
            LocalDateTime actualFinish,
            Integer sourcePriority,
            String sourceWbs,
            String sourceDurationUnit,
            long levellingDelayMinutes,
            boolean effortDriven) {}

    /** A link between two task keys; {@code type} is FS, SS, FF or SF. */
    record LinkRow(String predecessorKey, String successorKey, String type, long lagMinutes, String lagUnit) {}

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final ProjectLock projectLock;

    TaskTableWriter(JdbcTemplate jdbc, JdbcClient client, ProjectLock projectLock) {
        this.jdbc = jdbc;
        this.client = client;
        this.projectLock = projectLock;
    }

    /**
     * Writes the rows (parents before children) and links after the project's existing top-level tasks;
     * returns the ids by key. Holds the same per-project lock as the task service's outline edits.
     */
    Map<String, Long> write(long projectId, List<TaskRow> tasks, List<LinkRow> links) {
        projectLock.lock(projectId);
        Map<String, String> statuses = statuses(projectId);
        int topLevel = client.sql(
                        "select coalesce(max(position), 0) from task where project_id = ? and parent_id is null")
                .param(projectId)
                .query(Integer.class)
                .single();
        List<Long> ids = client.sql("select nextval(pg_get_serial_sequence('task', 'id')) from generate_series(1, ?)")
                .param(tasks.size())
                .query(Long.class)
                .list();
        Map<String, Long> idByKey = new HashMap<>();
        Map<String, Integer[]> pathByKey = new HashMap<>();
        Map<String, Integer> childCount = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < tasks.size(); k++) {
            TaskRow task = tasks.get(k);
            long id = ids.get(k);
            idByKey.put(task.key(), id);
            String parent = task.parentKey() != null && idByKey.containsKey(task.parentKey()) ? task.parentKey() : null;
            int position =
                    childCount.merge(parent == null ? "" : parent, 1, Integer::sum) + (parent == null ? topLevel : 0);
            Integer[] parentPath = parent == null ? new Integer[0] : pathByKey.get(parent);
            Integer[] path = Arrays.copyOf(parentPath, parentPath.length + 1);
            path[parentPath.length] = position;
            pathByKey.put(task.key(), path);
            // The file's code is kept only where it is not the number Gantry gives the task, with that number,
            // so an export can tell whether the task is still where the file had it.
            String outlineNumber = Arrays.stream(path).map(String::valueOf).collect(Collectors.joining("."));
            String sourceWbs = task.sourceWbs() == null
                            || task.sourceWbs().isBlank()
                            || task.sourceWbs().equals(outlineNumber)
                    ? null
                    : task.sourceWbs();
            String status = task.percentComplete() >= 100
                    ? statuses.get("DONE")
                    : task.percentComplete() > 0 ? statuses.get("IN_PROGRESS") : statuses.get("TO_DO");
            rows.add(new Object[] {
                id,
                projectId,
                parent == null ? null : idByKey.get(parent),
                position,
                path,
                task.name(),
                task.description() == null ? "" : task.description(),
                task.milestone(),
                status == null ? statuses.get("TO_DO") : status,
                task.priority(),
                task.durationMinutes(),
                task.durationUnit(),
                task.start(),
                task.finish(),
                task.percentComplete(),
                task.constraintType(),
                task.constraintDate(),
                task.deadline(),
                task.taskType(),
                task.workMinutes(),
                task.calendarKey(),
                task.manuallyScheduled(),
                task.active(),
                task.actualStart(),
                task.actualFinish(),
                task.sourcePriority(),
                sourceWbs,
                sourceWbs == null ? null : outlineNumber,
                task.sourceDurationUnit(),
                task.sourceDurationUnit() == null ? null : task.durationMinutes(),
                task.levellingDelayMinutes(),
                task.effortDriven()
            });
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            jdbc.batchUpdate(
                    "insert into task (id, project_id, parent_id, position, outline_path, name, description, milestone,"
                            + " status, priority, duration_minutes, duration_unit, start_at, finish_at, percent_complete,"
                            + " constraint_type, constraint_date, deadline, task_type, work_minutes, calendar_key,"
                            + " manually_scheduled, active, actual_start, actual_finish, source_priority, source_wbs,"
                            + " source_wbs_outline, source_duration_unit, source_duration_minutes,"
                            + " levelling_delay_minutes, effort_driven)"
                            + " overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chunk,
                    chunk.size(),
                    TaskTableWriter::setTask);
        }
        List<Object[]> linkRows = new ArrayList<>();
        for (LinkRow link : links) {
            linkRows.add(new Object[] {
                projectId,
                idByKey.get(link.predecessorKey()),
                idByKey.get(link.successorKey()),
                link.type(),
                link.lagMinutes(),
                link.lagUnit()
            });
        }
        for (int from = 0; from < linkRows.size(); from += BATCH) {
            List<Object[]> chunk = linkRows.subList(from, Math.min(linkRows.size(), from + BATCH));
            jdbc.batchUpdate(
                    "insert into task_link (project_id, predecessor_id, successor_id, link_type, lag_minutes, lag_unit)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    chunk,
                    chunk.size(),
                    (statement, row) -> {
                        for (int c = 0; c < row.length; c++) {
                            statement.setObject(c + 1, row[c]);
                        }
                    });
        }
        return idByKey;
    }

    private static void setTask(PreparedStatement statement, Object[] row) throws SQLException {
        for (int c = 0; c < row.length; c++) {
            Object value = row[c];
            if (value instanceof Integer[] path) {
                statement.setArray(c + 1, statement.getConnection().createArrayOf("integer", path));
            } else if (value instanceof LocalDateTime time) {
                statement.setTimestamp(c + 1, Timestamp.valueOf(time));
            } else if (value == null) {
                statement.setNull(c + 1, NULL_TYPES.getOrDefault(c, Types.TIMESTAMP));
            } else {
                statement.setObject(c + 1, value);
            }
        }
    }

    /** The first status of each category, as new tasks take it. */
    private Map<String, String> statuses(long projectId) {
        Map<String, String> first = new HashMap<>();
        client.sql("select category, status_key from task_status where project_id = ? order by position")
                .param(projectId)
                .query((rs, row) -> {
                    first.putIfAbsent(rs.getString(1), rs.getString(2));
                    return null;
                })
                .list();
        return first;
    }

    /**
     * Links Gantry keeps: each pair once, none between a summary and its own subtasks (Project allows
     * neither either). Throws a conflict naming the tasks when the links go round in a loop.
     */
    static List<PlanLink> checkedLinks(List<PlanTask> tasks, List<PlanLink> links, List<String> notKept) {
        Map<String, PlanTask> byKey = new HashMap<>();
        tasks.forEach(t -> byKey.put(t.key(), t));
        Set<String> pairs = new HashSet<>();
        List<PlanLink> kept = new ArrayList<>();
        int skipped = 0;
        for (PlanLink link : links) {
            if (!byKey.containsKey(link.predecessorKey()) || !byKey.containsKey(link.successorKey())) {
                continue;
            }
            if (!pairs.add(link.predecessorKey() + ">" + link.successorKey())
                    || ancestor(byKey, link.predecessorKey(), link.successorKey())
                    || ancestor(byKey, link.successorKey(), link.predecessorKey())) {
                skipped++;
                continue;
            }
            kept.add(link);
        }
        if (skipped > 0) {
            notKept.add(skipped + " duplicate links or links between a summary and its own subtasks");
        }
        List<String> loop = loop(tasks, kept);
        if (!loop.isEmpty()) {
            List<String> names =
                    loop.stream().map(k -> "'" + byKey.get(k).name() + "'").toList();
            throw new Conflict(
                    "Dependency loop",
                    "The file's links go round in a loop: " + String.join(" -> ", names)
                            + ". Remove one of these links in the source tool and import again.",
                    Map.of("cycle", loop));
        }
        return kept;
    }

    private static boolean ancestor(Map<String, PlanTask> byKey, String candidate, String of) {
        PlanTask task = byKey.get(of);
        for (int hops = 0; task != null && task.parentKey() != null && hops < 10_000; hops++) {
            if (task.parentKey().equals(candidate)) {
                return true;
            }
            task = byKey.get(task.parentKey());
        }
        return false;
    }

    /** A loop among the links (first and last the same task), or nothing: an iterative depth-first search. */
    static List<String> loop(List<PlanTask> tasks, List<PlanLink> links) {
        Map<String, List<String>> successors = new HashMap<>();
        for (PlanLink link : links) {
            successors
                    .computeIfAbsent(link.predecessorKey(), k -> new ArrayList<>())
                    .add(link.successorKey());
        }
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 finished
        for (PlanTask start : tasks) {
            if (state.containsKey(start.key())) {
                continue;
            }
            List<String> path = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            path.add(start.key());
            next.add(0);
            state.put(start.key(), 1);
            while (!path.isEmpty()) {
                String node = path.get(path.size() - 1);
                List<String> out = successors.getOrDefault(node, List.of());
                int index = next.get(next.size() - 1);
                if (index >= out.size()) {
                    state.put(node, 2);
                    path.remove(path.size() - 1);
                    next.remove(next.size() - 1);
                    continue;
                }
                next.set(next.size() - 1, index + 1);
                String successor = out.get(index);
                Integer seen = state.get(successor);
                if (seen == null) {
                    state.put(successor, 1);
                    path.add(successor);
                    next.add(0);
                } else if (seen == 1) {
                    List<String> loop = new ArrayList<>(path.subList(path.indexOf(successor), path.size()));
                    loop.add(successor);
                    return loop;
                }
            }
        }
        return List.of();
    }
}
