package org.gantry.server.portfolio;

/**
 * A strategic goal as a client sends it: to create one {@code name} and {@code weight} are required; to change
 * one, the fields to change with the {@code version} read (null fields stay as they are).
 */
public record GoalFields(String name, String description, Integer weight, Integer version) {}
