package org.gantry.server.project;

/** Published inside the removing transaction: the user no longer works on the project. */
public record MemberRemoved(long projectId, long userId) {}
