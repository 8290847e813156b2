package org.gantry.server.schedule;

import java.time.LocalDateTime;

/**
 * One task of a {@link TasksRescheduled}: its dates before and after, how far its finish moved in working
 * minutes of the project calendar (positive: later), its total slack and critical flag before and after,
 * and its deadline.
 */
public record RescheduledTask(
        long id,
        String name,
        boolean milestone,
        LocalDateTime previousStart,
        LocalDateTime previousFinish,
        LocalDateTime start,
        LocalDateTime finish,
        long finishShiftMinutes,
        long previousTotalSlackMinutes,
        long totalSlackMinutes,
        boolean previousCritical,
        boolean critical,
        LocalDateTime deadline) {

    public boolean moved() {
        return finishShiftMinutes != 0;
    }

    public boolean enteredCriticalPath() {
        return critical && !previousCritical;
    }

    /** Negative total slack: the task now finishes after its deadline (or a late constraint), as scheduled. */
    public boolean deadlineBecameUnreachable() {
        return totalSlackMinutes < 0 && previousTotalSlackMinutes >= 0;
    }
}
