package org.gantry.server.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.CalendarException;
import org.gantry.engine.CalendarId;
import org.gantry.engine.Link;
import org.gantry.engine.LinkType;
import org.gantry.engine.WorkDuration;
import org.gantry.engine.WorkingCalendar;
import org.gantry.server.schedule.NetworkMemory.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a project's network as the scheduler computes it: the project row with its simple and stored
 * calendars, the task rows, the links, the work assignments and each person's time off as a calendar of
 * their own. {@link #current} hands out the network kept in {@link NetworkMemory} brought up to date with
 * what changed since its schedule version, or reads it whole.
 */
@Component
class NetworkReader {

    private static final String TASK_COLUMNS = "id, parent_id, name, milestone, duration_minutes, percent_complete,"
            + " constraint_type, constraint_date, deadline, start_at, finish_at, early_start, early_finish,"
            + " late_start, late_finish, total_slack_minutes, free_slack_minutes, critical, version,"
            + " case task_type when 'FIXED_DURATION' then 1 when 'FIXED_WORK' then 2 else 0 end, calendar_key,"
            + " manually_scheduled, active, actual_start, actual_finish, levelling_delay_minutes,"
            + " levelling_delay_elapsed";

    /**
     * A project's work assignments with positive units (what the engine schedules on), with the resource's
     * calendar key and whether the resource has time off (its own or its person's, which holds in every
     * project).
     */
    private static final String WORK_ASSIGNMENTS = """
            select a.task_id, a.resource_id, a.units, a.work_minutes, a.actual_work_minutes,
                   a.remaining_work_minutes, a.contour, r.calendar_key,
                   exists (select 1 from time_off o
                            where o.resource_id = r.id or (r.user_id is not null and o.user_id = r.user_id)),
                   a.levelling_delay_minutes
              from assignment a join resource r on r.id = a.resource_id
             where a.project_id = ? and r.kind = 'WORK' and a.units > 0""";

    /**
     * The project row's simple calendar as one text (days, hours, holidays), to notice an edit of it in
     * Gantry after an import (see {@link ProjectScheduler#rememberImportedCalendar(long)}).
     */
    static final String SIMPLE_CALENDAR_SIGNATURE = "p.working_days || '|' || p.working_hours || '|' ||"
            + " coalesce((select string_agg(h.day::text, ',' order by h.day) from project_holiday h"
            + " where h.project_id = p.id), '')";

    private final ImportedCalendars importedCalendars = new ImportedCalendars();

    private final JdbcClient jdbc;
    private final NetworkMemory memory;

    /** How each reschedule got its network: read whole, or kept in memory and brought up to date. */
    private final Counter readWhole;

    private final Counter readChanges;

    NetworkReader(JdbcClient jdbc, NetworkMemory memory, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.memory = memory;
        this.readWhole = networkReads(meters, "whole");
        this.readChanges = networkReads(meters, "changes");
    }

    private static Counter networkReads(MeterRegistry meters, String how) {
        return Counter.builder("gantry.reschedule.network.reads")
                .description("Reschedules by how they read the project's network: whole, or only the changes since"
                        + " the network kept in memory")
                .tag("read", how)
                .register(meters);
    }

    /**
     * The project's network as it is now, in the caller's transaction (which holds the project's lock): the
     * one kept in memory brought up to date with the changes recorded since its version (rows of the tasks
     * and links written re-read by id, the others kept), or read whole when none is kept, when something
     * other than tasks, links and assignments changed, when changes were pruned, or when most tasks changed anyway.
     */
    Network current(long projectId) {
        Network network = memory.take(projectId);
        memory.drop(projectId);
        if (network == null) {
            readWhole.increment();
            return load(projectId, scheduleVersion(projectId));
        }
        long since = network.version;
        long[] now = {since};
        int[] count = {0};
        boolean[] whole = {false};
        Set<Long> tasks = new HashSet<>();
        Set<Long> links = new HashSet<>();
        Set<Long> assigned = new HashSet<>();
        jdbc.sql("""
                        select v.version, c.version, c.entity, c.ids
                          from (select coalesce((select version from schedule_version where project_id = ?), 0) version) v
                          left join schedule_change c on c.project_id = ? and c.version > ?
                         order by c.version
                        """).params(projectId, projectId, since).query(rs -> {
            now[0] = rs.getLong(1);
            if (rs.getObject(2) == null) {
                return;
            }
            count[0]++;
            String entity = rs.getString(3);
            if (entity.equals("other")) {
                whole[0] = true;
                return;
            }
            Set<Long> into =
                    switch (entity) {
                        case "task" -> tasks;
                        case "link" -> links;
                        default -> assigned;
                    };
            for (Object id : (Object[]) rs.getArray(4).getArray()) {
                into.add(((Number) id).longValue());
            }
        });
        if (now[0] == since) {
            readChanges.increment();
            return network;
        }
        if (whole[0] || now[0] < since || count[0] != now[0] - since || tasks.size() * 2 > network.rows.size()) {
            readWhole.increment();
            return load(projectId, now[0]);
        }
        if (!tasks.isEmpty()) {
            Set<Long> gone = new HashSet<>(tasks);
            jdbc.sql("select " + TASK_COLUMNS + " from task where project_id = ? and id = any(?::bigint[])")
                    .params(projectId, tasks.toArray(Long[]::new))
                    .query(rs -> {
                        gone.remove(rs.getLong(1));
                        network.rows.put(rs);
                    });
            network.rows.removeAll(gone);
        }
        if (!links.isEmpty()) {
            links.forEach(network.links::remove);
            jdbc.sql("""
                    select id, predecessor_id, successor_id, link_type, lag_minutes from task_link
                    where project_id = ? and id = any(?::bigint[])
                    """).params(projectId, links.toArray(Long[]::new)).query(rs -> {
                network.links.put(rs.getLong(1), link(rs, network.rows));
            });
        }
        if (!assigned.isEmpty() && !refreshAssignments(projectId, network, assigned)) {
            readWhole.increment();
            return load(projectId, now[0]);
        }
        ProjectRow project = network.project;
        if (!project.stored.isEmpty()
                && (network.rows.earliest(project.startDate).getYear() != network.from.getYear()
                        || network.rows.latest(project.startDate).getYear() != network.to.getYear())) {
            // Stored calendars are written out over the whole years the tasks span (ImportedCalendars rounds the
            // dates out to years): only a span that reaches into another year needs them written out again.
            // Comparing the dates themselves read an imported 10,000-task plan whole after every edit that
            // moved its last finish by a day.
            readWhole.increment();
            return load(projectId, now[0]);
        }
        network.version = now[0];
        readChanges.increment();
        return network;
    }

    /** The project's schedule version as this transaction sees it (0 before its first recorded change). */
    long scheduleVersion(long projectId) {
        return jdbc.sql("select coalesce((select version from schedule_version where project_id = ?), 0)")
                .param(projectId)
                .query(Long.class)
                .single();
    }

    /** Reads the project's whole network; {@code version} is the schedule version read before it. */
    Network load(long projectId, long version) {
        ProjectRow project = projectRow(projectId);
        StoredTasks rows = new StoredTasks();
        // No order needed: the engine resolves parents by id, and results are matched by id.
        jdbc.sql("select " + TASK_COLUMNS + " from task where project_id = ?")
                .param(projectId)
                .query(rs -> {
                    rows.add(rs);
                });
        Map<Long, Link> links = new LinkedHashMap<>();
        jdbc.sql("select id, predecessor_id, successor_id, link_type, lag_minutes from task_link where project_id = ?")
                .param(projectId)
                .query(rs -> {
                    links.put(rs.getLong(1), link(rs, rows));
                });
        Map<Long, List<AssignmentRow>> assignments = project.hasAssignments ? assignments(projectId) : new HashMap<>();
        LocalDate from = project.startDate;
        LocalDate to = project.startDate;
        if (!project.stored.isEmpty()) {
            from = rows.earliest(project.startDate);
            to = rows.latest(project.startDate);
        }
        ProjectCalendar calendar = withTimeOff(projectId, projectCalendar(project, from, to), assignments);
        return new Network(version, project, rows, links, assignments, calendar, from, to);
    }

    private static Link link(java.sql.ResultSet rs, StoredTasks rows) throws java.sql.SQLException {
        return Link.of(
                rows.taskId(rs.getLong(2)),
                rows.taskId(rs.getLong(3)),
                linkType(rs.getString(4)),
                WorkDuration.minutes(rs.getLong(5)));
    }

    /**
     * The project's calendar: its stored (imported) calendar when it names one, else the simple calendar of
     * the project row. Imported calendars are written out around the project's current dates.
     */
    ProjectCalendar calendar(long projectId) {
        ProjectRow project = projectRow(projectId);
        if (project.stored.isEmpty()) {
            return projectCalendar(project, project.startDate, project.startDate);
        }
        LocalDate[] range = jdbc.sql("""
                select min(least(start_at, early_start, late_start, constraint_date, actual_start,
                deadline))::date, max(greatest(finish_at, early_finish, late_finish, constraint_date,
                actual_finish, deadline))::date from task where project_id = ?
                """)
                .param(projectId)
                .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .single();
        LocalDate earliest = range[0] == null || range[0].isAfter(project.startDate) ? project.startDate : range[0];
        LocalDate latest = range[1] == null || range[1].isBefore(project.startDate) ? project.startDate : range[1];
        return projectCalendar(project, earliest, latest);
    }

    ProjectCalendar projectCalendar(ProjectRow project, LocalDate earliest, LocalDate latest) {
        return new ProjectCalendar(
                project.startDate,
                project.workingDays,
                project.workingHours,
                project.statusDate,
                project.holidays,
                project.calendarKey,
                importedCalendars.engineCalendars(project.stored, earliest, latest),
                project.startTime);
    }

    ProjectRow projectRow(long projectId) {
        // One round trip for a project that imported nothing: whether there are stored calendars and
        // assignments comes with the row, and only then are they read.
        // The stored calendar gives way to the simple one once that was edited after the import.
        ProjectRow project = jdbc.sql("select start_date, working_days, working_hours, status_date,"
                        + " case when imported_calendar_signature is distinct from " + SIMPLE_CALENDAR_SIGNATURE
                        + " and imported_calendar_signature is not null then null else calendar_key end,"
                        + " array(select day from project_holiday h where h.project_id = p.id order by day),"
                        + " exists(select 1 from project_calendar c where c.project_id = p.id),"
                        + " exists(select 1 from assignment a where a.project_id = p.id), start_time"
                        + " from project p where id = ?")
                .param(projectId)
                .query((rs, row) -> {
                    List<LocalDate> holidays = new ArrayList<>();
                    for (Object day : (Object[]) rs.getArray(6).getArray()) {
                        holidays.add(day instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) day);
                    }
                    return new ProjectRow(
                            rs.getObject(1, LocalDate.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getObject(4, LocalDateTime.class),
                            holidays,
                            rs.getString(5),
                            new ArrayList<>(),
                            rs.getBoolean(7),
                            rs.getBoolean(8),
                            rs.getObject(9, LocalTime.class));
                })
                .single();
        if (!project.hasCalendars) {
            return project;
        }
        jdbc.sql("""
                select calendar_key, base_key, definition::text from project_calendar where project_id = ?
                order by calendar_key
                """).param(projectId).query(rs -> {
            project.stored.add(new ImportedCalendars.StoredCalendar(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        return project;
    }

    /**
     * Brings the kept network's assignments of {@code taskIds} up to date (V203 names the tasks whose
     * assignments changed). A resource with time off works on a calendar of its own that only a whole read
     * builds (see {@link #withTimeOff}): when a re-read assignment is of such a resource and the kept network
     * has no calendar for it yet, nothing is changed and the answer is false.
     */
    private boolean refreshAssignments(long projectId, Network network, Set<Long> taskIds) {
        Map<Long, List<AssignmentRow>> fresh = new HashMap<>();
        boolean[] calendarMissing = {false};
        jdbc.sql(WORK_ASSIGNMENTS + " and a.task_id = any(?::bigint[]) order by a.id")
                .params(projectId, taskIds.toArray(Long[]::new))
                .query(rs -> {
                    long resource = rs.getLong(2);
                    String ownCalendar = "resource:" + resource;
                    boolean timeOff = rs.getBoolean(9);
                    if (timeOff && !network.calendar.imported().containsKey(ownCalendar)) {
                        calendarMissing[0] = true;
                    }
                    fresh.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                            .add(new AssignmentRow(
                                    resource,
                                    rs.getDouble(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    rs.getString(7),
                                    timeOff ? ownCalendar : rs.getString(8),
                                    rs.getLong(10)));
                });
        if (calendarMissing[0]) {
            return false;
        }
        for (Long task : taskIds) {
            List<AssignmentRow> rows = fresh.get(task);
            if (rows == null) {
                network.assignments.remove(task);
            } else {
                network.assignments.put(task, rows);
            }
        }
        return true;
    }

    /** Work resources' assignments with positive units, by task, with the resource's calendar key. */
    private Map<Long, List<AssignmentRow>> assignments(long projectId) {
        Map<Long, List<AssignmentRow>> byTask = new HashMap<>();
        jdbc.sql(WORK_ASSIGNMENTS + " order by a.id").param(projectId).query(rs -> {
            byTask.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                    .add(new AssignmentRow(
                            rs.getLong(2),
                            rs.getDouble(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getLong(10)));
        });
        return byTask;
    }

    /**
     * Calendars per person: a resource with time off (its own entries, or its person's, which hold in every
     * project) works on a calendar of its own, based on its imported calendar or the project's, whose
     * exceptions are those days off; its assignments then name that calendar, so the engine schedules their
     * work around the absence. Resources without time off keep the calendar they had. {@code assignments} is
     * rewritten in place.
     */
    private ProjectCalendar withTimeOff(
            long projectId, ProjectCalendar calendar, Map<Long, List<AssignmentRow>> assignments) {
        if (assignments.isEmpty()) {
            return calendar;
        }
        Map<Long, java.util.TreeSet<LocalDate>> daysOff = new HashMap<>();
        Map<Long, String> baseKeys = new HashMap<>();
        jdbc.sql("""
                select r.id, r.calendar_key, o.first_day, o.last_day, o.weekdays from resource r
                join time_off o on o.resource_id = r.id or (r.user_id is not null and o.user_id = r.user_id)
                where r.project_id = ? and r.kind = 'WORK'
                and exists (select 1 from assignment a where a.resource_id = r.id)
                """).param(projectId).query(rs -> {
            long resource = rs.getLong(1);
            baseKeys.put(resource, rs.getString(2));
            java.util.TreeSet<LocalDate> days = daysOff.computeIfAbsent(resource, k -> new java.util.TreeSet<>());
            LocalDate last = rs.getObject(4, LocalDate.class);
            String weekdays = rs.getString(5);
            for (LocalDate day = rs.getObject(3, LocalDate.class); !day.isAfter(last); day = day.plusDays(1)) {
                if (weekdays == null
                        || weekdays.contains(String.valueOf(day.getDayOfWeek().getValue()))) {
                    days.add(day);
                }
            }
        });
        if (daysOff.isEmpty()) {
            return calendar;
        }
        Map<String, WorkingCalendar> all = new HashMap<>(calendar.imported());
        daysOff.forEach((resource, days) -> {
            CalendarId own = calendar.calendarId(baseKeys.get(resource));
            CalendarId base = own == null ? calendar.calendar().id() : own;
            List<CalendarException> exceptions = new ArrayList<>();
            LocalDate from = null;
            LocalDate to = null;
            for (LocalDate day : days) {
                if (to != null && day.equals(to.plusDays(1))) {
                    to = day;
                    continue;
                }
                if (from != null) {
                    exceptions.add(CalendarException.holidays(from, to));
                }
                from = day;
                to = day;
            }
            exceptions.add(CalendarException.holidays(from, to));
            String key = "resource:" + resource;
            all.put(key, new WorkingCalendar(CalendarId.of(key), base, Map.of(), exceptions));
        });
        assignments.replaceAll((task, rows) -> rows.stream()
                .map(row -> daysOff.containsKey(row.resourceId())
                        ? new AssignmentRow(
                                row.resourceId(),
                                row.units(),
                                row.workMinutes(),
                                row.actualWorkMinutes(),
                                row.remainingWorkMinutes(),
                                row.contour(),
                                "resource:" + row.resourceId(),
                                row.levellingDelayMinutes())
                        : row)
                .toList());
        return new ProjectCalendar(
                calendar.startDate(),
                calendar.workingDays(),
                calendar.workingHours(),
                calendar.statusDate(),
                calendar.holidays(),
                calendar.calendarKey(),
                all,
                calendar.startTime());
    }

    /** A stored assignment: units in percent, work in working minutes. */
    record AssignmentRow(
            long resourceId,
            double units,
            long workMinutes,
            long actualWorkMinutes,
            long remainingWorkMinutes,
            String contour,
            String calendarKey,
            long levellingDelayMinutes) {}

    /** The project row as stored, with its stored calendars' definitions. */
    record ProjectRow(
            LocalDate startDate,
            String workingDays,
            String workingHours,
            LocalDateTime statusDate,
            List<LocalDate> holidays,
            String calendarKey,
            List<ImportedCalendars.StoredCalendar> stored,
            boolean hasCalendars,
            boolean hasAssignments,
            LocalTime startTime) {}

    private static LinkType linkType(String code) {
        return switch (code) {
            case "SS" -> LinkType.START_START;
            case "FF" -> LinkType.FINISH_FINISH;
            case "SF" -> LinkType.START_FINISH;
            default -> LinkType.FINISH_START;
        };
    }
}
