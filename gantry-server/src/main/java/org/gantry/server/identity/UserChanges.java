package org.gantry.server.identity;

/** Changes an admin makes to a user; null fields stay as they are. {@code version} is required. */
public record UserChanges(
        String name, Boolean systemAdmin, Boolean active, Integer version, Boolean portfolioManager) {}
