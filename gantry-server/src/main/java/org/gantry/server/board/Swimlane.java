package org.gantry.server.board;

import java.util.List;

/**
 * A horizontal lane of the board: its cards per column ({@code cells}, in the columns' order). {@code key}
 * identifies the lane (a user id, a priority, a summary task id, a tag; empty for the lane of cards with
 * none), {@code name} is what the board shows.
 */
public record Swimlane(String key, String name, int cardCount, List<Cell> cells) {

    /**
     * The cards of one lane in one column, in board order. {@code cardCount}: the cards shown;
     * {@code wipCount}: every card of the lane in the column, filtered or not, which is what the column's
     * cell limit ({@code wipLimit}, null: none) counts; {@code overLimit} when it is over it.
     */
    public record Cell(
            String status, int cardCount, List<Card> cards, int wipCount, Integer wipLimit, boolean overLimit) {}
}
