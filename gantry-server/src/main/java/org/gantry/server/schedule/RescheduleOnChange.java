package org.gantry.server.schedule;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gantry.engine.WorkingTime;
import org.gantry.server.project.ProjectScheduleChanged;
import org.gantry.server.project.RescheduleOnce;
import org.gantry.server.project.ScheduleAffected;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reschedules the project whenever a date-affecting change is written. A plain (synchronous) event
 * listener runs inside the writer's transaction, so a refusal (a cycle) rolls the change back with it.
 * The outcome is kept on the current request for {@link RescheduleReport} to add to the response.
 */
@Component
class RescheduleOnChange {

    static final String OUTCOME = RescheduleOnChange.class.getName() + ".outcome";

    private final ProjectScheduler scheduler;
    private final JdbcClient jdbc;
    private final RescheduleOnce once;

    RescheduleOnChange(ProjectScheduler scheduler, JdbcClient jdbc, RescheduleOnce once) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.once = once;
    }

    @EventListener
    void on(ScheduleAffected change) {
        if (change.taskId() != null) {
            applyTypedDates(change);
        }
        if (!once.holds(change.projectId())) {
            remember(scheduler.reschedule(change.projectId(), change.taskId()));
        }
    }

    @EventListener
    void on(ProjectScheduleChanged change) {
        if (!once.holds(change.projectId())) {
            remember(scheduler.reschedule(change.projectId()));
        }
    }

    /**
     * A typed start becomes a start-no-earlier-than constraint and a typed finish changes the duration,
     * as in Microsoft Project: the scheduler owns the dates, the person states their wishes.
     */
    private void applyTypedDates(ScheduleAffected change) {
        if (change.startCleared()) {
            jdbc.sql("""
                    update task set constraint_type = 'AS_SOON_AS_POSSIBLE', constraint_date = null
                    where id = ? and constraint_type = 'START_NO_EARLIER_THAN'
                    """).param(change.taskId()).update();
        }
        if (change.typedStart() != null) {
            jdbc.sql("update task set constraint_type = 'START_NO_EARLIER_THAN', constraint_date = ? where id = ?")
                    .params(change.typedStart(), change.taskId())
                    .update();
        }
        if (change.typedFinish() != null) {
            WorkingTime time = scheduler.workingTime(change.projectId());
            LocalDateTime start = change.typedStart();
            if (start == null) {
                start = jdbc.sql("select start_at from task where id = ?")
                        .param(change.taskId())
                        .query(LocalDateTime.class)
                        .optional()
                        .orElse(null);
            }
            if (start != null && !change.typedFinish().isBefore(start)) {
                long minutes = time.workBetween(time.nextWorkStart(start), change.typedFinish());
                jdbc.sql("update task set duration_minutes = ? where id = ? and not milestone")
                        .params(Math.max(0, minutes), change.taskId())
                        .update();
            }
        }
    }

    /** Several reschedules in one request (an import, a bulk edit) report every task that changed. */
    static void remember(Rescheduled outcome) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        Rescheduled earlier = (Rescheduled) request.getAttribute(OUTCOME, RequestAttributes.SCOPE_REQUEST);
        if (earlier != null) {
            Map<Long, MovedTask> merged = new LinkedHashMap<>();
            for (MovedTask task : earlier.changed()) {
                merged.put(task.id(), task);
            }
            for (MovedTask task : outcome.changed()) {
                MovedTask before = merged.get(task.id());
                merged.put(
                        task.id(),
                        before == null
                                ? task
                                : new MovedTask(
                                        task.id(),
                                        task.start(),
                                        task.finish(),
                                        before.previousStart(),
                                        before.previousFinish(),
                                        task.durationMinutes(),
                                        task.totalSlackMinutes(),
                                        task.freeSlackMinutes(),
                                        task.critical(),
                                        task.moved() || before.moved(),
                                        task.version()));
            }
            outcome = new Rescheduled(
                    new ArrayList<>(merged.values()),
                    earlier.millis() + outcome.millis(),
                    earlier.loadMillis() + outcome.loadMillis(),
                    earlier.engineMillis() + outcome.engineMillis(),
                    earlier.storeMillis() + outcome.storeMillis());
        }
        request.setAttribute(OUTCOME, outcome, RequestAttributes.SCOPE_REQUEST);
    }
}
