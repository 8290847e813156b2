package org.gantry.server.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gantry.engine.CalendarException;
import org.gantry.engine.CalendarId;
import org.gantry.engine.Link;
import org.gantry.engine.LinkType;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.ProjectOptions;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduleException;
import org.gantry.engine.ScheduleProblem;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Scheduler;
import org.gantry.engine.Task;
import org.gantry.engine.TaskId;
import org.gantry.engine.WorkDuration;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingPeriod;
import org.gantry.engine.WorkingTime;
import org.gantry.server.project.ProjectLock;
import org.gantry.server.project.ProjectWorkingTime;
import org.gantry.server.schedule.NetworkMemory.Network;
import org.gantry.server.shared.Conflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reschedules a whole project with the engine and stores what changed. The network is loaded in three
 * queries (project with holidays, tasks, links), plus one each for stored calendars and assignments when the
 * project has them (an imported plan); the changed rows are written in one statement over arrays. A task whose start or finish moved gets a new
 * version, so a client still holding the old one is told its view is stale instead of overwriting the move.
 *
 * <p>The network carries everything an imported plan stores (its calendars, task calendars and types,
 * manual and inactive tasks, actual dates, assignments on their resources' calendars), built as
 * interchange's {@code ProjectFileImport} builds it from the file, so the server computes the dates the
 * import report promised.
 */
@Service
public class ProjectScheduler implements ProjectWorkingTime {

    static final CalendarId PROJECT_CALENDAR = CalendarId.of("project");
    private static final String TASK_COLUMNS = "id, parent_id, name, milestone, duration_minutes, percent_complete,"
            + " constraint_type, constraint_date, deadline, start_at, finish_at, early_start, early_finish,"
            + " late_start, late_finish, total_slack_minutes, free_slack_minutes, critical, version,"
            + " case task_type when 'FIXED_DURATION' then 1 when 'FIXED_WORK' then 2 else 0 end, calendar_key,"
            + " manually_scheduled, active, actual_start, actual_finish, levelling_delay_minutes,"
            + " levelling_delay_elapsed";

    /**
     * The project row's simple calendar as one text (days, hours, holidays), to notice an edit of it in
     * Gantry after an import (see {@link #rememberImportedCalendar(long)}).
     */
    private static final String SIMPLE_CALENDAR_SIGNATURE = "p.working_days || '|' || p.working_hours || '|' ||"
            + " coalesce((select string_agg(h.day::text, ',' order by h.day) from project_holiday h"
            + " where h.project_id = p.id), '')";

    /** The computed fields of the moved tasks, from arrays in task order (one statement, one trigger call). */
    private static final String WRITE_SCHEDULE = """
            with u as (
                select * from unnest(?::bigint[], ?::timestamp[], ?::timestamp[], ?::timestamp[], ?::timestamp[],
                                     ?::timestamp[], ?::timestamp[], ?::bigint[], ?::bigint[], ?::boolean[], ?::int[])
                    as u(id, start_at, finish_at, early_start, early_finish, late_start, late_finish,
                         total_slack, free_slack, critical, bump))
            update task t set start_at = u.start_at, finish_at = u.finish_at, early_start = u.early_start,
                   early_finish = u.early_finish, late_start = u.late_start, late_finish = u.late_finish,
                   total_slack_minutes = u.total_slack, free_slack_minutes = u.free_slack,
                   critical = u.critical, version = t.version + u.bump
              from u where t.id = u.id
            """;

    /**
     * As {@link #WRITE_SCHEDULE}, recording what the activity log's trigger would: one 'updated' row per task
     * whose start or finish moved, by the scheduler on behalf of the caller, with those fields as [old, new].
     */
    private static final String WRITE_SCHEDULE_AND_ACTIVITY = """
            with u as (
                select * from unnest(?::bigint[], ?::timestamp[], ?::timestamp[], ?::timestamp[], ?::timestamp[],
                                     ?::timestamp[], ?::timestamp[], ?::bigint[], ?::bigint[], ?::boolean[], ?::int[])
                    as u(id, start_at, finish_at, early_start, early_finish, late_start, late_finish,
                         total_slack, free_slack, critical, bump)),
            before as materialized (
                select t.id, t.project_id, t.name, t.start_at, t.finish_at from task t join u on u.id = t.id),
            written as (
                update task t set start_at = u.start_at, finish_at = u.finish_at, early_start = u.early_start,
                       early_finish = u.early_finish, late_start = u.late_start, late_finish = u.late_finish,
                       total_slack_minutes = u.total_slack, free_slack_minutes = u.free_slack,
                       critical = u.critical, version = t.version + u.bump
                  from u where t.id = u.id
                returning t.id)
            insert into activity (project_id, entity, entity_key, task_id, action, label, changes,
                                  actor_id, token_id, actor_kind)
            select b.project_id, 'task', b.id::text, b.id, 'updated', coalesce(b.name, ''),
                   case when b.start_at is distinct from u.start_at
                        then jsonb_build_object('start_at', jsonb_build_array(to_jsonb(b.start_at), to_jsonb(u.start_at)))
                        else '{}'::jsonb end
                   || case when b.finish_at is distinct from u.finish_at
                        then jsonb_build_object('finish_at', jsonb_build_array(to_jsonb(b.finish_at), to_jsonb(u.finish_at)))
                        else '{}'::jsonb end,
                   nullif(current_setting('gantry.actor_id', true), '')::bigint,
                   nullif(current_setting('gantry.token_id', true), '')::bigint,
                   'scheduler'
              from before b join u on u.id = b.id join written w on w.id = b.id
             where b.start_at is distinct from u.start_at or b.finish_at is distinct from u.finish_at
             order by b.id
            """;

    private final JdbcClient jdbc;
    private final ProjectLock projectLock;
    private final ApplicationEventPublisher events;
    private final ImportedCalendars importedCalendars = new ImportedCalendars();
    private final NetworkMemory memory;

    /** Server time per reschedule and per step, for /actuator/prometheus ({@code gantry_reschedule_seconds}). */
    private final Timer total;

    private final Timer loading;
    private final Timer computing;
    private final Timer storing;

    /** How each reschedule got its network: read whole, or kept in memory and brought up to date. */
    private final Counter readWhole;

    private final Counter readChanges;

    ProjectScheduler(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            ProjectLock projectLock,
            NetworkMemory memory) {
        this.jdbc = jdbc;
        this.memory = memory;
        this.projectLock = projectLock;
        this.events = events;
        this.total = rescheduleTimer(meters, "total");
        this.loading = rescheduleTimer(meters, "load");
        this.computing = rescheduleTimer(meters, "engine");
        this.storing = rescheduleTimer(meters, "store");
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

    private static Timer rescheduleTimer(MeterRegistry meters, String phase) {
        return Timer.builder("gantry.reschedule")
                .description("Server time to reschedule a project after a change, in all and per step")
                .tag("phase", phase)
                .register(meters);
    }

    /** Reschedules the project inside the caller's transaction (which must exist: it holds the lock). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Rescheduled reschedule(long projectId) {
        return reschedule(projectId, null);
    }

    /**
     * As {@link #reschedule(long)}, for an edit of {@code editedTaskId}: that task's version was already
     * bumped by the edit, so moving it does not bump it again (the client gets one new version per edit).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Rescheduled reschedule(long projectId, Long editedTaskId) {
        return reschedule(projectId, editedTaskId, false);
    }

    /**
     * As {@link #reschedule(long)}, but when {@code keepDates} the stored start and finish stay as they are:
     * only early and late dates, slack and the critical flag are written (an import that keeps the file's
     * dates). The next date-affecting edit reschedules normally and then moves the tasks. A refusal (a
     * cycle) is thrown before anything is written and leaves the caller's transaction usable, so a caller
     * may catch it; one that lets it pass rolls back as usual.
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = Conflict.class)
    public Rescheduled reschedule(long projectId, Long editedTaskId, boolean keepDates) {
        long began = System.nanoTime();
        // The same lock as structural edits of the outline: two reschedules of one project never interleave.
        projectLock.lock(projectId);
        Network network = current(projectId);
        StoredTasks rows = network.rows;
        if (rows.size() == 0) {
            memory.keep(projectId, network);
            return new Rescheduled(List.of(), elapsed(began), elapsed(began), 0, 0);
        }
        ProjectCalendar calendar = network.calendar;
        double loaded = elapsed(began);
        long computing = System.nanoTime();
        Schedule schedule;
        try {
            schedule = Scheduler.schedule(calendar.network(
                    rows.engineTasks(calendar, network.assignments), new ArrayList<>(network.links.values())));
        } catch (ScheduleException e) {
            // Nothing written: the network still holds the project as it is, for a caller that carries on.
            memory.keep(projectId, network);
            throw refusal(e.problem(), rows);
        }
        double computed = elapsed(computing);
        long storing = System.nanoTime();
        List<RescheduledTask> noteworthy = new ArrayList<>();
        List<MovedTask> changed = store(rows, schedule, calendar, editedTaskId, keepDates, noteworthy);
        if (!changed.isEmpty()) {
            // The write bumped the version once. When nothing else did meanwhile, the network (which holds
            // what was written) is that version; otherwise it keeps the version it was read at, and the next
            // reschedule reads the written rows back with whatever else changed.
            long written = scheduleVersion(projectId);
            if (written == network.version + 1) {
                network.version = written;
            }
            if (written % 256 == 0) {
                jdbc.sql("delete from schedule_change where project_id = ? and version <= ?")
                        .params(projectId, written - 256)
                        .update();
            }
        }
        memory.keep(projectId, network);
        if (!noteworthy.isEmpty()) {
            events.publishEvent(new TasksRescheduled(projectId, editedTaskId, noteworthy));
        }
        Rescheduled done = new Rescheduled(changed, elapsed(began), loaded, computed, elapsed(storing));
        record(done);
        return done;
    }

    /**
     * The project's network as it is now, in the caller's transaction (which holds the project's lock): the
     * one kept in memory brought up to date with the changes recorded since its version (rows of the tasks
     * and links written re-read by id, the others kept), or read whole when none is kept, when something
     * other than tasks and links changed, when changes were pruned, or when most tasks changed anyway.
     */
    private Network current(long projectId) {
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
            Set<Long> into = entity.equals("task") ? tasks : links;
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
            jdbc.sql("select id, predecessor_id, successor_id, link_type, lag_minutes from task_link"
                            + " where project_id = ? and id = any(?::bigint[])")
                    .params(projectId, links.toArray(Long[]::new))
                    .query(rs -> {
                        network.links.put(rs.getLong(1), link(rs, network.rows));
                    });
        }
        ProjectRow project = network.project;
        if (!project.stored.isEmpty()
                && (!network.rows.earliest(project.startDate).equals(network.from)
                        || !network.rows.latest(project.startDate).equals(network.to))) {
            // Stored calendars are written out over the dates the tasks span; those grew.
            readWhole.increment();
            return load(projectId, now[0]);
        }
        network.version = now[0];
        readChanges.increment();
        return network;
    }

    /** The project's schedule version as this transaction sees it (0 before its first recorded change). */
    private long scheduleVersion(long projectId) {
        return jdbc.sql("select coalesce((select version from schedule_version where project_id = ?), 0)")
                .param(projectId)
                .query(Long.class)
                .single();
    }

    /** Reads the project's whole network; {@code version} is the schedule version read before it. */
    private Network load(long projectId, long version) {
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
     * The project's network as the engine schedules it (the same rows, links, calendars and assignments as
     * {@link #reschedule(long)}), for analyses that reschedule it in memory and write nothing; engine task
     * ids are the task ids. Null when the project has no tasks.
     */
    @Transactional(readOnly = true)
    public ProjectNetwork network(long projectId) {
        Network network = load(projectId, 0);
        if (network.rows.size() == 0) {
            return null;
        }
        return network.calendar.network(
                network.rows.engineTasks(network.calendar, network.assignments),
                new ArrayList<>(network.links.values()));
    }

    /**
     * The project's network read whole, for levelling's what-if: the kept one is neither used nor changed,
     * and nothing is written. The caller's transaction sees the rows as of its start.
     */
    Network levellingNetwork(long projectId) {
        return load(projectId, scheduleVersion(projectId));
    }

    /** The project's schedule version: it moves with every change the schedule is computed from. */
    long scheduleVersionOf(long projectId) {
        return scheduleVersion(projectId);
    }

    /** The latest finish the baseline in {@code slot} holds for the project's tasks; null when it holds none. */
    public LocalDateTime baselineFinish(long projectId, int slot) {
        return jdbc.sql("select max(finish_at) from task_baseline where project_id = ? and slot = ?")
                .params(projectId, slot)
                .query((rs, n) ->
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toLocalDateTime())
                .optional()
                .orElse(null);
    }

    /**
     * A digest of everything the schedule is computed from (the project row with its calendar, every task,
     * link and assignment, by id and version): it changes with every edit of the plan, including dates the
     * scheduler moved, and with nothing else. A what-if computed at one plan version is exact while the
     * plan still has it.
     */
    @Transactional(readOnly = true)
    public String planVersion(long projectId) {
        return jdbc.sql("select md5(coalesce((select version::text || '/' || coalesce(calendar_key, '') from project"
                        + " where id = :p), '') || '|' || coalesce((select string_agg(id || ':' || version, ','"
                        + " order by id) from task where project_id = :p), '') || '|' || coalesce((select"
                        + " string_agg(id || ':' || version, ',' order by id) from task_link where project_id = :p), '')"
                        + " || '|' || coalesce((select string_agg(id || ':' || version, ',' order by id) from assignment"
                        + " where project_id = :p), '') || '|' || coalesce((select string_agg(day::text, ',' order by day)"
                        + " from project_holiday where project_id = :p), '') || '|' || coalesce((select"
                        + " string_agg(o.id || ':' || o.version, ',' order by o.id) from time_off o join resource r"
                        + " on r.id = o.resource_id or (r.user_id is not null and o.user_id = r.user_id)"
                        + " where r.project_id = :p), ''))")
                .param("p", projectId)
                .query(String.class)
                .single();
    }

    private void record(Rescheduled done) {
        total.record(Duration.ofNanos((long) (done.millis() * 1_000_000)));
        loading.record(Duration.ofNanos((long) (done.loadMillis() * 1_000_000)));
        computing.record(Duration.ofNanos((long) (done.engineMillis() * 1_000_000)));
        storing.record(Duration.ofNanos((long) (done.storeMillis() * 1_000_000)));
    }

    /** The project's working time, as the engine sees it (for turning a typed finish into a duration). */
    @Override
    public WorkingTime workingTime(long projectId) {
        return calendar(projectId).workingTime();
    }

    /**
     * Working minutes from the start of {@code from} to the end of {@code to} on each named calendar, as
     * the engine counts them: a stored (imported) calendar by its key, with its base's days and its own
     * exceptions; the project's calendar (holidays included) for a null key or one not stored. The answer
     * is in the order of the keys. Stored calendars are written out over the dates asked, so recurring
     * exceptions in them count.
     */
    public List<Long> workingMinutes(long projectId, List<String> calendarKeys, LocalDate from, LocalDate to) {
        ProjectRow project = projectRow(projectId);
        ProjectCalendar calendar = project.stored.isEmpty()
                ? projectCalendar(project, project.startDate, project.startDate)
                : projectCalendar(
                        project,
                        from.isBefore(project.startDate) ? from : project.startDate,
                        to.isAfter(project.startDate) ? to : project.startDate);
        List<WorkingCalendar> all = calendar.calendars();
        Map<String, Long> byKey = new HashMap<>();
        List<Long> minutes = new ArrayList<>();
        for (String key : calendarKeys) {
            String known = key != null && calendar.imported().containsKey(key) ? key : "";
            minutes.add(byKey.computeIfAbsent(known, k -> {
                WorkingCalendar chosen =
                        k.isEmpty() ? calendar.calendar() : calendar.imported().get(k);
                return WorkingTime.of(chosen, all)
                        .workBetween(from.atStartOfDay(), to.plusDays(1).atStartOfDay());
            }));
        }
        return minutes;
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
        LocalDate[] range = jdbc.sql(
                        "select min(least(start_at, early_start, late_start, constraint_date, actual_start,"
                                + " deadline))::date, max(greatest(finish_at, early_finish, late_finish, constraint_date,"
                                + " actual_finish, deadline))::date from task where project_id = ?")
                .param(projectId)
                .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .single();
        LocalDate earliest = range[0] == null || range[0].isAfter(project.startDate) ? project.startDate : range[0];
        LocalDate latest = range[1] == null || range[1].isBefore(project.startDate) ? project.startDate : range[1];
        return projectCalendar(project, earliest, latest);
    }

    private ProjectCalendar projectCalendar(ProjectRow project, LocalDate earliest, LocalDate latest) {
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

    /**
     * Notes the project row's simple calendar as an import left it beside the stored one. While it stays so,
     * the project follows the stored calendar; once someone edits the project's calendar in Gantry (working
     * days, hours, holidays), their calendar is the project's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rememberImportedCalendar(long projectId) {
        jdbc.sql("update project p set imported_calendar_signature = " + SIMPLE_CALENDAR_SIGNATURE
                        + " where p.id = ? and p.calendar_key is not null")
                .param(projectId)
                .update();
    }

    /**
     * Recovers the time of day an imported plan starts, which the project row's start date does not hold:
     * the file placed every task that nothing holds (automatic, as soon as possible, no predecessor, no
     * progress, not under a summary that is held) at the project start, so the earliest such task on the
     * start date starts then. Left null when no task says so: the calendar's first working time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rememberImportedStartTime(long projectId) {
        jdbc.sql("update project p set start_time = (select min(t.start_at)::time from task t"
                        + " where t.project_id = p.id and t.start_at::date = p.start_date and t.active"
                        + " and not t.manually_scheduled and t.actual_start is null"
                        + " and t.constraint_type = 'AS_SOON_AS_POSSIBLE'"
                        + " and not exists (select 1 from task c where c.parent_id = t.id)"
                        + " and not exists (select 1 from task_link l where l.successor_id = t.id)"
                        + " and not exists (select 1 from task a where a.project_id = t.project_id and a.id <> t.id"
                        + " and t.outline_path[1:cardinality(a.outline_path)] = a.outline_path"
                        + " and (a.constraint_type <> 'AS_SOON_AS_POSSIBLE'"
                        + " or exists (select 1 from task_link l where l.successor_id = a.id))))"
                        + " where p.id = ?")
                .param(projectId)
                .update();
    }

    private ProjectRow projectRow(long projectId) {
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
        jdbc.sql("select calendar_key, base_key, definition::text from project_calendar where project_id = ?"
                        + " order by calendar_key")
                .param(projectId)
                .query(rs -> {
                    project.stored.add(
                            new ImportedCalendars.StoredCalendar(rs.getString(1), rs.getString(2), rs.getString(3)));
                });
        return project;
    }

    /** Work resources' assignments with positive units, by task, with the resource's calendar key. */
    private Map<Long, List<AssignmentRow>> assignments(long projectId) {
        Map<Long, List<AssignmentRow>> byTask = new HashMap<>();
        jdbc.sql("select a.task_id, a.resource_id, a.units, a.work_minutes, a.actual_work_minutes,"
                        + " a.remaining_work_minutes, a.contour, r.calendar_key from assignment a"
                        + " join resource r on r.id = a.resource_id"
                        + " where a.project_id = ? and r.kind = 'WORK' and a.units > 0 order by a.id")
                .param(projectId)
                .query(rs -> {
                    byTask.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                            .add(new AssignmentRow(
                                    rs.getLong(2),
                                    rs.getDouble(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    rs.getString(7),
                                    rs.getString(8)));
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
        jdbc.sql("select r.id, r.calendar_key, o.first_day, o.last_day, o.weekdays from resource r"
                        + " join time_off o on o.resource_id = r.id or (r.user_id is not null and o.user_id = r.user_id)"
                        + " where r.project_id = ? and r.kind = 'WORK'"
                        + " and exists (select 1 from assignment a where a.resource_id = r.id)")
                .param(projectId)
                .query(rs -> {
                    long resource = rs.getLong(1);
                    baseKeys.put(resource, rs.getString(2));
                    java.util.TreeSet<LocalDate> days =
                            daysOff.computeIfAbsent(resource, k -> new java.util.TreeSet<>());
                    LocalDate last = rs.getObject(4, LocalDate.class);
                    String weekdays = rs.getString(5);
                    for (LocalDate day = rs.getObject(3, LocalDate.class); !day.isAfter(last); day = day.plusDays(1)) {
                        if (weekdays == null
                                || weekdays.contains(
                                        String.valueOf(day.getDayOfWeek().getValue()))) {
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
                                "resource:" + row.resourceId())
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
            String calendarKey) {}

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

    private List<MovedTask> store(
            StoredTasks rows,
            Schedule schedule,
            ProjectCalendar project,
            Long editedTaskId,
            boolean keepDates,
            List<RescheduledTask> noteworthy) {
        List<MovedTask> changed = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        List<String> finishes = new ArrayList<>();
        List<String> earlyStarts = new ArrayList<>();
        List<String> earlyFinishes = new ArrayList<>();
        List<String> lateStarts = new ArrayList<>();
        List<String> lateFinishes = new ArrayList<>();
        List<Long> totalSlacks = new ArrayList<>();
        List<Long> freeSlacks = new ArrayList<>();
        List<Boolean> criticals = new ArrayList<>();
        List<Integer> bumps = new ArrayList<>();
        WorkingTime workingTime = null;
        for (int i = 0; i < rows.size(); i++) {
            ScheduledTask result = schedule.tasks().get(rows.taskIds.get(i));
            if (result == null) {
                continue;
            }
            // An inactive task takes no part in the schedule (the engine gives it no dates): it keeps its own.
            boolean keep = keepDates || !rows.active.get(i);
            LocalDateTime start = keep ? rows.start.get(i) : result.start();
            LocalDateTime finish = keep ? rows.finish.get(i) : result.finish();
            boolean moved = !Objects.equals(start, rows.start.get(i)) || !Objects.equals(finish, rows.finish.get(i));
            boolean other = !Objects.equals(result.earlyStart(), rows.earlyStart.get(i))
                    || !Objects.equals(result.earlyFinish(), rows.earlyFinish.get(i))
                    || !Objects.equals(result.lateStart(), rows.lateStart.get(i))
                    || !Objects.equals(result.lateFinish(), rows.lateFinish.get(i))
                    || result.totalSlackMinutes() != rows.totalSlack.get(i)
                    || result.freeSlackMinutes() != rows.freeSlack.get(i)
                    || result.critical() != rows.critical.get(i);
            if (!moved && !other) {
                continue;
            }
            ids.add(rows.ids.get(i));
            starts.add(text(start));
            finishes.add(text(finish));
            earlyStarts.add(text(result.earlyStart()));
            earlyFinishes.add(text(result.earlyFinish()));
            lateStarts.add(text(result.lateStart()));
            lateFinishes.add(text(result.lateFinish()));
            totalSlacks.add(result.totalSlackMinutes());
            freeSlacks.add(result.freeSlackMinutes());
            criticals.add(result.critical());
            // A task placed for the first time (no dates yet) or the edited task itself keeps its version.
            int bump = moved && rows.start.get(i) != null && !rows.ids.get(i).equals(editedTaskId) ? 1 : 0;
            bumps.add(bump);
            long duration = rows.duration.get(i);
            if (result.summary() && start != null && finish != null) {
                if (workingTime == null) {
                    workingTime = project.workingTime();
                }
                duration = workingTime.workBetween(start, finish);
            }
            // What people are told about (see TasksRescheduled): never a task placed for the first time.
            LocalDateTime previousFinish = rows.finish.get(i);
            boolean placedBefore = rows.start.get(i) != null && previousFinish != null;
            boolean enteredCritical = result.critical() && !rows.critical.get(i);
            boolean lostDeadline = result.totalSlackMinutes() < 0 && rows.totalSlack.get(i) >= 0;
            if (!keepDates && placedBefore && (moved || enteredCritical || lostDeadline)) {
                long shift = 0;
                if (moved && finish != null && !finish.equals(previousFinish)) {
                    if (workingTime == null) {
                        workingTime = project.workingTime();
                    }
                    shift = finish.isAfter(previousFinish)
                            ? workingTime.workBetween(previousFinish, finish)
                            : -workingTime.workBetween(finish, previousFinish);
                }
                noteworthy.add(new RescheduledTask(
                        rows.ids.get(i),
                        rows.names.get(i),
                        rows.milestone.get(i),
                        rows.start.get(i),
                        previousFinish,
                        start,
                        finish,
                        shift,
                        rows.totalSlack.get(i),
                        result.totalSlackMinutes(),
                        rows.critical.get(i),
                        result.critical(),
                        rows.deadline.get(i)));
            }
            changed.add(new MovedTask(
                    rows.ids.get(i),
                    start,
                    finish,
                    rows.start.get(i),
                    rows.finish.get(i),
                    duration,
                    result.totalSlackMinutes(),
                    result.freeSlackMinutes(),
                    result.critical(),
                    moved,
                    rows.version.get(i) + bump));
            // The rows now hold what is written below (they are kept in memory for the next reschedule).
            rows.stored(
                    i,
                    start,
                    finish,
                    result.earlyStart(),
                    result.earlyFinish(),
                    result.lateStart(),
                    result.lateFinish(),
                    result.totalSlackMinutes(),
                    result.freeSlackMinutes(),
                    result.critical(),
                    bump);
        }
        if (!ids.isEmpty()) {
            // The activity log (V51) attributes moved dates to the scheduler, not to the person whose edit
            // caused them: they are the engine's consequences. Its generic trigger turns every written row
            // into JSON and compares all fields, which costs seconds when an edit moves 10,000 tasks; so it
            // is paused for this one statement, which records the same rows itself (start and finish as
            // [old, new], read in the statement's own snapshot), unless the caller paused the log already.
            String was = jdbc.sql("select activity_pause()").query(String.class).single();
            jdbc.sql("paused".equals(was) ? WRITE_SCHEDULE : WRITE_SCHEDULE_AND_ACTIVITY)
                    .params(
                            ids.toArray(Long[]::new),
                            starts.toArray(String[]::new),
                            finishes.toArray(String[]::new),
                            earlyStarts.toArray(String[]::new),
                            earlyFinishes.toArray(String[]::new),
                            lateStarts.toArray(String[]::new),
                            lateFinishes.toArray(String[]::new),
                            totalSlacks.toArray(Long[]::new),
                            freeSlacks.toArray(Long[]::new),
                            criticals.toArray(Boolean[]::new),
                            bumps.toArray(Integer[]::new))
                    .update();
            jdbc.sql("select activity_resume(?)").param(was).query(rs -> {});
        }
        return changed;
    }

    private static Conflict refusal(ScheduleProblem problem, StoredTasks rows) {
        if (problem instanceof ScheduleProblem.DependencyCycle cycle) {
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (TaskId id : cycle.cycle()) {
                if (id.value().matches("\\d{1,18}")) {
                    long taskId = Long.parseLong(id.value());
                    if (ids.isEmpty() || ids.get(ids.size() - 1) != taskId) {
                        ids.add(taskId);
                        names.add(rows.name(taskId));
                    }
                }
            }
            return new ScheduleCycle(ids, names);
        }
        return new Conflict("Cannot schedule", "The schedule cannot be computed: " + problem + ".");
    }

    private static LinkType linkType(String code) {
        return switch (code) {
            case "SS" -> LinkType.START_START;
            case "FF" -> LinkType.FINISH_FINISH;
            case "SF" -> LinkType.START_FINISH;
            default -> LinkType.FINISH_START;
        };
    }

    private static String text(LocalDateTime value) {
        return value == null ? null : value.toString();
    }

    private static double elapsed(long began) {
        return Math.round((System.nanoTime() - began) / 10_000.0) / 100.0;
    }

    /**
     * The project's calendar and dates as stored: working days "1,2,3,4,5", hours "08:00-12:00,13:00-17:00"
     * and holidays (the simple calendar), and the engine calendars of its stored (imported) calendars by
     * key. {@code calendarKey} names the stored calendar the project follows; null means the simple one.
     */
    record ProjectCalendar(
            LocalDate startDate,
            String workingDays,
            String workingHours,
            LocalDateTime statusDate,
            List<LocalDate> holidays,
            String calendarKey,
            Map<String, WorkingCalendar> imported,
            LocalTime startTime) {

        ProjectCalendar(
                LocalDate startDate,
                String workingDays,
                String workingHours,
                LocalDateTime statusDate,
                List<LocalDate> holidays) {
            this(startDate, workingDays, workingHours, statusDate, holidays, null, Map.of(), null);
        }

        /** The stored calendar the project follows, or null when it follows the simple calendar. */
        WorkingCalendar importedCalendar() {
            return calendarKey == null ? null : imported.get(calendarKey);
        }

        /** The engine id of a stored calendar, or null (the project's calendar) when there is none by that key. */
        CalendarId calendarId(String key) {
            WorkingCalendar stored = key == null ? null : imported.get(key);
            return stored == null ? null : stored.id();
        }

        /** The working periods of a normal working day (the first working day of the project calendar's week). */
        List<WorkingPeriod> periods() {
            WorkingCalendar stored = importedCalendar();
            if (stored != null) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    List<WorkingPeriod> periods = stored.week().get(day);
                    if (periods != null && !periods.isEmpty()) {
                        return periods;
                    }
                }
                return List.of(new WorkingPeriod(0, 1440));
            }
            List<WorkingPeriod> periods = new ArrayList<>();
            for (String range : workingHours.split(",")) {
                String[] ends = range.strip().split("-");
                periods.add(WorkingPeriod.of(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
            }
            return periods;
        }

        Set<DayOfWeek> days() {
            Set<DayOfWeek> days = new HashSet<>();
            WorkingCalendar stored = importedCalendar();
            if (stored != null) {
                stored.week().forEach((day, periods) -> {
                    if (!periods.isEmpty()) {
                        days.add(day);
                    }
                });
                return days;
            }
            for (String day : workingDays.split(",")) {
                days.add(DayOfWeek.of(Integer.parseInt(day.strip())));
            }
            return days;
        }

        /**
         * Dates without working time though their weekday works, from {@code from} to {@code to}: the
         * holidays of the simple calendar, or the non-working exceptions of the stored one.
         */
        List<LocalDate> holidaysBetween(LocalDate from, LocalDate to) {
            WorkingCalendar stored = importedCalendar();
            if (stored == null) {
                return holidays;
            }
            List<LocalDate> days = new ArrayList<>();
            for (CalendarException exception : stored.exceptions()) {
                if (exception.periods().isEmpty()
                        && exception.recurrence() == null
                        && !exception.to().isBefore(from)
                        && !exception.from().isAfter(to)) {
                    for (LocalDate day = exception.from(); !day.isAfter(exception.to()); day = day.plusDays(1)) {
                        List<WorkingPeriod> usual = stored.week().get(day.getDayOfWeek());
                        if (usual != null && !usual.isEmpty()) {
                            days.add(day);
                        }
                    }
                }
            }
            return days;
        }

        WorkingCalendar calendar() {
            WorkingCalendar stored = importedCalendar();
            return stored != null ? stored : simpleCalendar();
        }

        WorkingTime workingTime() {
            return WorkingTime.of(calendar(), calendars());
        }

        private WorkingCalendar simpleCalendar() {
            List<WorkingPeriod> periods = periods();
            Set<DayOfWeek> days = days();
            Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                week.put(day, days.contains(day) ? periods : List.of());
            }
            List<CalendarException> exceptions = new ArrayList<>();
            for (LocalDate holiday : holidays) {
                exceptions.add(CalendarException.holiday(holiday));
            }
            return new WorkingCalendar(PROJECT_CALENDAR, null, week, exceptions);
        }

        /** Every calendar the network may name: the project's and the stored ones. */
        List<WorkingCalendar> calendars() {
            List<WorkingCalendar> all = new ArrayList<>(imported.values());
            if (importedCalendar() == null) {
                all.add(simpleCalendar());
            }
            return all;
        }

        /**
         * The project starts on its start date at its start time when an import recovered one, else at the
         * calendar's first working time of a normal day (on an imported calendar: the first working instant
         * from that date on).
         */
        LocalDateTime projectStart() {
            if (startTime != null) {
                return startDate.atTime(startTime);
            }
            WorkingCalendar stored = importedCalendar();
            if (stored != null) {
                return WorkingTime.of(stored).nextWorkStart(startDate.atStartOfDay());
            }
            return startDate.atTime(
                    periods().get(0).startMinute() / 60, periods().get(0).startMinute() % 60);
        }

        ProjectNetwork network(List<Task> tasks, List<Link> links) {
            // Durations and lags are stored in minutes already; the options only matter for the few rules
            // that count in days. An imported calendar gets Microsoft Project's defaults, as its import did.
            ProjectOptions options = ProjectOptions.DEFAULTS;
            if (importedCalendar() == null) {
                int perDay = periods().stream().mapToInt(WorkingPeriod::minutes).sum();
                options = new ProjectOptions(perDay, perDay * days().size(), 20, 0);
            }
            return new ProjectNetwork(projectStart(), calendar().id(), calendars(), tasks, links, statusDate, options);
        }
    }
}
