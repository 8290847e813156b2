package org.gantry.server.board;

/**
 * What the board says about the last move: {@code kind} is "stale" (someone else changed the card),
 * "error" or "info"; {@code status} is the HTTP status a plain request gets. Public for the template.
 */
public record BoardNotice(long taskId, String kind, String message, int status) {}
