package org.gantry.server.timesheet;

import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's activity types: everyone who sees the project reads them (to log time as one); owners and
 * managers define, rename and delete them. Names are unique in a project (409 for a second one).
 */
@Service
public class ActivityTypes {
    private static final int MAXIMUM_NAME = 100;
    private static final int MAXIMUM_TYPES = 200;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    ActivityTypes(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Transactional(readOnly = true)
    public List<ActivityType> list(CurrentUser user, String projectRef) {
        return of(projects.access(user, projectRef).projectId());
    }

    List<ActivityType> of(long projectId) {
        return jdbc.sql("""
                select id, project_id, name, billable, version from time_activity_type where project_id = ?
                order by lower(name), id
                """)
                .params(projectId)
                .query((rs, n) ->
                        new ActivityType(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)))
                .list();
    }

    @Transactional
    public ActivityType create(CurrentUser user, String projectRef, ActivityTypeChange body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        String name = name(body.name(), true);
        if (of(access.projectId()).size() >= MAXIMUM_TYPES) {
            throw new Conflict(
                    "Too many activity types", "A project has at most " + MAXIMUM_TYPES + " activity types.");
        }
        requireUnique(access, name, 0);
        long id = jdbc.sql("insert into time_activity_type (project_id, name, billable) values (?, ?, ?) returning id")
                .params(access.projectId(), name, body.billable() == null || body.billable())
                .query(Long.class)
                .single();
        return find(access, id);
    }

    @Transactional
    public ActivityType update(CurrentUser user, String projectRef, long id, ActivityTypeChange body) {
        ProjectAccess access = projects.access(user, projectRef);
        ActivityType current = find(access, id);
        access.require(Permission.EDIT_PROJECT);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        problems.throwIfAny();
        String name = body.name() == null ? current.name() : name(body.name(), true);
        requireUnique(access, name, id);
        int updated = jdbc.sql("""
                update time_activity_type set name = ?, billable = ?, version = version + 1
                where id = ? and version = ?
                """)
                .params(name, body.billable() == null ? current.billable() : body.billable(), id, body.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Activity type " + id, current);
        }
        return find(access, id);
    }

    @Transactional
    public void delete(CurrentUser user, String projectRef, long id, Integer version) {
        ProjectAccess access = projects.access(user, projectRef);
        ActivityType current = find(access, id);
        access.require(Permission.EDIT_PROJECT);
        int deleted = jdbc.sql("delete from time_activity_type where id = :id"
                        + (version == null ? "" : " and version = :version"))
                .param("id", id)
                .params(version == null ? Map.of() : Map.of("version", version))
                .update();
        if (deleted == 0) {
            throw new StaleVersion("Activity type " + id, current);
        }
    }

    /** The activity type of a project, or null when {@code id} is null; 400 naming the field otherwise. */
    ActivityType inProject(long projectId, Long id, String field, InvalidInput.Collector problems) {
        if (id == null) {
            return null;
        }
        ActivityType type = jdbc.sql("""
                select id, project_id, name, billable, version from time_activity_type
                where id = ? and project_id = ?
                """)
                .params(id, projectId)
                .query((rs, n) ->
                        new ActivityType(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)))
                .optional()
                .orElse(null);
        if (type == null) {
            problems.add(field, "must be an activity type of the task's project");
        }
        return type;
    }

    private ActivityType find(ProjectAccess access, long id) {
        return jdbc.sql("""
                select id, project_id, name, billable, version from time_activity_type
                where id = ? and project_id = ?
                """)
                .params(id, access.projectId())
                .query((rs, n) ->
                        new ActivityType(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)))
                .optional()
                .orElseThrow(
                        () -> new NotFound("There is no activity type " + id + " in project " + access.key() + "."));
    }

    private void requireUnique(ProjectAccess access, String name, long except) {
        boolean taken = jdbc.sql("""
                select count(*) from time_activity_type where project_id = ? and lower(name) =
                lower(?) and id <> ?
                """)
                        .params(access.projectId(), name, except)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw new Conflict(
                    "Activity type exists",
                    "Project " + access.key() + " already has an activity type \"" + name + "\".");
        }
    }

    private static String name(String name, boolean required) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            if (required) {
                throw new InvalidInput("name", "is required");
            }
            return null;
        }
        if (stripped.length() > MAXIMUM_NAME) {
            throw new InvalidInput("name", "must be at most " + MAXIMUM_NAME + " characters");
        }
        if (stripped.indexOf('\0') >= 0) {
            throw new InvalidInput("name", "must not contain NUL characters");
        }
        return stripped;
    }
}
