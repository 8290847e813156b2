package org.gantry.server.portfolio;

/**
 * A programme as a client sends it: all of it to create one ({@code name} required), or the fields to change
 * with the {@code version} read (null fields stay as they are).
 */
public record ProgrammeFields(String name, String description, Integer version) {}
