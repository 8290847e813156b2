package org.gantry.server.task;

import java.util.List;

/**
 * The list view's filter and sort, sent with every request that re-renders the rows so an edit keeps
 * the person's view. Without a filter and in WBS order the rows form the outline tree; otherwise they
 * are a flat list of matches.
 */
public record ListFilter(String q, String statusFilter, Long assigneeFilter, String sort) {

    static final int MOST_ROWS = 500;

    public boolean isOutline() {
        return blank(q) && blank(statusFilter) && assigneeFilter == null && (blank(sort) || sort.equals("wbs"));
    }

    public String sortOrWbs() {
        return blank(sort) ? "wbs" : sort;
    }

    TaskQuery toQuery() {
        return new TaskQuery(
                0,
                MOST_ROWS,
                blank(statusFilter) ? null : List.of(statusFilter),
                assigneeFilter,
                blank(q) ? null : q,
                null,
                null,
                sortOrWbs());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
