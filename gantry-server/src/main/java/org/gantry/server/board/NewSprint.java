package org.gantry.server.board;

import java.time.LocalDate;

/** A new sprint: a name, and optionally a goal, dates and the milestone (or summary task) it feeds. */
public record NewSprint(String name, String goal, LocalDate startDate, LocalDate endDate, Long milestoneId) {}
