package org.gantry.engine;

/**
 * Which of duration, units and work stays put when one of the others changes. A FIXED_DURATION task is
 * scheduled on its own calendar; the others follow their assignments' work and units.
 */
public enum TaskType {
    FIXED_UNITS,
    FIXED_DURATION,
    FIXED_WORK
}
