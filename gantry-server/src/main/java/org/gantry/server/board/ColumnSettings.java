package org.gantry.server.board;

import java.util.List;

/**
 * What a manager sets on a column: the WIP limit of the column and of each of its swimlane cells (null:
 * none), whether a move over either is refused ({@code wipBlocking}) or only shown, and the statuses the
 * column holds besides its own ({@code statuses}; null: as they are). {@code version} is the column's settings
 * version last read (0 at first).
 */
public record ColumnSettings(
        String status,
        Integer wipLimit,
        Boolean wipBlocking,
        Integer version,
        Integer cellWipLimit,
        List<String> statuses) {

    /** Only the column's own limit, as before cell limits and shared columns. */
    public ColumnSettings(String status, Integer wipLimit, Boolean wipBlocking, Integer version) {
        this(status, wipLimit, wipBlocking, version, null, null);
    }
}
