package org.gantry.server.board;

/**
 * One person's view of a project's board: quick filters and swimlanes. Every filter set narrows the cards
 * further. {@code mine}: assigned to me; {@code assigneeId}: assigned to that member; {@code tag}: carrying
 * the tag; {@code text}: WBS or name containing it (case-insensitive); {@code activeSprintOnly}: in the
 * project's active sprint. {@code version} is 0 before the first save.
 */
public record BoardPreferences(
        Boolean mine,
        Long assigneeId,
        String tag,
        String text,
        Boolean activeSprintOnly,
        Swimlanes swimlanes,
        Integer version) {

    static final BoardPreferences NONE = new BoardPreferences(false, null, null, null, false, Swimlanes.NONE, 0);

    /** Whether any filter narrows the cards. */
    public boolean filters() {
        return Boolean.TRUE.equals(mine)
                || assigneeId != null
                || tag != null
                || text != null
                || Boolean.TRUE.equals(activeSprintOnly);
    }
}
