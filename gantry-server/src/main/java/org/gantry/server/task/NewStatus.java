package org.gantry.server.task;

/** A project-defined status; the key defaults to the name in lower case with underscores. */
public record NewStatus(String key, String name, StatusCategory category) {}
