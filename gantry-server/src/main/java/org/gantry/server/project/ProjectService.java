package org.gantry.server.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Projects and memberships. A project is addressed by its key ("GAN") or its numeric id. Someone who
 * is neither a member nor a system admin is told the project does not exist (404), never 403.
 */
@Service
public class ProjectService {

    private static final Pattern KEY = Pattern.compile("^[A-Z][A-Z0-9]{1,9}$");
    private static final String COLUMNS = "p.id, p.project_key, p.name, p.description, p.start_date, p.time_zone,"
            + " p.currency, p.working_days, p.working_hours, p.archived, p.created_at, p.updated_at, p.version, m.role";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ProjectLock projectLock;

    ProjectService(JdbcClient jdbc, ApplicationEventPublisher events, ProjectLock projectLock) {
        this.jdbc = jdbc;
        this.events = events;
        this.projectLock = projectLock;
    }

    /**
     * The caller's standing in the project, or 404 when they may not see it.
     *
     * <p>Asked inside a read-write transaction, it also takes the project's lock before the caller writes
     * anything. Every write to a project's plan ends in a reschedule, which takes that lock and then
     * rewrites the rows that moved; a writer that had locked a task row first and only then waited for the
     * lock would deadlock with a reschedule holding the lock and wanting that row. Taking the lock first, in
     * one place that every write passes through, orders all writers the same way (the reschedule serialises
     * them anyway, so nothing is lost in throughput).
     */
    @Transactional(readOnly = true)
    public ProjectAccess access(CurrentUser user, String projectRef) {
        ProjectAccess access = resolve(user, projectRef);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            projectLock.lock(access.projectId());
        }
        return access;
    }

    private ProjectAccess resolve(CurrentUser user, String projectRef) {
        String where = isId(projectRef) ? "p.id = ?" : "upper(p.project_key) = upper(?)";
        Object ref = isId(projectRef) ? (Object) Long.parseLong(projectRef) : projectRef;
        return jdbc.sql("select p.id, p.project_key, p.archived, p.time_zone, p.working_days, p.working_hours, m.role"
                        + " from project p left join project_member m on m.project_id = p.id and m.user_id = ?"
                        + " where " + where)
                .params(user.id(), ref)
                .query((rs, row) -> {
                    ProjectRole role = role(rs.getString("role"));
                    if (role == null && !user.systemAdmin()) {
                        return null;
                    }
                    long perDay = WorkingCalendar.minutesPerDay(parseHours(rs.getString("working_hours")));
                    int days = parseDays(rs.getString("working_days")).size();
                    return new ProjectAccess(
                            rs.getLong("id"),
                            rs.getString("project_key"),
                            user,
                            role,
                            rs.getBoolean("archived"),
                            ZoneId.of(rs.getString("time_zone")),
                            perDay,
                            perDay * days);
                })
                .optional()
                .orElseThrow(() -> new NotFound("There is no project " + projectRef + "."));
    }

    @Transactional(readOnly = true)
    public PageOf<ProjectSummary> list(CurrentUser user, String query, boolean includeArchived, int page, int size) {
        checkPage(page, size);
        String pattern = "%" + (query == null ? "" : query.strip().toLowerCase(Locale.ROOT)) + "%";
        String from = " from project p left join project_member m on m.project_id = p.id and m.user_id = ?"
                + " where (m.role is not null or ?) and (not p.archived or ?)"
                + " and (lower(p.name) like ? or lower(p.project_key) like ?)";
        Object[] params = {user.id(), user.systemAdmin(), includeArchived, pattern, pattern};
        long total = jdbc.sql("select count(*)" + from)
                .params(params)
                .query(Long.class)
                .single();
        List<ProjectSummary> items = jdbc.sql("select " + COLUMNS + from + " order by p.archived, upper(p.project_key)"
                        + " limit " + size + " offset " + (long) page * size)
                .params(params)
                .query((rs, row) -> new ProjectSummary(
                        rs.getLong("id"),
                        rs.getString("project_key"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getObject("start_date", LocalDate.class),
                        rs.getBoolean("archived"),
                        role(rs.getString("role")),
                        rs.getInt("version")))
                .list();
        return new PageOf<>(items, page, size, total);
    }

    /** Whether the user owns or manages at least one project that is not archived. */
    @Transactional(readOnly = true)
    public boolean managesAny(CurrentUser user) {
        return jdbc.sql("""
                select exists(select 1 from project_member m join project p on p.id = m.project_id
                where m.user_id = ? and m.role in ('OWNER', 'MANAGER') and not p.archived)
                """).param(user.id()).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public Project get(CurrentUser user, String projectRef) {
        return load(access(user, projectRef));
    }

    /** Any user may create a project; they become its owner. */
    @Transactional
    public Project create(CurrentUser user, NewProject command) {
        var problems = new InvalidInput.Collector();
        String key = command.key() == null ? null : command.key().strip().toUpperCase(Locale.ROOT);
        if (key == null || key.isEmpty()) {
            problems.add("key", "is required");
        } else if (!KEY.matcher(key).matches()) {
            problems.add("key", "must be 2 to 10 letters or digits, starting with a letter");
        }
        String name = checkName(command.name(), problems);
        String description = checkDescription(command.description(), problems);
        String timeZone = checkTimeZone(command.timeZone() == null ? "UTC" : command.timeZone(), problems);
        String currency = checkCurrency(command.currency() == null ? "EUR" : command.currency(), problems);
        WorkingCalendar calendar = command.calendar() == null ? WorkingCalendar.standard() : command.calendar();
        checkCalendar(calendar, problems);
        PlanDates.check("startDate", command.startDate(), problems);
        problems.throwIfAny();
        LocalDate startDate = command.startDate() == null ? LocalDate.now(ZoneId.of(timeZone)) : command.startDate();
        if (jdbc.sql("select exists(select 1 from project where upper(project_key) = ?)")
                .param(key)
                .query(Boolean.class)
                .single()) {
            throw new Conflict("Duplicate project key", "There is already a project with the key " + key + ".");
        }
        long id = jdbc.sql("""
                insert into project (project_key, name, description, start_date, time_zone, currency,
                working_days, working_hours) values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        key,
                        name,
                        description,
                        startDate,
                        timeZone,
                        currency,
                        formatDays(calendar),
                        formatHours(calendar))
                .query(Long.class)
                .single();
        writeHolidays(id, calendar.holidays());
        jdbc.sql("insert into project_member (project_id, user_id, role) values (?, ?, 'OWNER')")
                .params(id, user.id())
                .update();
        events.publishEvent(new ProjectCreated(id));
        return load(access(user, String.valueOf(id)));
    }

    @Transactional
    public Project update(CurrentUser user, String projectRef, ProjectChanges changes) {
        ProjectAccess access = access(user, projectRef);
        Project current = load(access);
        boolean archiving = changes.archived() != null && changes.archived() != current.archived();
        boolean editing = changes.name() != null
                || changes.description() != null
                || changes.startDate() != null
                || changes.timeZone() != null
                || changes.currency() != null
                || changes.calendar() != null;
        if (archiving) {
            access.require(Permission.ARCHIVE_PROJECT);
        }
        if (editing || !archiving) {
            if (!access.can(Permission.EDIT_PROJECT)) {
                access.require(Permission.EDIT_PROJECT);
            }
            boolean archivedAfter = changes.archived() == null ? current.archived() : changes.archived();
            if (editing && archivedAfter) {
                throw new Conflict(
                        "Project archived", "Project " + access.key() + " is archived; restore it to change it.");
            }
        }
        var problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String name = changes.name() == null ? current.name() : checkName(changes.name(), problems);
        String description = changes.description() == null
                ? current.description()
                : checkDescription(changes.description(), problems);
        String timeZone = changes.timeZone() == null ? current.timeZone() : checkTimeZone(changes.timeZone(), problems);
        String currency = changes.currency() == null ? current.currency() : checkCurrency(changes.currency(), problems);
        WorkingCalendar calendar = changes.calendar() == null ? current.calendar() : changes.calendar();
        if (changes.calendar() != null) {
            checkCalendar(calendar, problems);
        }
        PlanDates.check("startDate", changes.startDate(), problems);
        problems.throwIfAny();
        LocalDate startDate = changes.startDate() == null ? current.startDate() : changes.startDate();
        boolean archived = changes.archived() == null ? current.archived() : changes.archived();
        int updated = jdbc.sql("""
                update project set name = ?, description = ?, start_date = ?, time_zone = ?, currency = ?,
                working_days = ?, working_hours = ?, archived = ?, updated_at = now(), version = version + 1
                where id = ? and version = ?
                """)
                .params(
                        name,
                        description,
                        startDate,
                        timeZone,
                        currency,
                        formatDays(calendar),
                        formatHours(calendar),
                        archived,
                        access.projectId(),
                        changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Project " + access.key(), current);
        }
        if (changes.calendar() != null) {
            jdbc.sql("delete from project_holiday where project_id = ?")
                    .param(access.projectId())
                    .update();
            writeHolidays(access.projectId(), calendar.holidays());
        }
        if (changes.calendar() != null || changes.startDate() != null) {
            // Synchronous: the schedule module reschedules inside this transaction.
            events.publishEvent(new ProjectScheduleChanged(access.projectId()));
        }
        return load(access(user, String.valueOf(access.projectId())));
    }

    /** Archives the project (owners and admins); the version is checked when given. */
    @Transactional
    public Project archive(CurrentUser user, String projectRef, Integer version) {
        ProjectAccess access = access(user, projectRef).require(Permission.ARCHIVE_PROJECT);
        Project current = load(access);
        int expected = version == null ? current.version() : version;
        return update(
                user,
                String.valueOf(access.projectId()),
                new ProjectChanges(null, null, null, null, null, null, true, expected));
    }

    @Transactional(readOnly = true)
    public List<ProjectMember> members(CurrentUser user, String projectRef) {
        ProjectAccess access = access(user, projectRef);
        return members(access.projectId());
    }

    @Transactional
    public ProjectMember addMember(CurrentUser user, String projectRef, NewMember command) {
        ProjectAccess access = access(user, projectRef).require(Permission.MANAGE_MEMBERS);
        var problems = new InvalidInput.Collector();
        if (command.role() == null) {
            problems.add("role", "is required: OWNER, MANAGER, MEMBER or STAKEHOLDER");
        }
        Optional<Long> userId = Optional.empty();
        if (command.userId() != null) {
            userId = jdbc.sql("select id from app_user where id = ? and active")
                    .param(command.userId())
                    .query(Long.class)
                    .optional();
            if (userId.isEmpty()) {
                problems.add("userId", "is not an active user");
            }
        } else if (command.email() != null && !command.email().isBlank()) {
            userId = jdbc.sql("select id from app_user where lower(email) = lower(?) and active")
                    .param(command.email().strip())
                    .query(Long.class)
                    .optional();
            if (userId.isEmpty()) {
                problems.add("email", "is not the e-mail of an active user; an admin can invite them first");
            }
        } else {
            problems.add("userId", "is required (or give the user's email)");
        }
        problems.throwIfAny();
        requireMayGrant(access, command.role());
        if (memberRole(access.projectId(), userId.get()).isPresent()) {
            throw new Conflict("Already a member", "This user is already a member of project " + access.key() + ".");
        }
        jdbc.sql("insert into project_member (project_id, user_id, role) values (?, ?, ?)")
                .params(access.projectId(), userId.get(), command.role().name())
                .update();
        ProjectMember added = member(access.projectId(), userId.get()).orElseThrow();
        events.publishEvent(new MemberRoleChanged(
                access.projectId(), access.key(), added.userId(), added.email(), null, added.role()));
        return added;
    }

    @Transactional
    public ProjectMember changeMember(CurrentUser user, String projectRef, long userId, MemberChanges changes) {
        ProjectAccess access = access(user, projectRef).require(Permission.MANAGE_MEMBERS);
        ProjectMember current = member(access.projectId(), userId)
                .orElseThrow(
                        () -> new NotFound("User " + userId + " is not a member of project " + access.key() + "."));
        var problems = new InvalidInput.Collector();
        if (changes.role() == null) {
            problems.add("role", "is required: OWNER, MANAGER, MEMBER or STAKEHOLDER");
        }
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        problems.throwIfAny();
        requireMayGrant(access, current.role());
        requireMayGrant(access, changes.role());
        if (current.role() == ProjectRole.OWNER && changes.role() != ProjectRole.OWNER) {
            requireAnotherOwner(access, userId);
        }
        int updated = jdbc.sql("""
                update project_member set role = ?, version = version + 1
                where project_id = ? and user_id = ? and version = ?
                """)
                .params(changes.role().name(), access.projectId(), userId, changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The membership", current);
        }
        if (current.role() != changes.role()) {
            events.publishEvent(new MemberRoleChanged(
                    access.projectId(), access.key(), userId, current.email(), current.role(), changes.role()));
        }
        return member(access.projectId(), userId).orElseThrow();
    }

    @Transactional
    public void removeMember(CurrentUser user, String projectRef, long userId) {
        ProjectAccess access = access(user, projectRef).require(Permission.MANAGE_MEMBERS);
        ProjectMember current = member(access.projectId(), userId)
                .orElseThrow(
                        () -> new NotFound("User " + userId + " is not a member of project " + access.key() + "."));
        requireMayGrant(access, current.role());
        if (current.role() == ProjectRole.OWNER) {
            requireAnotherOwner(access, userId);
        }
        jdbc.sql("delete from project_member where project_id = ? and user_id = ?")
                .params(access.projectId(), userId)
                .update();
        events.publishEvent(new MemberRemoved(access.projectId(), userId));
        events.publishEvent(
                new MemberRoleChanged(access.projectId(), access.key(), userId, current.email(), current.role(), null));
    }

    /** The user ids of the project's members, to check assignments. */
    @Transactional(readOnly = true)
    public Set<Long> memberIds(ProjectAccess access) {
        return new HashSet<>(jdbc.sql("select user_id from project_member where project_id = ?")
                .param(access.projectId())
                .query(Long.class)
                .list());
    }

    private void requireMayGrant(ProjectAccess access, ProjectRole role) {
        if (role == ProjectRole.OWNER && !access.can(Permission.ARCHIVE_PROJECT)) {
            throw new Forbidden("Only an owner can grant, change or remove the owner role.");
        }
    }

    private void requireAnotherOwner(ProjectAccess access, long leavingOwner) {
        long others = jdbc.sql(
                        "select count(*) from project_member where project_id = ? and role = 'OWNER' and user_id <> ?")
                .params(access.projectId(), leavingOwner)
                .query(Long.class)
                .single();
        if (others == 0) {
            throw new Conflict(
                    "Last owner",
                    "Project " + access.key() + " needs at least one owner; make someone else owner first.");
        }
    }

    private Optional<ProjectRole> memberRole(long projectId, long userId) {
        return member(projectId, userId).map(ProjectMember::role);
    }

    private List<ProjectMember> members(long projectId) {
        return jdbc.sql("""
                select u.id, u.name, u.email, m.role, m.version from project_member m
                join app_user u on u.id = m.user_id where m.project_id = ? order by lower(u.name), u.id
                """).param(projectId).query(ProjectService::member).list();
    }

    private Optional<ProjectMember> member(long projectId, long userId) {
        return jdbc.sql("""
                select u.id, u.name, u.email, m.role, m.version from project_member m
                join app_user u on u.id = m.user_id where m.project_id = ? and m.user_id = ?
                """)
                .params(projectId, userId)
                .query(ProjectService::member)
                .optional();
    }

    private Project load(ProjectAccess access) {
        List<Holiday> holidays = jdbc.sql("select day, name from project_holiday where project_id = ? order by day")
                .param(access.projectId())
                .query((rs, row) -> new Holiday(rs.getObject("day", LocalDate.class), rs.getString("name")))
                .list();
        return jdbc.sql("select " + COLUMNS + " from project p left join project_member m"
                        + " on m.project_id = p.id and m.user_id = ? where p.id = ?")
                .params(access.user().id(), access.projectId())
                .query((rs, row) -> project(rs, holidays))
                .single();
    }

    private void writeHolidays(long projectId, List<Holiday> holidays) {
        for (Holiday holiday : holidays) {
            jdbc.sql("insert into project_holiday (project_id, day, name) values (?, ?, ?)")
                    .params(
                            projectId,
                            holiday.date(),
                            holiday.name() == null ? "" : holiday.name().strip())
                    .update();
        }
    }

    static void checkPage(int page, int size) {
        var problems = new InvalidInput.Collector();
        if (page < 0) {
            problems.add("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            problems.add("size", "must be between 1 and 500");
        }
        problems.throwIfAny();
    }

    private static String checkName(String name, InvalidInput.Collector problems) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            problems.add("name", "is required");
        } else if (stripped.length() > 200) {
            problems.add("name", "must be at most 200 characters long");
        }
        return stripped;
    }

    private static String checkDescription(String description, InvalidInput.Collector problems) {
        String value = description == null ? "" : description;
        if (value.length() > 20_000) {
            problems.add("description", "must be at most 20000 characters long");
        }
        return value;
    }

    private static String checkTimeZone(String timeZone, InvalidInput.Collector problems) {
        try {
            return ZoneId.of(timeZone.strip()).getId();
        } catch (DateTimeException e) {
            problems.add("timeZone", "is not a time zone; use an IANA name such as Europe/Berlin");
            return timeZone;
        }
    }

    private static String checkCurrency(String currency, InvalidInput.Collector problems) {
        try {
            String code = currency.strip().toUpperCase(Locale.ROOT);
            if (code.length() != 3) {
                throw new IllegalArgumentException();
            }
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            problems.add("currency", "is not an ISO 4217 currency code such as EUR or USD");
            return currency;
        }
    }

    private static void checkCalendar(WorkingCalendar calendar, InvalidInput.Collector problems) {
        List<DayOfWeek> days = calendar.workingDays();
        if (days == null || days.isEmpty()) {
            problems.add("calendar.workingDays", "needs at least one working day");
        } else if (days.stream().anyMatch(java.util.Objects::isNull) || new HashSet<>(days).size() != days.size()) {
            problems.add("calendar.workingDays", "must list each day once");
        }
        List<WorkingHours> hours = calendar.workingHours();
        if (hours == null || hours.isEmpty()) {
            problems.add("calendar.workingHours", "needs at least one interval");
        } else {
            LocalTime previousEnd = null;
            for (int i = 0; i < hours.size(); i++) {
                WorkingHours interval = hours.get(i);
                String field = "calendar.workingHours[" + i + "]";
                if (interval == null || interval.from() == null || interval.to() == null) {
                    problems.add(field, "needs from and to, e.g. {\"from\": \"08:00\", \"to\": \"12:00\"}");
                } else if (!interval.from().isBefore(interval.to())) {
                    problems.add(field + ".to", "must be after from");
                } else if (previousEnd != null && interval.from().isBefore(previousEnd)) {
                    problems.add(field + ".from", "must not be before the end of the previous interval");
                } else {
                    previousEnd = interval.to();
                }
            }
        }
        List<Holiday> holidays = calendar.holidays() == null ? List.of() : calendar.holidays();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday holiday = holidays.get(i);
            if (holiday == null || holiday.date() == null) {
                problems.add("calendar.holidays[" + i + "].date", "is required");
            } else if (!PlanDates.contains(holiday.date())) {
                problems.add("calendar.holidays[" + i + "].date", PlanDates.MESSAGE);
            } else if (!seen.add(holiday.date())) {
                problems.add("calendar.holidays[" + i + "].date", "is listed twice");
            } else if (holiday.name() != null && holiday.name().length() > 100) {
                problems.add("calendar.holidays[" + i + "].name", "must be at most 100 characters long");
            }
        }
    }

    private static String formatDays(WorkingCalendar calendar) {
        return calendar.workingDays().stream()
                .sorted()
                .map(day -> String.valueOf(day.getValue()))
                .collect(Collectors.joining(","));
    }

    private static String formatHours(WorkingCalendar calendar) {
        return calendar.workingHours().stream()
                .map(h -> h.from() + "-" + h.to())
                .collect(Collectors.joining(","));
    }

    private static List<DayOfWeek> parseDays(String days) {
        return Arrays.stream(days.split(","))
                .map(day -> DayOfWeek.of(Integer.parseInt(day)))
                .toList();
    }

    private static List<WorkingHours> parseHours(String hours) {
        List<WorkingHours> intervals = new ArrayList<>();
        for (String interval : hours.split(",")) {
            String[] ends = interval.split("-");
            intervals.add(new WorkingHours(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
        }
        return intervals;
    }

    private static boolean isId(String projectRef) {
        return !projectRef.isEmpty()
                && projectRef.length() < 18
                && projectRef.chars().allMatch(Character::isDigit);
    }

    private static ProjectRole role(String role) {
        return role == null ? null : ProjectRole.valueOf(role);
    }

    private static ProjectMember member(ResultSet rs, int row) throws SQLException {
        return new ProjectMember(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("email"),
                ProjectRole.valueOf(rs.getString("role")),
                rs.getInt("version"));
    }

    private static Project project(ResultSet rs, List<Holiday> holidays) throws SQLException {
        return new Project(
                rs.getLong("id"),
                rs.getString("project_key"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getObject("start_date", LocalDate.class),
                rs.getString("time_zone"),
                rs.getString("currency"),
                new WorkingCalendar(
                        parseDays(rs.getString("working_days")), parseHours(rs.getString("working_hours")), holidays),
                rs.getBoolean("archived"),
                role(rs.getString("role")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }
}
