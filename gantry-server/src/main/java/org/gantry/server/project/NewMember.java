package org.gantry.server.project;

/** Adds an existing user (by id or e-mail) to a project in a role. */
public record NewMember(Long userId, String email, ProjectRole role) {}
