package org.gantry.server.task;

/**
 * A message shown in the list view right below the row it is about: a stale edit (with what the
 * person tried, since it was not saved), invalid input, or a refused action.
 */
public record RowNotice(long taskId, String kind, String message, String attempted) {

    /** The same notice, shown above all rows because its row is not among them. */
    RowNotice aboveTheRows() {
        return new RowNotice(0, kind, message, attempted);
    }

    static RowNotice conflict(long taskId, String attempted) {
        return new RowNotice(
                taskId, "conflict", "Someone else changed this task; here are the current values.", attempted);
    }
}
