package org.gantry.server.board;

/** A task a sprint may feed: a milestone or a summary task. Public for the backlog template. */
public record MilestoneChoice(long id, String wbs, String name, boolean milestone) {}
