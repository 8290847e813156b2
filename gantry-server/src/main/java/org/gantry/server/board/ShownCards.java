package org.gantry.server.board;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * How many cards of each list the board page renders: a list (a column, or a swimlane cell) shows its first
 * {@link #FIRST} cards and a link shows {@link #MORE} more. A board of 2,000 cards rendered whole is a
 * megabyte of HTML and 19,000 elements, which a browser needs seconds to lay out; the first cards of each
 * column are what a person works on, and the rest stay one keyboard-reachable link away. Counts and WIP
 * limits are the board's, not the page's: they always count every card.
 *
 * <p>A list's key (board/board.html makes it): a column's default status; a cell's status, a slash and its
 * lane's key. {@code wanted}: the lists someone asked to see more of, from the page's address ({@code
 * ?show=<list>:<count>}, so a reload and a live refresh keep them). {@code keepInView}: a card that must be
 * rendered wherever it is (the one just moved, which keeps the focus), or null. Public for the template's
 * expressions only.
 */
public record ShownCards(String project, Map<String, Integer> wanted, Long keepInView) {

    static final int FIRST = 50;
    static final int MORE = 100;

    /** More than this many entries, or a count above the most cards a list may show, is ignored. */
    private static final int MOST_ENTRIES = 100;

    private static final int MOST_CARDS = 100_000;

    /** Reads {@code show} parameters ({@code <list>:<count>}); anything malformed is left out, never refused. */
    static ShownCards from(String project, List<String> show, Long keepInView) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        if (show != null) {
            for (String entry : show.subList(0, Math.min(show.size(), MOST_ENTRIES))) {
                int colon = entry == null ? -1 : entry.lastIndexOf(':');
                if (colon <= 0) continue;
                try {
                    int count = Integer.parseInt(entry.substring(colon + 1).strip());
                    if (count > FIRST && count <= MOST_CARDS) wanted.put(entry.substring(0, colon), count);
                } catch (NumberFormatException ignored) {
                    // Not a count: the list shows its first cards.
                }
            }
        }
        return new ShownCards(project, Map.copyOf(wanted), keepInView);
    }

    /** The cards of the list the page renders: its first ones (and the card to keep in view). */
    public List<Card> rendered(String list, List<Card> cards) {
        return cards.subList(0, count(list, cards));
    }

    /** How many of the list's cards the page leaves out. */
    public int hidden(String list, List<Card> cards) {
        return cards.size() - count(list, cards);
    }

    /** How many more the list's link shows. */
    public int next(String list, List<Card> cards) {
        return Math.min(MORE, hidden(list, cards));
    }

    /** The page's address with this list showing {@link #MORE} more cards (the other lists as they are). */
    public String more(String list, List<Card> cards) {
        Map<String, Integer> after = new LinkedHashMap<>(wanted);
        after.put(list, count(list, cards) + MORE);
        // As URI variables, so that strict encoding escapes what a lane's key may hold (a tag with & or +).
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/projects/{project}/board");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("project", project);
        after.forEach((key, count) -> {
            String name = "show" + values.size();
            address.queryParam("show", "{" + name + "}");
            values.put(name, key + ":" + count);
        });
        return address.encode().buildAndExpand(values).toUriString();
    }

    private int count(String list, List<Card> cards) {
        int count = Math.min(cards.size(), wanted.getOrDefault(list, FIRST));
        if (keepInView != null) {
            for (int index = count; index < cards.size(); index++) {
                if (cards.get(index).id() == keepInView) return index + 1;
            }
        }
        return count;
    }
}
