package org.gantry.server.identity;

import java.time.Instant;

/** A login lockout in force, as an admin sees it: {@code kind} is "account" (an e-mail) or "address". */
public record LoginLock(long id, String kind, String subject, Instant lockedUntil, String reason, Instant createdAt) {}
