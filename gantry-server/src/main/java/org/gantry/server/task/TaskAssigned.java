package org.gantry.server.task;

import java.util.List;

/**
 * People were newly assigned to an existing task (published inside the editing transaction): only those
 * who were not assigned before, and who assigned them.
 */
public record TaskAssigned(long projectId, long taskId, long assignedById, List<Long> newAssigneeIds) {}
