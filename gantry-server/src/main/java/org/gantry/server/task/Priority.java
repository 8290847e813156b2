package org.gantry.server.task;

/** How urgent a task is. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    CRITICAL
}
