package org.gantry.server.identity;

import java.time.Instant;

/** A personal API token as listed: the secret itself is shown only once, at creation. */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt) {}
