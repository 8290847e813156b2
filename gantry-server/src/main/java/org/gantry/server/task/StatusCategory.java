package org.gantry.server.task;

/** What a status means for progress; every project status belongs to one. */
public enum StatusCategory {
    TO_DO,
    IN_PROGRESS,
    DONE
}
