package org.gantry.server.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A project's sprint rows and their membership, read for the sprint service and the sprint charts, and the two
 * sums both compute from the activity log: the points committed at a sprint's start and a sprint's scope at a
 * moment.
 */
@Component
class SprintRows {

    static final String COLUMNS =
            "id, name, goal, start_date, end_date, state, milestone_id, started_at, completed_at, version";

    private final JdbcClient jdbc;

    SprintRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SprintRow(
            long id,
            String name,
            String goal,
            LocalDate startDate,
            LocalDate endDate,
            SprintState state,
            Long milestoneId,
            Instant startedAt,
            Instant completedAt,
            int version) {}

    /** A task's membership of a sprint, as the charts need it. */
    record Member(long taskId, Instant addedAt, boolean committed, Instant removedAt) {}

    /** What was in a sprint at one moment, and how much of it was done, in points. */
    record Scope(BigDecimal total, BigDecimal done, BigDecimal committedTotal, BigDecimal committedDone) {}

    static SprintRow sprintRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SprintRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("goal"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                SprintState.valueOf(rs.getString("state")),
                rs.getObject("milestone_id", Long.class),
                instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("completed_at", OffsetDateTime.class)),
                rs.getInt("version"));
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    SprintRow row(ProjectAccess access, long sprintId) {
        SprintRow row = optionalRow(access, sprintId);
        if (row == null) {
            throw new NotFound("There is no sprint " + sprintId + " in project " + access.key() + ".");
        }
        return row;
    }

    SprintRow optionalRow(ProjectAccess access, long sprintId) {
        return jdbc.sql("select " + COLUMNS + " from sprint where id = ? and project_id = ?")
                .params(sprintId, access.projectId())
                .query(SprintRows::sprintRow)
                .optional()
                .orElse(null);
    }

    List<Member> members(long sprintId) {
        return jdbc.sql("""
                select task_id, added_at, committed, removed_at from sprint_task where sprint_id = ?
                order by rank, task_id
                """)
                .param(sprintId)
                .query((rs, row) -> new Member(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(3),
                        instant(rs.getObject(4, OffsetDateTime.class))))
                .list();
    }

    /** The points of the tasks committed at the start, as they were at the start. */
    static BigDecimal committedPoints(SprintRow sprint, List<Member> members, TaskHistory history) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Member member : members) {
            if (member.committed()) {
                sum = sum.add(history.pointsAt(member.taskId(), sprint.startedAt()));
            }
        }
        return sum;
    }

    /** What was in the sprint at {@code at}, and how much of it was done, with the points of then. */
    static Scope scope(List<Member> members, TaskHistory history, Instant at) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal done = BigDecimal.ZERO;
        BigDecimal committedTotal = BigDecimal.ZERO;
        BigDecimal committedDone = BigDecimal.ZERO;
        for (Member member : members) {
            boolean in = !member.addedAt().isAfter(at)
                    && (member.removedAt() == null || member.removedAt().isAfter(at));
            if (!in) {
                continue;
            }
            BigDecimal points = history.pointsAt(member.taskId(), at);
            boolean finished = history.doneAt(member.taskId(), at);
            total = total.add(points);
            if (finished) {
                done = done.add(points);
            }
            if (member.committed()) {
                committedTotal = committedTotal.add(points);
                if (finished) {
                    committedDone = committedDone.add(points);
                }
            }
        }
        return new Scope(total, done, committedTotal, committedDone);
    }

    /** The last closed sprints, oldest first. */
    List<SprintRow> lastClosed(ProjectAccess access, int last) {
        List<SprintRow> closed = new java.util.ArrayList<>(jdbc.sql("select " + COLUMNS + " from sprint"
                        + " where project_id = ? and state = 'CLOSED' order by completed_at desc, id desc limit ?")
                .params(access.projectId(), last)
                .query(SprintRows::sprintRow)
                .list());
        java.util.Collections.reverse(closed);
        return closed;
    }
}
