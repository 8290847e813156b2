package org.gantry.server.identity;

/** A change of the sign-in settings; {@code version} is the one last read. */
public record SignInChanges(Boolean ssoOnly, Integer version) {}
