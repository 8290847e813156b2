package org.gantry.server.schedule;

import org.gantry.server.interchange.PlanImported;
import org.gantry.server.shared.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Schedules a project right after a plan is imported into it, inside the import's transaction (a plain,
 * synchronous listener), so the project is never seen without its schedule. When the person chose the
 * file's dates, only early and late dates, slack and the critical path are computed: start and finish stay
 * as the file had them until the next date-affecting edit, which reschedules normally and moves the tasks
 * to Gantry's dates.
 */
@Component
class ScheduleImportedPlan {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleImportedPlan.class);

    private final ProjectScheduler scheduler;

    ScheduleImportedPlan(ProjectScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener
    void on(PlanImported imported) {
        scheduler.rememberImportedCalendar(imported.projectId());
        scheduler.rememberImportedStartTime(imported.projectId());
        try {
            RescheduleOnChange.remember(scheduler.reschedule(imported.projectId(), null, imported.keepFileDates()));
        } catch (Conflict refused) {
            // The engine refused before anything was written (the import report already says why): the
            // project keeps the file's dates rather than losing the whole import.
            LOG.info("Imported project {} keeps the file's dates: {}", imported.projectId(), refused.getMessage());
        }
    }
}
