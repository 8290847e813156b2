package org.gantry.server.board;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gantry.server.task.StatusCategory;

/**
 * How many of the project's leaf tasks were in each status at the end of each day (project time zone),
 * recomputed from the status history. {@code statuses} in the board's order.
 */
public record CumulativeFlow(String project, LocalDate from, LocalDate to, List<Status> statuses, List<Day> days) {

    public record Status(String status, String name, StatusCategory category) {}

    public record Day(LocalDate date, Map<String, Integer> counts) {}
}
