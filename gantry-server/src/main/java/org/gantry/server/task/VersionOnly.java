package org.gantry.server.task;

/** The version of the task an outline action (indent, outdent) applies to. */
public record VersionOnly(Integer version) {}
