package org.gantry.server.identity;

import java.time.Instant;

/**
 * A login lockout began: for an account (its e-mail, after too many failed logins from anywhere) or
 * for a client address (too many failed logins from it, whatever the accounts). Published once per
 * lockout, in the transaction that records it.
 */
public record LoginLocked(String email, String address, Instant until, String reason) {}
