package org.gantry.server.board;

import java.util.List;

/** A project's board: its columns in the order of the project's statuses. */
public record Board(String project, List<BoardColumn> columns) {}
