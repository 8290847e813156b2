package org.gantry.server.board;

import java.math.BigDecimal;

/**
 * A task in a sprint. {@code committed}: it was in the sprint when the sprint started;
 * {@code outcome}: null while the sprint is open, then DONE, NOT_DONE (it stays recorded so in the
 * closed sprint wherever it went next) or REMOVED (taken out while the sprint was active).
 * {@code version} is the task's, for the next plan move.
 */
public record SprintTask(
        long taskId,
        String wbs,
        String name,
        String status,
        boolean done,
        BigDecimal storyPoints,
        boolean committed,
        String outcome,
        int version) {}
