package org.gantry.server.project;

import java.time.LocalDateTime;

/**
 * A change that can move dates (duration, link, progress, hierarchy, a typed start or finish) was
 * written. Published synchronously inside the writing transaction: the schedule module reschedules
 * the project before the transaction commits, so a cycle or an engine error rolls the change back.
 * {@code typedStart} is a start the person typed (it becomes a start-no-earlier-than constraint, as
 * in Microsoft Project); {@code typedFinish} a finish they typed (it changes the duration), only when
 * no duration was given with it; {@code startCleared} drops the constraint a typed start set.
 */
public record ScheduleAffected(
        long projectId, Long taskId, LocalDateTime typedStart, LocalDateTime typedFinish, boolean startCleared) {

    public static ScheduleAffected project(long projectId) {
        return new ScheduleAffected(projectId, null, null, null, false);
    }
}
