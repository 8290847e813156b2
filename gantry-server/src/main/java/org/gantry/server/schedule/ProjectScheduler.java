package org.gantry.server.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduleException;
import org.gantry.engine.ScheduleProblem;
import org.gantry.engine.Scheduler;
import org.gantry.engine.TaskId;
import org.gantry.engine.WorkingCalendar;
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
 * Reschedules a whole project with the engine and stores what changed, under the project's lock: {@link
 * NetworkReader} gives the network (kept in memory and brought up to date, or read whole), the engine computes
 * the schedule, {@link ScheduleStore} writes the changed rows in one statement over arrays. A task whose start
 * or finish moved gets a new version, so a client still holding the old one is told its view is stale instead
 * of overwriting the move.
 *
 * <p>The network carries everything an imported plan stores (its calendars, task calendars and types,
 * manual and inactive tasks, actual dates, assignments on their resources' calendars), built as
 * interchange's {@code ProjectFileImport} builds it from the file, so the server computes the dates the
 * import report promised.
 */
@Service
public class ProjectScheduler implements ProjectWorkingTime {

    private final JdbcClient jdbc;
    private final ProjectLock projectLock;
    private final ApplicationEventPublisher events;
    private final NetworkMemory memory;
    private final NetworkReader reader;
    private final ScheduleStore scheduleStore;

    /** Server time per reschedule and per step, for /actuator/prometheus ({@code gantry_reschedule_seconds}). */
    private final Timer total;

    private final Timer loading;
    private final Timer computing;
    private final Timer storing;

    ProjectScheduler(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            ProjectLock projectLock,
            NetworkMemory memory,
            NetworkReader reader,
            ScheduleStore scheduleStore) {
        this.jdbc = jdbc;
        this.memory = memory;
        this.reader = reader;
        this.scheduleStore = scheduleStore;
        this.projectLock = projectLock;
        this.events = events;
        this.total = rescheduleTimer(meters, "total");
        this.loading = rescheduleTimer(meters, "load");
        this.computing = rescheduleTimer(meters, "engine");
        this.storing = rescheduleTimer(meters, "store");
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
        Network network = reader.current(projectId);
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
        List<MovedTask> changed = scheduleStore.store(rows, schedule, calendar, editedTaskId, keepDates, noteworthy);
        if (!changed.isEmpty()) {
            // The write bumped the version once. When nothing else did meanwhile, the network (which holds
            // what was written) is that version; otherwise it keeps the version it was read at, and the next
            // reschedule reads the written rows back with whatever else changed.
            long written = reader.scheduleVersion(projectId);
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
     * The project's network as the engine schedules it (the same rows, links, calendars and assignments as
     * {@link #reschedule(long)}), for analyses that reschedule it in memory and write nothing; engine task
     * ids are the task ids. Null when the project has no tasks.
     */
    @Transactional(readOnly = true)
    public ProjectNetwork network(long projectId) {
        Network network = reader.load(projectId, 0);
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
        return reader.load(projectId, reader.scheduleVersion(projectId));
    }

    /** The project's schedule version: it moves with every change the schedule is computed from. */
    long scheduleVersionOf(long projectId) {
        return reader.scheduleVersion(projectId);
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
        return jdbc.sql("""
                select md5(coalesce((select version::text || '/' || coalesce(calendar_key, '') from project
                where id = :p), '') || '|' || coalesce((select string_agg(id || ':' || version, ','
                order by id) from task where project_id = :p), '') || '|' || coalesce((select
                string_agg(id || ':' || version, ',' order by id) from task_link where project_id = :p), '')
                || '|' || coalesce((select string_agg(id || ':' || version, ',' order by id) from assignment
                where project_id = :p), '') || '|' || coalesce((select string_agg(day::text, ',' order by day)
                from project_holiday where project_id = :p), '') || '|' || coalesce((select
                string_agg(o.id || ':' || o.version, ',' order by o.id) from time_off o join resource r
                on r.id = o.resource_id or (r.user_id is not null and o.user_id = r.user_id)
                where r.project_id = :p), ''))
                """).param("p", projectId).query(String.class).single();
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
        return reader.calendar(projectId).workingTime();
    }

    /**
     * Working minutes from the start of {@code from} to the end of {@code to} on each named calendar, as
     * the engine counts them: a stored (imported) calendar by its key, with its base's days and its own
     * exceptions; the project's calendar (holidays included) for a null key or one not stored. The answer
     * is in the order of the keys. Stored calendars are written out over the dates asked, so recurring
     * exceptions in them count.
     */
    public List<Long> workingMinutes(long projectId, List<String> calendarKeys, LocalDate from, LocalDate to) {
        NetworkReader.ProjectRow project = reader.projectRow(projectId);
        ProjectCalendar calendar = project.stored().isEmpty()
                ? reader.projectCalendar(project, project.startDate(), project.startDate())
                : reader.projectCalendar(
                        project,
                        from.isBefore(project.startDate()) ? from : project.startDate(),
                        to.isAfter(project.startDate()) ? to : project.startDate());
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
     * the project row.
     */
    ProjectCalendar calendar(long projectId) {
        return reader.calendar(projectId);
    }

    /**
     * Notes the project row's simple calendar as an import left it beside the stored one. While it stays so,
     * the project follows the stored calendar; once someone edits the project's calendar in Gantry (working
     * days, hours, holidays), their calendar is the project's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rememberImportedCalendar(long projectId) {
        jdbc.sql("update project p set imported_calendar_signature = " + NetworkReader.SIMPLE_CALENDAR_SIGNATURE
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
        jdbc.sql("""
                update project p set start_time = (select min(t.start_at)::time from task t
                where t.project_id = p.id and t.start_at::date = p.start_date and t.active
                and not t.manually_scheduled and t.actual_start is null
                and t.constraint_type = 'AS_SOON_AS_POSSIBLE'
                and not exists (select 1 from task c where c.parent_id = t.id)
                and not exists (select 1 from task_link l where l.successor_id = t.id)
                and not exists (select 1 from task a where a.project_id = t.project_id and a.id <> t.id
                and t.outline_path[1:cardinality(a.outline_path)] = a.outline_path
                and (a.constraint_type <> 'AS_SOON_AS_POSSIBLE'
                or exists (select 1 from task_link l where l.successor_id = a.id))))
                where p.id = ?
                """).param(projectId).update();
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

    private static double elapsed(long began) {
        return Math.round((System.nanoTime() - began) / 10_000.0) / 100.0;
    }
}
