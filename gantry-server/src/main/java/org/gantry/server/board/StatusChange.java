package org.gantry.server.board;

import java.time.Instant;

/**
 * One recorded status change of a task: {@code from} is null when the task was created with
 * {@code to}. {@code byId}/{@code byName} are null for changes no person made (an import's or the
 * system's); {@code actorKind} is user, token, scheduler or system.
 */
public record StatusChange(
        long taskId, String taskName, Instant at, Long byId, String byName, String actorKind, String from, String to) {}
