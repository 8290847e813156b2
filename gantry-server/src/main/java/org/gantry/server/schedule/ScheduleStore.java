package org.gantry.server.schedule;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.WorkingTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a schedule the engine computed back to the task rows: only the tasks whose dates, slack or
 * critical flag changed, in one statement over arrays, with the activity log's "moved by the scheduler"
 * rows, and says which tasks moved and which of those people are told about.
 */
@Component
class ScheduleStore {

    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    List<MovedTask> store(
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

    private static String text(LocalDateTime value) {
        return value == null ? null : value.toString();
    }
}
