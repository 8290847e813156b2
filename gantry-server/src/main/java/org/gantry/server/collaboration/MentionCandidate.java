package org.gantry.server.collaboration;

/** Someone who can be mentioned in a project's comments: a member of it. */
public record MentionCandidate(long id, String name, String email) {}
