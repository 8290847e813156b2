package org.gantry.server.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who watches which task. Assignees watch through their assignment (no row of ours), the author and
 * mentioned people through a row written when that happens, others by choice; a row with
 * {@code watching = false} is a person who stopped watching. Anyone who can read the project may watch.
 * Only people who can still read the project (members, system admins; active) count as watchers, so a
 * removed member stops being notified at once.
 */
@Service
class Watchers {

    /**
     * Watchers of the given tasks who can read the project: assignees and watching rows, less those who
     * stopped watching. One query for any number of tasks.
     */
    private static final String WATCHERS = """
        select w.task_id, w.user_id, u.name, w.reason from (
        select a.task_id, a.user_id, 'ASSIGNED' as reason from task_assignee a where a.task_id = any(?)
        union all select x.task_id, x.user_id, x.reason from task_watcher x
        where x.task_id = any(?) and x.watching) w
        join app_user u on u.id = w.user_id and u.active
        join task t on t.id = w.task_id
        where not exists (select 1 from task_watcher n where n.task_id = w.task_id and n.user_id = w.user_id
        and not n.watching)
        and (u.system_admin or exists (select 1 from project_member m where m.project_id = t.project_id
        and m.user_id = w.user_id))
        order by w.task_id, u.name
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    Watchers(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Transactional(readOnly = true)
    public TaskWatchers list(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireTask(access, taskId);
        List<Watcher> watchers = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (Row row : rows(List.of(taskId))) {
            if (seen.add(row.userId())) {
                watchers.add(new Watcher(row.userId(), row.name(), row.reason()));
            }
        }
        return new TaskWatchers(taskId, seen.contains(user.id()), watchers);
    }

    /** Starts (or keeps) watching; reading the project is enough. */
    @Transactional
    public TaskWatchers watch(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireTask(access, taskId);
        jdbc.sql("""
                insert into task_watcher (task_id, user_id, watching, reason) values (?, ?, true, 'CHOSEN')
                on conflict (task_id, user_id) do update set watching = true
                """).params(taskId, user.id()).update();
        return list(user, projectRef, taskId);
    }

    /** Stops watching, also a task one watches as its assignee or author (until one watches it again). */
    @Transactional
    public TaskWatchers unwatch(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireTask(access, taskId);
        jdbc.sql("""
                insert into task_watcher (task_id, user_id, watching, reason) values (?, ?, false, 'CHOSEN')
                on conflict (task_id, user_id) do update set watching = false
                """).params(taskId, user.id()).update();
        return list(user, projectRef, taskId);
    }

    /** The author or a mentioned person starts watching, unless they stopped watching this task before. */
    void watchAutomatically(long taskId, Collection<Long> userIds, String reason) {
        if (userIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into task_watcher (task_id, user_id, watching, reason)
                select ?, u, true, ? from unnest(?::bigint[]) as u on conflict do nothing
                """).params(taskId, reason, userIds.toArray(Long[]::new)).update();
    }

    /** The people watching each of the tasks (and able to read its project). */
    Map<Long, Set<Long>> watchersOf(Collection<Long> taskIds) {
        Map<Long, Set<Long>> watchers = new HashMap<>();
        for (Row row : rows(taskIds)) {
            watchers.computeIfAbsent(row.taskId(), k -> new LinkedHashSet<>()).add(row.userId());
        }
        return watchers;
    }

    private List<Row> rows(Collection<Long> taskIds) {
        Long[] ids = taskIds.toArray(Long[]::new);
        return jdbc.sql(WATCHERS)
                .params(ids, ids)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private void requireTask(ProjectAccess access, long taskId) {
        boolean exists = jdbc.sql("select exists (select 1 from task where id = ? and project_id = ?)")
                .params(taskId, access.projectId())
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new NotFound("There is no task " + taskId + " in project " + access.key() + ".");
        }
    }

    private record Row(long taskId, long userId, String name, String reason) {}
}
