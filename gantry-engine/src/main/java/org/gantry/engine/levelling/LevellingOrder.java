package org.gantry.engine.levelling;

/**
 * Which task keeps its dates when two compete for a resource, as Microsoft Project's "Levelling order"
 * option: {@code ID_ONLY} delays the task with the higher ID; {@code STANDARD} keeps the task that
 * starts earlier, then the one with less total slack, then the higher priority, then the lower ID;
 * {@code PRIORITY_THEN_STANDARD} looks at the priority first and then as {@code STANDARD}.
 */
public enum LevellingOrder {
    ID_ONLY,
    STANDARD,
    PRIORITY_THEN_STANDARD
}
