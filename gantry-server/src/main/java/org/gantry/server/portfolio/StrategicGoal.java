package org.gantry.server.portfolio;

/** A strategic goal with its weight (1-100): how much it counts in every project's alignment. */
public record StrategicGoal(long id, String name, String description, int weight, int version) {}
