package org.gantry.engine.levelling;

import java.util.List;

/**
 * What the Microsoft-Project-compatible levelling did: every task that moved (by its own levelling delay
 * or because a predecessor was delayed) with the reason, every over-allocation it could not resolve with
 * the reason, and the project finish before and after, in the caller's time units.
 */
public record ProjectLevellingResult(
        List<TaskMove> moves, List<Unresolved> unresolved, int finishBefore, int finishAfter) {
    public ProjectLevellingResult {
        moves = List.copyOf(moves);
        unresolved = List.copyOf(unresolved);
    }

    /**
     * A task that moved from {@code oldStart} to {@code newStart}. Its levelling delay is the part of the
     * move levelling itself added (what Microsoft Project stores as Levelling Delay); the rest came from
     * a delayed predecessor. {@code overAllocation} is the conflict that delayed it (null when it only
     * followed a predecessor), {@code delayedPredecessor} the predecessor that pushed it (or null).
     * {@code assignmentDelays} holds, when levelling adjusted individual assignments, how long after the
     * task's new start each delayed resource starts on it (by resource id; resources that start with the
     * task are not listed).
     */
    public record TaskMove(
            String taskId,
            int oldStart,
            int newStart,
            int levellingDelay,
            OverAllocation overAllocation,
            String delayedPredecessor,
            java.util.Map<String, Integer> assignmentDelays) {
        public TaskMove {
            assignmentDelays = java.util.Map.copyOf(assignmentDelays);
        }

        /** A task delayed whole: all its resources start with it. */
        public TaskMove(
                String taskId,
                int oldStart,
                int newStart,
                int levellingDelay,
                OverAllocation overAllocation,
                String delayedPredecessor) {
            this(taskId, oldStart, newStart, levellingDelay, overAllocation, delayedPredecessor, java.util.Map.of());
        }
    }

    /**
     * A resource over its maximum units: at time {@code at} it would hold {@code units} (of
     * {@code maxUnits}) with the tasks already there ({@code competingTasks}).
     */
    public record OverAllocation(String resourceId, int at, int units, int maxUnits, List<String> competingTasks) {
        public OverAllocation {
            competingTasks = List.copyOf(competingTasks);
        }
    }

    /** An over-allocation left as it is, the task involved and why levelling did not move it. */
    public record Unresolved(String taskId, OverAllocation overAllocation, Reason reason) {}

    public enum Reason {
        /** Priority 1000: the user asked that this task is never levelled. */
        DO_NOT_LEVEL,
        /** A must-start/finish-on or start/finish-no-later-than constraint holds the task. */
        HARD_CONSTRAINT,
        /** A manually scheduled task keeps the dates the user typed. */
        MANUAL_TASK,
        /** Levelling within slack only, and the task's total slack is too small to clear the conflict. */
        NOT_ENOUGH_SLACK,
        /** The task alone needs more units than the resource's maximum: no delay can help. */
        EXCEEDS_MAXIMUM_UNITS
    }
}
