package org.gantry.server.timesheet;

import java.math.BigDecimal;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a task's actual and remaining work, for the task panel and the API. */
@Service
public class TaskTime {

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final TimesheetApprovals approvals;

    TaskTime(JdbcClient jdbc, ProjectService projects, TimesheetApprovals approvals) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.approvals = approvals;
    }

    @Transactional(readOnly = true)
    public TaskActuals of(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef);
        TimeSettings settings = approvals.settings(access.projectId());
        record Row(String name, long planned, long actual, Long remaining, int percent, long pending) {}
        Row row = jdbc.sql("""
                select t.name, coalesce(t.work_minutes, (select sum(a.work_minutes) from assignment a
                where a.task_id = t.id), 0), t.actual_work_minutes, t.remaining_work_minutes,
                t.percent_complete, coalesce((select sum(e.minutes) from time_entry e where e.task_id =
                t.id and e.state <> 'APPROVED'), 0) from task t where t.id = ? and t.project_id = ?
                """)
                .params(taskId, access.projectId())
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getObject(4, Long.class),
                        rs.getInt(5),
                        rs.getLong(6)))
                .optional()
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
        long remaining = row.remaining() == null ? Math.max(row.planned() - row.actual(), 0) : row.remaining();
        long total = row.actual() + remaining;
        List<TaskActuals.AssignmentActuals> assignments = jdbc.sql("""
                select r.id, r.name, a.work_minutes,
                a.actual_work_minutes, a.remaining_work_minutes from assignment a join resource r on r.id =
                a.resource_id where a.task_id = ? order by r.name
                """)
                .params(taskId)
                .query((rs, n) -> new TaskActuals.AssignmentActuals(
                        rs.getLong(1),
                        rs.getString(2),
                        Hours.of(Math.toIntExact(Math.max(rs.getLong(3), rs.getLong(4) + rs.getLong(5)))),
                        Hours.of(Math.toIntExact(rs.getLong(4))),
                        Hours.of(Math.toIntExact(rs.getLong(5)))))
                .list();
        return new TaskActuals(
                taskId,
                row.name(),
                hours(total),
                hours(row.actual()),
                hours(remaining),
                total == 0 ? null : (int) (remaining == 0 ? 100 : Math.min(99, row.actual() * 100 / total)),
                row.percent(),
                hours(settings.actuals().equals("ALL") ? 0 : row.pending()),
                settings.actuals(),
                Boolean.TRUE.equals(settings.progressFromHours()),
                assignments);
    }

    private static BigDecimal hours(long minutes) {
        return Hours.of(Math.toIntExact(Math.min(minutes, Integer.MAX_VALUE)));
    }
}
