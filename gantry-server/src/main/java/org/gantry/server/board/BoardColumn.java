package org.gantry.server.board;

import java.util.List;
import org.gantry.server.task.StatusCategory;

/**
 * A column: one status of the project with its cards in board order. {@code wipLimit} is null when the
 * column has none; {@code overLimit} when it holds more cards than the limit. {@code version} is the
 * version of the column's settings (0 before anyone set a limit).
 */
public record BoardColumn(
        String status,
        String name,
        StatusCategory category,
        Integer wipLimit,
        boolean wipBlocking,
        int cardCount,
        boolean overLimit,
        int version,
        List<Card> cards) {}
