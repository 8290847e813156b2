package org.gantry.server.schedule;

import java.util.List;

/**
 * How to level, as Microsoft Project's "Level Resources" dialog asks it: {@code mode} STANDARD (Project's
 * levelling: only delays, in {@code order}) or OPTIMISING (the shortest finish the resource limits allow);
 * {@code order} ID_ONLY, STANDARD or PRIORITY_THEN_STANDARD; {@code withinSlack} to delay tasks only within
 * their total slack (the finish never moves); {@code adjustAssignments} to let levelling delay only the
 * over-allocated resource's assignment on a task instead of the whole task (Project's "Leveling can adjust
 * individual assignments on a task"; the Project-compatible mode); {@code taskIds} to level only those
 * tasks (empty: all).
 * {@code version} is the project's schedule version the preview showed (required to apply).
 */
public record LevellingRequest(
        String mode, String order, Boolean withinSlack, Boolean adjustAssignments, List<Long> taskIds, Long version) {}
