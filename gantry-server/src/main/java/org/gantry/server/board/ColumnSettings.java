package org.gantry.server.board;

/**
 * What a manager sets on a column: the WIP limit (null: none) and whether a move over it is refused
 * ({@code wipBlocking}) or only shown. {@code version} is the column's settings version last read (0 at first).
 */
public record ColumnSettings(String status, Integer wipLimit, Boolean wipBlocking, Integer version) {}
