package org.gantry.server.board;

/**
 * Complete the active sprint: the version last read, and where its unfinished tasks go:
 * {@code unfinishedTo} BACKLOG (to the top of the backlog, in the sprint's order) or SPRINT (to the end
 * of the PLANNED sprint {@code nextSprintId}). Either way they stay recorded as not done in this sprint.
 */
public record SprintCompletion(Integer version, String unfinishedTo, Long nextSprintId) {}
