package org.gantry.server.portfolio;

/** A project's score for one goal, 0 (contributes nothing) to 5 (essential), with the score's version read. */
public record ScoreChange(Integer score, Integer version) {}
