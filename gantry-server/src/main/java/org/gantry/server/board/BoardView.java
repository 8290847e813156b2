package org.gantry.server.board;

import java.util.List;

/**
 * The board as one person chose to see it: {@code columns} hold the cards that pass their filters (a
 * column's cardCount, WIP limit and overLimit still count every card in it), {@code lanes} the same cards
 * split by the chosen swimlanes (empty for none). {@code positions}: each shown card's 1-based place in its
 * whole column, so a drop between filtered cards lands between the same cards of the whole column.
 * {@code tags}: every tag on the board's cards, filtered or not (what the tag filter offers).
 */
public record BoardView(
        String project,
        BoardPreferences preferences,
        List<BoardColumn> columns,
        List<Swimlane> lanes,
        java.util.Map<Long, Integer> positions,
        List<String> tags) {}
