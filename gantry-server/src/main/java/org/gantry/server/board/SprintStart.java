package org.gantry.server.board;

/** Start a sprint: the version of the sprint last read. */
public record SprintStart(Integer version) {}
