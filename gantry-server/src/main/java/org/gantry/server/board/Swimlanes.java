package org.gantry.server.board;

/** How the board splits its columns into horizontal lanes. */
public enum Swimlanes {
    NONE,
    ASSIGNEE,
    PRIORITY,
    /** By the card's parent summary task; top-level cards share a lane. */
    EPIC,
    TAG
}
