package org.gantry.server.resource;

/**
 * How a task's duration, units and work hang together: FIXED_UNITS (default), FIXED_WORK or FIXED_DURATION,
 * as in Microsoft Project. {@code version} is the task's, required.
 */
public record TaskTypeChange(String taskType, Integer version) {}
