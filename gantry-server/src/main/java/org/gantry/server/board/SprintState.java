package org.gantry.server.board;

/** A sprint is planned, then active (at most one per project), then closed; never back. */
public enum SprintState {
    PLANNED,
    ACTIVE,
    CLOSED
}
