package org.gantry.server.task;

/** The unit a duration or lag is shown in; the value itself is always working minutes. */
public enum DurationUnit {
    MINUTES,
    HOURS,
    DAYS,
    WEEKS
}
