package org.gantry.server.identity;

import java.time.Instant;

/**
 * A user as the API and pages show it (never the password hash). {@code portfolioManager}: the system role that
 * sees every project in the portfolio and keeps its programmes, strategic goals and scores.
 */
public record UserAccount(
        long id,
        String email,
        String name,
        boolean systemAdmin,
        boolean portfolioManager,
        boolean active,
        boolean mustChangePassword,
        Instant createdAt,
        int version)
        implements java.io.Serializable {}
