package org.gantry.server.board;

import java.math.BigDecimal;

/** A task of the backlog; {@code version} is the task's, for the next plan move. */
public record BacklogItem(long taskId, String wbs, String name, String status, BigDecimal storyPoints, int version) {}
