package org.gantry.server.schedule;

import java.util.List;

/**
 * A levelling (or a clearing) stored: {@code run} is its id, for {@code POST .../levelling/{run}/undo};
 * {@code preview} what was applied; {@code moved} the tasks the reschedule moved, with their new versions;
 * {@code version} the project's schedule version now.
 */
public record LevellingApplied(long run, LevellingPreview preview, List<MovedTask> moved, long version) {}
