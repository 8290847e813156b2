package org.gantry.server.board;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A milestone (or summary task) with the forecast its sprints give it. {@code finish}: the plan's date;
 * {@code forecast}: the end date of the latest open sprint linked to it, or, once every linked sprint is
 * closed, the day the last one was completed (project time zone); null with no sprint linked.
 * {@code slipDays}: calendar days from the planned finish date to the forecast (positive: late).
 */
public record MilestoneForecast(
        long taskId,
        String wbs,
        String name,
        boolean milestone,
        LocalDateTime finish,
        LocalDate forecast,
        Integer slipDays,
        boolean late,
        List<Long> sprintIds) {}
