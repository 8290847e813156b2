package org.gantry.server.board;

import java.util.List;
import org.gantry.server.task.StatusCategory;

/**
 * A column: one status of the project (its default, which names it) and the other statuses it was set to
 * hold ({@code statuses}, the default first), with the cards of all of them in board order. {@code wipLimit}
 * is null when the column has none; {@code overLimit} when it holds more cards than the limit.
 * {@code cellWipLimit}: the most cards each swimlane cell of the column may hold (null: none).
 * {@code version} is the version of the column's settings (0 before anyone set them).
 */
public record BoardColumn(
        String status,
        String name,
        StatusCategory category,
        List<ColumnStatus> statuses,
        Integer wipLimit,
        Integer cellWipLimit,
        boolean wipBlocking,
        int cardCount,
        boolean overLimit,
        int version,
        List<Card> cards) {

    /** A status a column holds. */
    public record ColumnStatus(String status, String name, StatusCategory category) {}

    /** The same column holding other cards (the board's filters), counts and limits unchanged. */
    BoardColumn withCards(List<Card> shown) {
        return new BoardColumn(
                status,
                name,
                category,
                statuses,
                wipLimit,
                cellWipLimit,
                wipBlocking,
                cardCount,
                overLimit,
                version,
                List.copyOf(shown));
    }
}
