package org.gantry.server.task;

import java.util.List;

/**
 * Filters and paging for the task list. {@code parent} is a task id or "root"; {@code sort} is one of
 * wbs (the outline, default), name, start, finish, priority, status, updated, with a leading "-" for
 * descending order.
 */
public record TaskQuery(
        int page, int size, List<String> status, Long assignee, String q, String parent, String tag, String sort) {

    public static TaskQuery firstPage(int size) {
        return new TaskQuery(0, size, null, null, null, null, null, null);
    }
}
