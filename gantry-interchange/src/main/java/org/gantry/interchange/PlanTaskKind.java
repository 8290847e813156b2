package org.gantry.interchange;

/** What a row of the work breakdown is: a summary of its children, a task, or a milestone. */
public enum PlanTaskKind {
    SUMMARY,
    TASK,
    MILESTONE
}
