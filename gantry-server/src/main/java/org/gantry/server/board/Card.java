package org.gantry.server.board;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.gantry.server.task.Assignee;
import org.gantry.server.task.Priority;

/**
 * A leaf task as the board shows it. {@code late}: the finish is past and the task is not finished.
 * {@code blockedBy}: the unfinished predecessors holding it (a finish-to-start predecessor not yet
 * finished, a start-to-start one not yet started); empty once the card itself is done.
 */
public record Card(
        long id,
        String wbs,
        String name,
        String status,
        List<Assignee> assignees,
        Priority priority,
        List<String> tags,
        BigDecimal storyPoints,
        LocalDateTime finish,
        boolean late,
        boolean blocked,
        List<Long> blockedBy,
        int percentComplete,
        int version) {}
