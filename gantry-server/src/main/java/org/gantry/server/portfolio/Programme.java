package org.gantry.server.portfolio;

/** A programme: projects grouped under one name; {@code projects} counts the projects in it (archived too). */
public record Programme(long id, String name, String description, int projects, int version) {}
