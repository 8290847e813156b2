package org.gantry.server.identity;

import java.time.Instant;

/** A new token: {@code token} goes into {@code Authorization: Bearer <token>} and is never shown again. */
public record CreatedApiToken(long id, String name, String token, Instant createdAt) implements java.io.Serializable {}
