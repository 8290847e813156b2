package org.gantry.server.timesheet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs, lists, changes and deletes time entries. Who may do what: members (and owners and managers) log
 * and change their own entries in projects they belong to; owners and managers (and admins) also see,
 * log for and change everyone's in their projects; stakeholders log nothing. An entry someone may not see
 * in a project they belong to is 403; in a project they cannot see, 404.
 */
@Service
public class TimeEntryService {
    static final int MAXIMUM_PAGE = 500;
    private static final int MAXIMUM_NOTE = 2000;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    private static final String SELECT = """
        select e.id, e.project_id, p.project_key, e.task_id, t.name as task_name,
        e.user_id, u.name as user_name, e.entry_date, e.minutes, e.note, e.billable, e.activity_type_id,
        y.name as activity_type_name, e.state,
        e.submission_id, e.created_at,
        e.updated_at, e.version
        from time_entry e join project p on p.id = e.project_id join task t on t.id = e.task_id
        join app_user u on u.id = e.user_id left join time_activity_type y on y.id = e.activity_type_id
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final Actuals actuals;
    private final ActivityTypes activityTypes;

    TimeEntryService(JdbcClient jdbc, ProjectService projects, Actuals actuals, ActivityTypes activityTypes) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.actuals = actuals;
        this.activityTypes = activityTypes;
    }

    /** A page of the entries the caller may see, by date; every filter is optional. */
    @Transactional(readOnly = true)
    public PageOf<TimeEntry> list(
            CurrentUser user,
            Long person,
            String projectRef,
            Long task,
            LocalDate from,
            LocalDate to,
            int page,
            int size) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (page < 0) {
            problems.add("page", "must be 0 or more");
        }
        if (size < 1 || size > MAXIMUM_PAGE) {
            problems.add("size", "must be between 1 and " + MAXIMUM_PAGE);
        }
        checkDate("from", from, problems);
        checkDate("to", to, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("to", "must not be before from");
        }
        problems.throwIfAny();
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!user.systemAdmin()) {
            // Own entries anywhere, everyone's where the caller is an owner or manager.
            where.append(" and (e.user_id = :me or exists (select 1 from project_member m where m.project_id ="
                    + " e.project_id and m.user_id = :me and m.role in ('OWNER', 'MANAGER')))");
            params.put("me", user.id());
        }
        if (projectRef != null && !projectRef.isBlank()) {
            ProjectAccess access = projects.access(user, projectRef);
            where.append(" and e.project_id = :project");
            params.put("project", access.projectId());
        }
        if (person != null) {
            where.append(" and e.user_id = :person");
            params.put("person", person);
        }
        if (task != null) {
            where.append(" and e.task_id = :task");
            params.put("task", task);
        }
        if (from != null) {
            where.append(" and e.entry_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and e.entry_date <= :to");
            params.put("to", to);
        }
        List<TimeEntry> items = jdbc.sql(SELECT + where + " order by e.entry_date, e.id limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(TimeEntryService::entry)
                .list();
        long total = jdbc.sql("select count(*) from time_entry e" + where)
                .params(params)
                .query(Long.class)
                .single();
        return new PageOf<>(items, page, size, total);
    }

    /** The entries of these submissions, by day. */
    List<TimeEntry> ofSubmissions(List<Long> submissionIds) {
        return jdbc.sql(SELECT + " where e.submission_id = any(?) order by e.entry_date, t.outline_path, e.id")
                .params((Object) submissionIds.toArray(Long[]::new))
                .query(TimeEntryService::entry)
                .list();
    }

    @Transactional(readOnly = true)
    public TimeEntry get(CurrentUser user, long id) {
        TimeEntry entry = find(id);
        ProjectAccess access = visible(user, entry);
        if (entry.userId() != user.id() && !access.can(Permission.SEE_COSTS)) {
            throw new Forbidden("Only owners and managers of project " + access.key() + " see others' time.");
        }
        return entry;
    }

    @Transactional
    public TimeEntry create(CurrentUser user, NewTimeEntry body) {
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body.taskId() == null) {
            problems.add("taskId", "is required");
        }
        if (body.date() == null) {
            problems.add("date", "is required");
        }
        checkDate("date", body.date(), problems);
        Integer minutes = minutes(body.hours(), true, problems);
        String note = note(body.note(), problems);
        problems.throwIfAny();
        TaskRef task = task(user, body.taskId());
        ProjectAccess access = task.access();
        long person = body.userId() == null ? user.id() : body.userId();
        if (person != user.id()) {
            access.require(Permission.SEE_COSTS);
            if (!isMember(access.projectId(), person)) {
                throw new InvalidInput("userId", "must be a member of project " + access.key());
            }
        }
        access.require(Permission.LOG_TIME);
        InvalidInput.Collector activityProblems = new InvalidInput.Collector();
        ActivityType activity =
                activityTypes.inProject(access.projectId(), body.activityTypeId(), "activityTypeId", activityProblems);
        activityProblems.throwIfAny();
        requireOpenPeriod(access.projectId(), body.date());
        long id = jdbc.sql("""
                insert into time_entry (project_id, task_id, user_id, entry_date, minutes, note, billable,
                activity_type_id, created_by) values (:project, :task, :user, :date, :minutes, :note,
                :billable, :activity, :me)
                returning id
                """)
                .param("project", access.projectId())
                .param("task", task.id())
                .param("user", person)
                .param("date", body.date())
                .param("minutes", minutes)
                .param("note", note)
                .param("billable", body.billable() != null ? body.billable() : activity == null || activity.billable())
                .param("activity", activity == null ? null : activity.id())
                .param("me", user.id())
                .query(Long.class)
                .single();
        actuals.refresh(access.projectId(), List.of(task.id()));
        return find(id);
    }

    @Transactional
    public TimeEntry update(CurrentUser user, long id, TimeEntryChanges changes) {
        TimeEntry current = find(id);
        ProjectAccess access = writable(user, current);
        requireUnlocked(current);
        if (changes == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        checkDate("date", changes.date(), problems);
        // Not a conditional expression: with an int on one side it would unbox a refused value (null) and fail.
        Integer minutes = current.minutes();
        if (changes.hours() != null) {
            minutes = minutes(changes.hours(), true, problems);
        }
        String note = changes.note() == null ? current.note() : note(changes.note(), problems);
        long taskId = changes.taskId() == null ? current.taskId() : changes.taskId();
        if (changes.taskId() != null && !taskInProject(changes.taskId(), access.projectId())) {
            problems.add("taskId", "must be a task of project " + access.key());
        }
        Long activityId = current.activityTypeId();
        if (changes.activityTypeId() != null) {
            ActivityType activity = changes.activityTypeId() == 0
                    ? null
                    : activityTypes.inProject(access.projectId(), changes.activityTypeId(), "activityTypeId", problems);
            activityId = activity == null ? null : activity.id();
        }
        problems.throwIfAny();
        if (changes.date() != null) {
            requireOpenPeriod(access.projectId(), changes.date());
        }
        int updated = jdbc.sql("""
                update time_entry set task_id = :task, entry_date = :date, minutes = :minutes,
                note = :note, billable = :billable, activity_type_id = :activity, updated_at = now(), version = version + 1
                where id = :id and version = :version
                """)
                .param("task", taskId)
                .param("date", changes.date() == null ? current.date() : changes.date())
                .param("minutes", minutes)
                .param("note", note)
                .param("billable", changes.billable() == null ? current.billable() : changes.billable())
                .param("activity", activityId)
                .param("id", id)
                .param("version", changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Time entry " + id, find(id));
        }
        actuals.refresh(access.projectId(), List.of(current.taskId(), taskId));
        return find(id);
    }

    @Transactional
    public void delete(CurrentUser user, long id, Integer version) {
        TimeEntry current = find(id);
        writable(user, current);
        requireUnlocked(current);
        int deleted = jdbc.sql(
                        "delete from time_entry where id = :id" + (version == null ? "" : " and version = :version"))
                .param("id", id)
                .params(version == null ? Map.of() : Map.of("version", version))
                .update();
        if (deleted == 0) {
            throw new StaleVersion("Time entry " + id, find(id));
        }
        actuals.refresh(current.projectId(), List.of(current.taskId()));
    }

    /**
     * 409 for an entry in a submitted or approved week, or on a locked day: what a manager approved stays as
     * approved (the earned value and the actuals were computed from it); a correction is a new entry.
     */
    private void requireUnlocked(TimeEntry entry) {
        if (!"OPEN".equals(entry.state())) {
            String detail = "APPROVED".equals(entry.state())
                    ? "Time entry " + entry.id() + " was approved and is locked; log a correction as a new entry."
                    : "Time entry " + entry.id() + " is in a week submitted for approval and is locked until a"
                            + " manager approves or rejects the week; log a correction as a new entry.";
            throw new Conflict(
                    "APPROVED".equals(entry.state()) ? "Time entry approved" : "Time entry submitted",
                    detail,
                    Map.of("current", entry));
        }
        requireOpenPeriod(entry.projectId(), entry.date());
    }

    /** 409 for a day before the period locked in the project. */
    void requireOpenPeriod(long projectId, LocalDate day) {
        LocalDate lockedBefore = lockedBefore(projectId);
        if (day != null && lockedBefore != null && day.isBefore(lockedBefore)) {
            throw new Conflict(
                    "Period locked",
                    "Time before " + lockedBefore + " is locked in this project: no entry may be logged,"
                            + " changed or deleted on " + day + ".",
                    Map.of("lockedBefore", lockedBefore));
        }
    }

    /** The first day one may log time on in the project, or null when no period is locked. */
    LocalDate lockedBefore(long projectId) {
        List<LocalDate> rows = jdbc.sql("select locked_before from project_time_settings where project_id = ?")
                .params(projectId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The caller's standing in the entry's project; 404 when they cannot see the project. */
    private ProjectAccess visible(CurrentUser user, TimeEntry entry) {
        try {
            return projects.access(user, String.valueOf(entry.projectId()));
        } catch (NotFound e) {
            throw new NotFound("There is no time entry " + entry.id() + ".");
        }
    }

    /** Own entries for those who log time, everyone's for owners and managers; 403 otherwise. */
    private ProjectAccess writable(CurrentUser user, TimeEntry entry) {
        ProjectAccess access = visible(user, entry);
        if (entry.userId() != user.id()) {
            access.require(Permission.SEE_COSTS);
        }
        return access.require(Permission.LOG_TIME);
    }

    private TimeEntry find(long id) {
        return jdbc.sql(SELECT + " where e.id = :id")
                .param("id", id)
                .query(TimeEntryService::entry)
                .optional()
                .orElseThrow(() -> new NotFound("There is no time entry " + id + "."));
    }

    private record TaskRef(long id, ProjectAccess access) {}

    private TaskRef task(CurrentUser user, long taskId) {
        Long projectId = jdbc.sql("select project_id from task where id = :id")
                .param("id", taskId)
                .query(Long.class)
                .optional()
                .orElse(null);
        NotFound missing = new NotFound("There is no task " + taskId + ".");
        if (projectId == null) {
            throw missing;
        }
        try {
            return new TaskRef(taskId, projects.access(user, String.valueOf(projectId)));
        } catch (NotFound e) {
            throw missing;
        }
    }

    private boolean taskInProject(long taskId, long projectId) {
        return jdbc.sql("select count(*) from task where id = :id and project_id = :project")
                        .param("id", taskId)
                        .param("project", projectId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private boolean isMember(long projectId, long userId) {
        return jdbc.sql("select count(*) from project_member where project_id = :project and user_id = :user")
                        .param("project", projectId)
                        .param("user", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Integer minutes(Object hours, boolean required, InvalidInput.Collector problems) {
        if (hours == null) {
            if (required) {
                problems.add("hours", "is required: hours such as 1.5 or 1:30");
            }
            return null;
        }
        Integer minutes = Hours.minutes(hours);
        if (minutes == null) {
            problems.add("hours", "must be hours such as 1.5 or 1:30");
        } else if (minutes < 1) {
            problems.add("hours", "must be at least one minute");
        } else if (minutes > Hours.MAXIMUM_MINUTES) {
            problems.add("hours", "must be at most 24 hours in one entry");
        }
        return minutes;
    }

    private static String note(String note, InvalidInput.Collector problems) {
        if (note == null) {
            return "";
        }
        if (note.length() > MAXIMUM_NOTE) {
            problems.add("note", "must be at most " + MAXIMUM_NOTE + " characters");
        } else if (note.indexOf('\0') >= 0) {
            problems.add("note", "must not contain NUL characters");
        }
        return note.strip();
    }

    private static void checkDate(String field, LocalDate date, InvalidInput.Collector problems) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            problems.add(field, "must lie between 1900-01-01 and 2200-12-31");
        }
    }

    private static TimeEntry entry(ResultSet rs, int row) throws SQLException {
        int minutes = rs.getInt("minutes");
        return new TimeEntry(
                rs.getLong("id"),
                rs.getLong("project_id"),
                rs.getString("project_key"),
                rs.getLong("task_id"),
                rs.getString("task_name"),
                rs.getLong("user_id"),
                rs.getString("user_name"),
                rs.getObject("entry_date", LocalDate.class),
                Hours.of(minutes),
                minutes,
                rs.getString("note"),
                rs.getBoolean("billable"),
                rs.getObject("activity_type_id", Long.class),
                rs.getString("activity_type_name"),
                rs.getString("state"),
                rs.getObject("submission_id", Long.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }
}
