package org.gantry.server.resource;

/**
 * How a task's duration, units and work hang together: {@code taskType} FIXED_UNITS (default), FIXED_WORK or
 * FIXED_DURATION, and {@code effortDriven} (people joining or leaving share the task's work instead of adding
 * their own), as in Microsoft Project. Either may be left out to keep it; {@code version} is the task's,
 * required.
 */
public record TaskTypeChange(String taskType, Boolean effortDriven, Integer version) {}
