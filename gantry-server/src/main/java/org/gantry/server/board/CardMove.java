package org.gantry.server.board;

/**
 * Move a card: to the column of {@code status} (null: stay in its column) at the 1-based
 * {@code position} among that column's other cards (null: last), with the task's version last read.
 */
public record CardMove(String status, Integer position, Integer version) {}
