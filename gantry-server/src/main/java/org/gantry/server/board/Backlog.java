package org.gantry.server.board;

import java.math.BigDecimal;
import java.util.List;

/**
 * The ranked backlog: the project's unfinished leaf tasks in no open sprint, with their points in total
 * and the average velocity of the last closed sprints (null before the first one closed).
 */
public record Backlog(String project, BigDecimal points, BigDecimal averageVelocity, List<BacklogItem> items) {}
