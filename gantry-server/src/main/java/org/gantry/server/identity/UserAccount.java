package org.gantry.server.identity;

import java.time.Instant;

/** A user as the API and pages show it (never the password hash). */
public record UserAccount(
        long id,
        String email,
        String name,
        boolean systemAdmin,
        boolean active,
        boolean mustChangePassword,
        Instant createdAt,
        int version)
        implements java.io.Serializable {}
