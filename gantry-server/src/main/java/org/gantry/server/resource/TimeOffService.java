package org.gantry.server.resource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectScheduleChanged;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendars per person: each resource works on its project's calendar (or its own imported one) minus its
 * time off. People enter their own (it holds in all their projects); owners and managers see their
 * project's people's time off and enter it for resources of their project. Every change reschedules the
 * projects it touches, so tasks move around a vacation at once.
 */
@Service
public class TimeOffService {
    static final Set<String> KINDS = Set.of("VACATION", "HOLIDAY", "PART_TIME", "SICK", "OTHER");
    private static final int MAXIMUM_NOTE = 500;
    private static final String COLUMNS = "o.id, o.user_id, u.name as user_name, o.resource_id,"
            + " r.name as resource_name, p.project_key, o.first_day, o.last_day, o.weekdays, o.kind, o.note, o.version"
            + " from time_off o left join app_user u on u.id = o.user_id left join resource r on r.id = o.resource_id"
            + " left join project p on p.id = o.project_id";

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ApplicationEventPublisher events;

    TimeOffService(JdbcClient jdbc, ProjectService projects, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.events = events;
    }

    /** The caller's own time off, soonest first. */
    @Transactional(readOnly = true)
    public List<TimeOff> mine(CurrentUser user) {
        return jdbc.sql("select " + COLUMNS + " where o.user_id = :user order by o.first_day, o.id")
                .param("user", user.id())
                .query(TimeOffService::timeOff)
                .list();
    }

    /** Enters time off for the caller; the projects they work in are rescheduled. */
    @Transactional
    public TimeOff addMine(CurrentUser user, NewTimeOff body) {
        Checked checked = check(body);
        long id = jdbc.sql("""
                insert into time_off (user_id, first_day, last_day, weekdays, kind, note)
                values (:user, :first, :last, :weekdays, :kind, :note) returning id
                """)
                .param("user", user.id())
                .param("first", checked.first)
                .param("last", checked.last)
                .param("weekdays", checked.weekdays)
                .param("kind", checked.kind)
                .param("note", checked.note)
                .query(Long.class)
                .single();
        reschedulePerson(user.id());
        return find(id);
    }

    /** Deletes one of the caller's own entries (404 for anyone else's); version checked when given. */
    @Transactional
    public void deleteMine(CurrentUser user, long id, Integer version) {
        TimeOff current = jdbc.sql("select " + COLUMNS + " where o.id = :id and o.user_id = :user")
                .param("id", id)
                .param("user", user.id())
                .query(TimeOffService::timeOff)
                .optional()
                .orElseThrow(() -> new NotFound("You have no time off " + id + "."));
        if (version != null && version != current.version()) {
            throw new StaleVersion("Time off " + id, current);
        }
        jdbc.sql("delete from time_off where id = :id").param("id", id).update();
        reschedulePerson(user.id());
    }

    /**
     * The time off of a project's people (their own entries) and resources (owners, managers, admins):
     * what a manager plans around. Entries ending before {@code from} are left out.
     */
    @Transactional(readOnly = true)
    public List<TimeOff> ofProject(CurrentUser user, String projectRef, LocalDate from) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        if (!access.can(Permission.EDIT_PROJECT) && !user.systemAdmin()) {
            throw new org.gantry.server.shared.Forbidden(
                    "The time off of project " + access.key() + "'s people is for its owners and managers.");
        }
        return jdbc.sql("select " + COLUMNS + " where o.last_day >= :from and (o.project_id = :project"
                        + " or o.user_id in (select user_id from resource where project_id = :project"
                        + " and user_id is not null)) order by o.first_day, o.id")
                .param("project", access.projectId())
                .param("from", from == null ? LocalDate.of(1900, 1, 1) : from)
                .query(TimeOffService::timeOff)
                .list();
    }

    /** Enters time off for a resource of the project (owners, managers); the project is rescheduled. */
    @Transactional
    public TimeOff addForResource(CurrentUser user, String projectRef, long resourceId, NewTimeOff body) {
        ProjectAccess access = projects.access(user, projectRef);
        requireResource(access, resourceId);
        access.require(Permission.EDIT_PROJECT);
        Checked checked = check(body);
        long id = jdbc.sql("""
                insert into time_off (resource_id, project_id, first_day, last_day, weekdays, kind, note)
                values (:resource, :project, :first, :last, :weekdays, :kind, :note) returning id
                """)
                .param("resource", resourceId)
                .param("project", access.projectId())
                .param("first", checked.first)
                .param("last", checked.last)
                .param("weekdays", checked.weekdays)
                .param("kind", checked.kind)
                .param("note", checked.note)
                .query(Long.class)
                .single();
        events.publishEvent(new ProjectScheduleChanged(access.projectId()));
        return find(id);
    }

    /** A resource's own time off entries in the project (everyone who reads the project sees a rig's). */
    @Transactional(readOnly = true)
    public List<TimeOff> ofResource(CurrentUser user, String projectRef, long resourceId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireResource(access, resourceId);
        return jdbc.sql("select " + COLUMNS + " where o.resource_id = :resource order by o.first_day, o.id")
                .param("resource", resourceId)
                .query(TimeOffService::timeOff)
                .list();
    }

    /** Deletes a resource's time off entry (owners, managers); version checked when given. */
    @Transactional
    public void deleteForResource(CurrentUser user, String projectRef, long resourceId, long id, Integer version) {
        ProjectAccess access = projects.access(user, projectRef);
        requireResource(access, resourceId);
        TimeOff current = jdbc.sql("select " + COLUMNS + " where o.id = :id and o.resource_id = :resource")
                .param("id", id)
                .param("resource", resourceId)
                .query(TimeOffService::timeOff)
                .optional()
                .orElseThrow(() -> new NotFound("Resource " + resourceId + " has no time off " + id + "."));
        access.require(Permission.EDIT_PROJECT);
        if (version != null && version != current.version()) {
            throw new StaleVersion("Time off " + id, current);
        }
        jdbc.sql("delete from time_off where id = :id").param("id", id).update();
        events.publishEvent(new ProjectScheduleChanged(access.projectId()));
    }

    /** Every open project where the person has a resource with assignments gets rescheduled. */
    private void reschedulePerson(long userId) {
        List<Long> affected =
                jdbc.sql("""
                select distinct r.project_id from resource r join project p on p.id = r.project_id
                where r.user_id = :user and not p.archived
                and exists (select 1 from assignment a where a.resource_id = r.id) order by 1
                """).param("user", userId).query(Long.class).list();
        for (long projectId : affected) {
            events.publishEvent(new ProjectScheduleChanged(projectId));
        }
    }

    private void requireResource(ProjectAccess access, long resourceId) {
        boolean known = jdbc.sql("select count(*) from resource where id = :id and project_id = :project")
                        .param("id", resourceId)
                        .param("project", access.projectId())
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            throw new NotFound("Project " + access.key() + " has no resource " + resourceId + ".");
        }
    }

    private record Checked(LocalDate first, LocalDate last, String weekdays, String kind, String note) {}

    private static Checked check(NewTimeOff body) {
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        LocalDate first = body.firstDay();
        LocalDate last = body.lastDay() == null ? first : body.lastDay();
        if (first == null) {
            problems.add("firstDay", "is required");
        } else if (first.getYear() < 1900 || first.getYear() > 2200) {
            problems.add("firstDay", "must lie between 1900-01-01 and 2200-12-31");
        }
        if (last != null && (last.getYear() < 1900 || last.getYear() > 2200)) {
            problems.add("lastDay", "must lie between 1900-01-01 and 2200-12-31");
        } else if (first != null && last != null && last.isBefore(first)) {
            problems.add("lastDay", "must not be before firstDay");
        } else if (first != null && last != null && ChronoUnit.DAYS.between(first, last) > 731) {
            problems.add("lastDay", "must be at most two years after firstDay; enter longer absences in parts");
        }
        TreeSet<Integer> days = new TreeSet<>();
        if (body.weekdays() != null) {
            for (Integer day : body.weekdays()) {
                if (day == null || day < 1 || day > 7) {
                    problems.add("weekdays", "must be ISO day numbers from 1 (Monday) to 7 (Sunday)");
                    break;
                }
                days.add(day);
            }
        }
        String kind = body.kind() == null ? (days.isEmpty() ? "VACATION" : "PART_TIME") : body.kind();
        if (!KINDS.contains(kind)) {
            problems.add("kind", "must be VACATION, HOLIDAY, PART_TIME, SICK or OTHER");
        }
        String note = body.note() == null ? "" : body.note().strip();
        if (note.length() > MAXIMUM_NOTE) {
            problems.add("note", "must be at most " + MAXIMUM_NOTE + " characters");
        } else if (note.indexOf('\0') >= 0) {
            problems.add("note", "must not contain NUL characters");
        }
        problems.throwIfAny();
        List<String> dayText = new ArrayList<>();
        days.forEach(day -> dayText.add(String.valueOf(day)));
        return new Checked(first, last, days.isEmpty() ? null : String.join(",", dayText), kind, note);
    }

    private TimeOff find(long id) {
        return jdbc.sql("select " + COLUMNS + " where o.id = :id")
                .param("id", id)
                .query(TimeOffService::timeOff)
                .single();
    }

    static TimeOff timeOff(ResultSet rs, int row) throws SQLException {
        String weekdays = rs.getString("weekdays");
        List<Integer> days = new ArrayList<>();
        if (weekdays != null) {
            for (String day : weekdays.split(",")) {
                days.add(Integer.parseInt(day));
            }
        }
        return new TimeOff(
                rs.getLong("id"),
                (Long) rs.getObject("user_id"),
                rs.getString("user_name"),
                (Long) rs.getObject("resource_id"),
                rs.getString("resource_name"),
                rs.getString("project_key"),
                rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class),
                List.copyOf(days),
                rs.getString("kind"),
                rs.getString("note"),
                rs.getInt("version"));
    }
}
