package org.gantry.server.task;

/** A row's kind. A summary task has subtasks; a milestone marks a moment. */
public enum TaskType {
    SUMMARY,
    TASK,
    MILESTONE
}
