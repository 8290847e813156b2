package org.gantry.server.schedule;

/** Set a task's levelling priority (0 to 1000; 1000 = do not level) at the task's {@code version}. */
public record TaskLevellingChange(Integer priority, Integer version) {}
