package org.gantry.server.task;

/** A person assigned to a task. */
public record Assignee(long id, String name) {}
