package org.gantry.server.board;

/**
 * Put a task into a sprint ({@code sprintId}) or the backlog ({@code sprintId} null) at the 1-based
 * {@code position} among the others there (null: last), with the task's version last read.
 */
public record PlanMove(Long sprintId, Integer position, Integer version) {}
