package org.gantry.server.identity;

/** Published when an admin deactivates a user: their tokens and sessions must stop working. */
public record UserDeactivated(long userId) {}
