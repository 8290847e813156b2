package org.gantry.server.project;

/** A member of a project and their role. */
public record ProjectMember(long userId, String name, String email, ProjectRole role, int version) {}
