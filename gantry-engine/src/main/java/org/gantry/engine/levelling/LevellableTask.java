package org.gantry.engine.levelling;

import java.util.List;
import java.util.Objects;

/**
 * A task as the Microsoft-Project-compatible levelling sees it, in the caller's time units (e.g. working
 * hours or days from the project start on the project calendar): its scheduled start and duration, total
 * slack, priority (0 to 1000; 1000 means "do not level"), whether it is manually scheduled or has a hard
 * constraint (must start/finish on, start/finish no later than), which both keep it where it is, its
 * finish-to-start predecessors with lags, and the units it takes of each resource.
 *
 * <p>{@code assignmentsMayMove} says whether its resources' assignments may start at different times when
 * levelling {@linkplain ProjectLevellingOptions#adjustIndividualAssignments() adjusts individual
 * assignments}: true where the assignments drive the task's span; false where the task's own dates rule
 * (a fixed-duration task), so it is delayed whole.
 *
 * @param id the caller's key, returned in the result
 * @param idNumber the task's ID (row number), used by the ID-only order and as the last tie-breaker
 */
public record LevellableTask(
        String id,
        int idNumber,
        int start,
        int duration,
        int totalSlack,
        int priority,
        boolean manual,
        boolean hardConstraint,
        List<Predecessor> predecessors,
        List<ResourceUse> resources,
        boolean assignmentsMayMove) {
    /** A do-not-level priority, as in Microsoft Project. */
    public static final int DO_NOT_LEVEL = 1000;

    public LevellableTask {
        Objects.requireNonNull(id, "id");
        if (duration < 0) {
            throw new IllegalArgumentException("task " + id + ": duration " + duration + " is negative");
        }
        if (priority < 0 || priority > DO_NOT_LEVEL) {
            throw new IllegalArgumentException("task " + id + ": priority " + priority + " is outside 0..1000");
        }
        predecessors = List.copyOf(predecessors);
        resources = List.copyOf(resources);
    }

    /** A task whose assignments may each be delayed on their own when levelling adjusts assignments. */
    public LevellableTask(
            String id,
            int idNumber,
            int start,
            int duration,
            int totalSlack,
            int priority,
            boolean manual,
            boolean hardConstraint,
            List<Predecessor> predecessors,
            List<ResourceUse> resources) {
        this(
                id,
                idNumber,
                start,
                duration,
                totalSlack,
                priority,
                manual,
                hardConstraint,
                predecessors,
                resources,
                true);
    }

    /** A finish-to-start link from {@code taskId} with a lag (negative: a lead). */
    public record Predecessor(String taskId, int lag) {}

    /** Units of a resource the task holds while it runs (100 = one full-time person). */
    public record ResourceUse(String resourceId, int units) {
        public ResourceUse {
            if (units < 0) {
                throw new IllegalArgumentException("units " + units + " are negative");
            }
        }
    }
}
