package org.gantry.server.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The status and story points of each task of a project at any instant, replayed from the activity log
 * (every change of a task's status or points, with when). Before a task's first recorded change it had
 * the value that change started from; a task whose creation is recorded did not exist before it; a task
 * with no record at all (an import) always had its current values. Done means: in a status of the DONE
 * category (the board's rule), by the project's statuses now.
 */
final class TaskHistory {

    private record Event(
            Instant at, boolean created, boolean hasStatus, String status, boolean hasPoints, BigDecimal points) {}

    private record Current(String status, BigDecimal points) {}

    private final Map<Long, List<Event>> events;
    private final Map<Long, Current> current;
    private final Set<String> doneStatuses;

    private TaskHistory(Map<Long, List<Event>> events, Map<Long, Current> current, Set<String> doneStatuses) {
        this.events = events;
        this.current = current;
        this.doneStatuses = doneStatuses;
    }

    /** Three queries: the tasks now, the DONE statuses, and the log's status and points changes. */
    static TaskHistory of(JdbcClient jdbc, long projectId) {
        Map<Long, Current> current = new HashMap<>();
        jdbc.sql("select id, status, story_points from task where project_id = ?")
                .param(projectId)
                .query(rs -> {
                    current.put(rs.getLong(1), new Current(rs.getString(2), rs.getBigDecimal(3)));
                });
        Set<String> done =
                new HashSet<>(jdbc.sql("select status_key from task_status where project_id = ? and category = 'DONE'")
                        .param(projectId)
                        .query(String.class)
                        .list());
        Map<Long, List<Event>> events = new HashMap<>();
        jdbc.sql("""
                select a.task_id, a.occurred_at, a.action, a.changes -> 'status' is not null, a.changes -> 'status' ->> 1,
                a.changes -> 'story_points' is not null, (a.changes -> 'story_points' ->> 1)::numeric
                from activity a where a.project_id = ? and a.entity = 'task' and a.task_id is not null
                and (a.action = 'created' or a.changes -> 'status' is not null or a.changes -> 'story_points' is not null)
                order by a.occurred_at, a.id
                """).param(projectId).query(rs -> {
            events.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(new Event(
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            "created".equals(rs.getString(3)),
                            rs.getBoolean(4),
                            rs.getString(5),
                            rs.getBoolean(6),
                            rs.getBigDecimal(7)));
        });
        // The value before the first recorded change is where that change started from.
        Map<Long, Current> initial = new HashMap<>();
        jdbc.sql("""
                select distinct on (a.task_id) a.task_id, a.changes -> 'status' ->> 0 from activity a
                where a.project_id = ? and a.entity = 'task' and a.changes -> 'status' is not null
                order by a.task_id, a.occurred_at, a.id
                """).param(projectId).query(rs -> {
            initial.put(rs.getLong(1), new Current(rs.getString(2), null));
        });
        Map<Long, BigDecimal> initialPoints = new HashMap<>();
        jdbc.sql("""
                select distinct on (a.task_id) a.task_id, (a.changes -> 'story_points' ->> 0)::numeric from activity a
                where a.project_id = ? and a.entity = 'task' and a.changes -> 'story_points' is not null
                order by a.task_id, a.occurred_at, a.id
                """).param(projectId).query(rs -> {
            initialPoints.put(rs.getLong(1), rs.getBigDecimal(2));
        });
        Map<Long, Current> start = new HashMap<>();
        for (Map.Entry<Long, Current> task : current.entrySet()) {
            long id = task.getKey();
            String status = initial.containsKey(id)
                    ? initial.get(id).status()
                    : task.getValue().status();
            BigDecimal points = initialPoints.containsKey(id)
                    ? initialPoints.get(id)
                    : task.getValue().points();
            start.put(id, new Current(status, points));
        }
        return new TaskHistory(events, start, done);
    }

    /** The status at {@code at}; null when the task did not exist yet (or is unknown). */
    String statusAt(long taskId, Instant at) {
        Current before = current.get(taskId);
        if (before == null) {
            return null;
        }
        List<Event> changes = events.getOrDefault(taskId, List.of());
        String status = !changes.isEmpty() && changes.get(0).created() ? null : before.status();
        for (Event event : changes) {
            if (event.at().isAfter(at)) {
                break;
            }
            if (event.hasStatus()) {
                status = event.status();
            }
        }
        return status;
    }

    /** The story points at {@code at}; zero when none were set. */
    BigDecimal pointsAt(long taskId, Instant at) {
        Current before = current.get(taskId);
        if (before == null) {
            return BigDecimal.ZERO;
        }
        List<Event> changes = events.getOrDefault(taskId, List.of());
        BigDecimal points = !changes.isEmpty() && changes.get(0).created() ? null : before.points();
        for (Event event : changes) {
            if (event.at().isAfter(at)) {
                break;
            }
            if (event.created()) {
                points = event.hasPoints() ? event.points() : null;
            } else if (event.hasPoints()) {
                points = event.points();
            }
        }
        return points == null ? BigDecimal.ZERO : points;
    }

    /** A status a task entered, and when. */
    record StatusEntry(Instant at, String status) {}

    /**
     * The statuses a task entered in order: the one it had first (at its recorded creation, or with no
     * instant when its creation is not recorded), then each recorded status change.
     */
    List<StatusEntry> statusEntries(long taskId) {
        Current before = current.get(taskId);
        if (before == null) {
            return List.of();
        }
        List<StatusEntry> entries = new ArrayList<>();
        List<Event> changes = events.getOrDefault(taskId, List.of());
        if (changes.isEmpty() || !changes.get(0).created()) {
            entries.add(new StatusEntry(null, before.status()));
        }
        for (Event event : changes) {
            if (event.hasStatus() && event.status() != null) {
                entries.add(new StatusEntry(event.at(), event.status()));
            }
        }
        return entries;
    }

    boolean doneAt(long taskId, Instant at) {
        String status = statusAt(taskId, at);
        return status != null && doneStatuses.contains(status);
    }
}
