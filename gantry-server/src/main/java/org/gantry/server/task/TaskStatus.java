package org.gantry.server.task;

/** A status a project's tasks can have; three are built in (todo, in_progress, done). */
public record TaskStatus(String key, String name, StatusCategory category, int position, boolean builtIn) {}
