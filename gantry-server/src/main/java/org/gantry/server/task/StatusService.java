package org.gantry.server.task;

import java.util.List;
import java.util.Locale;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The statuses a project's tasks can have: three built in, more defined by owners and managers. */
@Service
public class StatusService {

    private final JdbcClient jdbc;
    private final ProjectService projects;

    StatusService(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Transactional(readOnly = true)
    public List<TaskStatus> list(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return statuses(access.projectId());
    }

    @Transactional
    public TaskStatus create(CurrentUser user, String projectRef, NewStatus command) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.MANAGE_TASKS);
        var problems = new InvalidInput.Collector();
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty()) {
            problems.add("name", "is required");
        } else if (name.length() > 50) {
            problems.add("name", "must be at most 50 characters long");
        }
        String key = command.key() == null || command.key().isBlank()
                ? name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "")
                : command.key().strip();
        if (!key.matches("[a-z][a-z0-9_]{0,29}")) {
            problems.add(command.key() == null ? "name" : "key", "must give a key of lower-case letters, digits and _");
        }
        if (command.category() == null) {
            problems.add("category", "is required: TO_DO, IN_PROGRESS or DONE");
        }
        problems.throwIfAny();
        if (statuses(access.projectId()).stream().anyMatch(s -> s.key().equals(key))) {
            throw new Conflict("Duplicate status", "Project " + access.key() + " already has the status " + key + ".");
        }
        jdbc.sql("""
                insert into task_status (project_id, status_key, name, category, position)
                values (?, ?, ?, ?, (select coalesce(max(position), 0) + 1 from task_status where project_id = ?))
                """)
                .params(access.projectId(), key, name, command.category().name(), access.projectId())
                .update();
        return statuses(access.projectId()).stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void delete(CurrentUser user, String projectRef, String key) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.MANAGE_TASKS);
        TaskStatus status = statuses(access.projectId()).stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no status " + key + "."));
        if (status.builtIn()) {
            throw new Conflict("Built-in status", "The status " + key + " is built in and cannot be deleted.");
        }
        long used = jdbc.sql("select count(*) from task where project_id = ? and status = ?")
                .params(access.projectId(), key)
                .query(Long.class)
                .single();
        if (used > 0) {
            throw new Conflict(
                    "Status in use", used + " tasks have the status " + key + "; give them another status first.");
        }
        jdbc.sql("delete from task_status where project_id = ? and status_key = ?")
                .params(access.projectId(), key)
                .update();
    }

    private List<TaskStatus> statuses(long projectId) {
        return jdbc.sql("""
                select status_key, name, category, position, built_in from task_status where project_id = ?
                order by position
                """)
                .param(projectId)
                .query((rs, row) -> new TaskStatus(
                        rs.getString(1),
                        rs.getString(2),
                        StatusCategory.valueOf(rs.getString(3)),
                        rs.getInt(4),
                        rs.getBoolean(5)))
                .list();
    }
}
