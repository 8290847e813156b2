package org.gantry.server.timesheet;

import java.util.Collection;
import java.util.List;
import org.gantry.server.project.RescheduleOnce;
import org.gantry.server.project.ScheduleAffected;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns logged hours into actual work on tasks and assignments, inside the transaction that changed them.
 * Which hours count is the project's choice: approved ones (the default) or all. Microsoft Project's rules:
 * work = actual work + remaining work; logging hours lowers the remaining work, never below zero (hours
 * beyond the plan raise the work instead); % work complete = actual / (actual + remaining). With "% complete
 * from hours" the task's % complete is its % work complete (100 only once nothing remains) and the schedule
 * is recalculated, as after any progress; otherwise % complete stays as entered by hand. A task's planned
 * work is its own work or, without one, the sum of its assignments' work; a task without planned work keeps
 * its % complete. An assignment's actual work is the counted hours of the person its resource stands for.
 */
@Component
class Actuals {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final RescheduleOnce once;

    Actuals(JdbcClient jdbc, ApplicationEventPublisher events, RescheduleOnce once) {
        this.jdbc = jdbc;
        this.events = events;
        this.once = once;
    }

    @EventListener
    void on(TimesheetDecided decided) {
        refresh(decided.projectId(), decided.taskIds());
    }

    @EventListener
    void on(TimeSettingsChanged changed) {
        refresh(
                changed.projectId(),
                jdbc.sql("""
                        select id from task where project_id = ? and (actual_work_minutes > 0 or exists (select 1
                        from time_entry e where e.task_id = task.id))
                        """).params(changed.projectId()).query(Long.class).list());
    }

    /** Recomputes the actual and remaining work (and, if chosen, % complete) of these tasks of the project. */
    void refresh(long projectId, Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        Long[] tasks = taskIds.stream().distinct().toArray(Long[]::new);
        boolean all = "ALL"
                .equals(jdbc.sql("select actuals from project_time_settings where project_id = ?")
                        .params(projectId)
                        .query(String.class)
                        .optional()
                        .orElse("APPROVED"));
        boolean fromHours = jdbc.sql("select progress_from_hours from project_time_settings where project_id = ?")
                .params(projectId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        String counted = all ? "true" : "e.state = 'APPROVED'";
        jdbc.sql("update assignment a set actual_work_minutes = coalesce(x.minutes, 0), remaining_work_minutes ="
                        + " greatest(a.work_minutes - coalesce(x.minutes, 0), 0) from assignment a2 join resource r on"
                        + " r.id = a2.resource_id left join lateral (select sum(e.minutes) as minutes from time_entry e"
                        + " where e.task_id = a2.task_id and e.user_id = r.user_id and " + counted + ") x on true"
                        + " where a.id = a2.id and a.task_id = any(:tasks) and a.project_id = :project")
                .param("tasks", tasks)
                .param("project", projectId)
                .update();
        record Progress(long id, long planned, long actual, int percent) {}
        List<Progress> progress = jdbc.sql("select t.id, coalesce(t.work_minutes, (select sum(a.work_minutes) from"
                        + " assignment a where a.task_id = t.id), 0), coalesce((select sum(e.minutes) from time_entry"
                        + " e where e.task_id = t.id and " + counted + "), 0), t.percent_complete from task t"
                        + " where t.id = any(:tasks) and t.project_id = :project")
                .param("tasks", tasks)
                .param("project", projectId)
                .query((rs, n) -> new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
                .list();
        // A week of hours on many tasks is one change of progress: one reschedule after the last task.
        once.afterAll(projectId, () -> {
            for (Progress task : progress) {
                long remaining = Math.max(task.planned() - task.actual(), 0);
                jdbc.sql("update task set actual_work_minutes = ?, remaining_work_minutes = ? where id = ?")
                        .params(task.actual(), task.planned() == 0 ? null : remaining, task.id())
                        .update();
                if (fromHours && task.planned() > 0) {
                    int percent = remaining == 0 ? 100 : (int) Math.min(99, task.actual() * 100 / task.planned());
                    if (percent != task.percent()) {
                        jdbc.sql("update task set percent_complete = ?, version = version + 1 where id = ?")
                                .params(percent, task.id())
                                .update();
                        events.publishEvent(new ScheduleAffected(projectId, task.id(), null, null, false));
                    }
                }
            }
        });
    }
}
