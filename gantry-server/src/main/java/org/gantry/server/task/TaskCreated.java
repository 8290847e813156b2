package org.gantry.server.task;

import java.util.List;

/** A task was created (published inside the creating transaction): by whom, and whom it is assigned to. */
public record TaskCreated(long projectId, long taskId, long authorId, List<Long> assigneeIds) {}
