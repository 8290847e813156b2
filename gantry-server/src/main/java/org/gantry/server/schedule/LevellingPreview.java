package org.gantry.server.schedule;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What levelling would do, computed by the engine and not stored: every task that moves (by how much, and
 * why), every over-allocation it leaves (and why), the project finish now, after levelling in the chosen
 * mode, and after each mode, so the two can be compared. {@code version} is the project's schedule version
 * the preview was computed at: send it back to apply exactly this, or get a 409 when the plan changed.
 * Shifts are in working minutes of the project calendar; {@code levellingDelayMinutes} is the delay stored
 * on the task, in elapsed minutes, as Microsoft Project stores it.
 */
public record LevellingPreview(
        String mode,
        String order,
        boolean withinSlack,
        boolean adjustAssignments,
        List<Long> taskIds,
        long version,
        LocalDateTime finishBefore,
        LocalDateTime finishAfter,
        LocalDateTime standardFinish,
        LocalDateTime optimisingFinish,
        long finishShiftMinutes,
        List<Move> moves,
        List<Unresolved> unresolved,
        long millis) {

    /**
     * A task that moves: from its start and finish now to the levelled ones. {@code cause} is
     * RESOURCE (levelling delayed it past an over-allocation of {@code resource}, shared with
     * {@code competingTasks}), PREDECESSOR (it follows {@code predecessorId}, which levelling delayed),
     * OPTIMISED (the optimising mode placed it there for a shorter finish) or CLEARED (its levelling delay is
     * removed); {@code reason} says it in words. {@code assignmentDelays} lists the resources whose work
     * on the task starts later than the task when levelling adjusts individual assignments.
     */
    public record Move(
            long taskId,
            String wbs,
            String name,
            LocalDateTime startBefore,
            LocalDateTime finishBefore,
            LocalDateTime startAfter,
            LocalDateTime finishAfter,
            long shiftMinutes,
            long levellingDelayMinutes,
            String cause,
            Long resourceId,
            String resourceName,
            List<Long> competingTasks,
            Long predecessorId,
            List<TaskLevelling.AssignmentDelay> assignmentDelays,
            String reason) {}

    /**
     * An over-allocation levelling leaves: {@code resource} would hold {@code units} % of its
     * {@code maxUnits} % at {@code at}, with {@code competingTasks}; {@code cause} DO_NOT_LEVEL (priority 1000),
     * HARD_CONSTRAINT, MANUAL_TASK, NOT_ENOUGH_SLACK, EXCEEDS_MAXIMUM_UNITS, STARTED or NOT_SELECTED.
     */
    public record Unresolved(
            long taskId,
            String wbs,
            String name,
            long resourceId,
            String resourceName,
            LocalDateTime at,
            int units,
            int maxUnits,
            List<Long> competingTasks,
            String cause,
            String reason) {}
}
