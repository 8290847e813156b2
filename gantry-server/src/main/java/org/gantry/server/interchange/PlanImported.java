package org.gantry.server.interchange;

/**
 * Published inside the import's transaction once a plan's rows are written, so the schedule can be computed
 * before the import commits. {@code keepFileDates}: the person chose the file's dates over Gantry's, so the
 * scheduler fills in slack and the critical path but leaves the stored start and finish as the file had them.
 */
public record PlanImported(long projectId, boolean keepFileDates) {}
