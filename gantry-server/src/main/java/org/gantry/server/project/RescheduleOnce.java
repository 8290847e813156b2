package org.gantry.server.project;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits made together, such as the edits of an approved change request or the progress of an approved
 * week of hours, reschedule their project once, after the last of them. Each edit still publishes its
 * {@link ScheduleAffected} (or {@link ProjectScheduleChanged}). While {@link #afterAll} runs, the
 * scheduler only notes that the project is affected (see {@link #holds}); one reschedule of the whole
 * project follows. A refusal (a cycle) is found there and rolls back every edit with the caller's
 * transaction.
 *
 * <p>The edits run on the caller's thread inside its transaction, synchronously, as do the listeners of
 * their events. So a thread-bound set of the projects being held is exact: it is set before the first edit
 * and cleared after the last one, also when an edit fails. Nested calls for one project reschedule once, at
 * the end of the outermost. Inside the block, task dates read back are those from before the block.
 */
@Component
public class RescheduleOnce {

    /** Per thread: the projects whose reschedule is held, and whether an edit affected each since. */
    private final ThreadLocal<Map<Long, Boolean>> held = new ThreadLocal<>();

    /** In {@link #held}: every project's reschedule is held ({@link #afterAllEdits}). */
    private static final long EVERY_PROJECT = Long.MIN_VALUE;

    private final ApplicationEventPublisher events;

    RescheduleOnce(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T afterAll(long projectId, Supplier<T> edits) {
        Map<Long, Boolean> projects = held.get();
        if (projects != null && (projects.containsKey(projectId) || projects.containsKey(EVERY_PROJECT))) {
            return edits.get();
        }
        if (projects == null) {
            projects = new HashMap<>();
            held.set(projects);
        }
        projects.put(projectId, false);
        T result;
        boolean affected;
        try {
            result = edits.get();
        } finally {
            affected = projects.remove(projectId);
            if (projects.isEmpty()) {
                held.remove();
            }
        }
        if (affected) {
            events.publishEvent(ScheduleAffected.project(projectId));
        }
        return result;
    }

    /**
     * As {@link #afterAll(long, Supplier)} for edits of projects not known beforehand (see {@link
     * ConcurrentEdits}): every project an edit affects is rescheduled once, after the last edit, in the order
     * they were first affected.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T afterAllEdits(Supplier<T> edits) {
        if (held.get() != null) {
            throw new IllegalStateException("edits held for every project cannot be nested in held edits");
        }
        Map<Long, Boolean> projects = new LinkedHashMap<>();
        projects.put(EVERY_PROJECT, true);
        held.set(projects);
        T result;
        try {
            result = edits.get();
        } finally {
            held.remove();
        }
        for (Map.Entry<Long, Boolean> project : projects.entrySet()) {
            if (project.getKey() != EVERY_PROJECT && project.getValue()) {
                events.publishEvent(ScheduleAffected.project(project.getKey()));
            }
        }
        return result;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void afterAll(long projectId, Runnable edits) {
        afterAll(projectId, () -> {
            edits.run();
            return null;
        });
    }

    /**
     * Whether the project's reschedule is being held for edits made together; if so the project is noted
     * as affected, to be rescheduled once at the end.
     */
    public boolean holds(long projectId) {
        Map<Long, Boolean> projects = held.get();
        if (projects == null || !(projects.containsKey(projectId) || projects.containsKey(EVERY_PROJECT))) {
            return false;
        }
        projects.put(projectId, true);
        return true;
    }
}
