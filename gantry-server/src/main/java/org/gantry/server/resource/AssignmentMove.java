package org.gantry.server.resource;

/** Hand an assignment's work to another resource of the project: {@code resourceId}; {@code version} the assignment's. */
public record AssignmentMove(Long resourceId, Integer version) {}
