package org.gantry.server.board;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.task.Priority;
import org.gantry.server.task.StatusCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My work": every unfinished task assigned to the caller in the projects they are a member of (archived
 * projects left out), read in one query and sorted into the groups of {@link MyWork}.
 */
@Service
public class MyWorkService {

    private final JdbcClient jdbc;

    MyWorkService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public MyWork myWork(CurrentUser user) {
        record Row(MyTask task, ZoneId zone) {}
        List<Row> rows = jdbc.sql("""
                select p.project_key, p.name as project_name, p.time_zone, t.id,
                array_to_string(t.outline_path, '.') as wbs, t.name, t.status, s.name as status_name,
                s.category, t.priority, t.finish_at, t.version
                from task_assignee a join task t on t.id = a.task_id join project p on p.id = t.project_id
                join project_member m on m.project_id = p.id and m.user_id = a.user_id
                join task_status s on s.project_id = t.project_id and s.status_key = t.status
                where a.user_id = ? and not p.archived and s.category <> 'DONE' and t.percent_complete < 100
                order by t.finish_at nulls last, upper(p.project_key), t.outline_path
                """)
                .param(user.id())
                .query((rs, row) -> {
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    LocalDateTime finish = rs.getObject("finish_at", LocalDateTime.class);
                    String key = rs.getString("project_key");
                    long id = rs.getLong("id");
                    return new Row(
                            new MyTask(
                                    key,
                                    rs.getString("project_name"),
                                    id,
                                    rs.getString("wbs"),
                                    rs.getString("name"),
                                    rs.getString("status"),
                                    rs.getString("status_name"),
                                    StatusCategory.valueOf(rs.getString("category")),
                                    Priority.valueOf(rs.getString("priority")),
                                    finish,
                                    finish != null && finish.isBefore(LocalDateTime.now(zone)),
                                    rs.getInt("version"),
                                    "/projects/" + key + "/list?task=" + id),
                            zone);
                })
                .list();
        List<MyTask> overdue = new ArrayList<>();
        List<MyTask> dueThisWeek = new ArrayList<>();
        List<MyTask> inProgress = new ArrayList<>();
        List<MyTask> open = new ArrayList<>();
        for (Row row : rows) {
            MyTask task = row.task();
            LocalDate today = LocalDate.now(row.zone());
            LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            LocalDate due = task.finish() == null ? null : task.finish().toLocalDate();
            if (due != null && due.isBefore(today)) {
                overdue.add(task);
            } else if (due != null && !due.isAfter(sunday)) {
                dueThisWeek.add(task);
            } else if (task.category() == StatusCategory.IN_PROGRESS) {
                inProgress.add(task);
            } else {
                open.add(task);
            }
        }
        return new MyWork(List.copyOf(overdue), List.copyOf(dueThisWeek), List.copyOf(inProgress), List.copyOf(open));
    }
}
