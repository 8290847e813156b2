package org.gantry.server.task;

/**
 * A dependency to add; the type defaults to FS. The lag is {@code lag} as text ("2d", "-1d" for a
 * lead) or {@code lagMinutes} with {@code lagUnit}.
 */
public record NewLink(
        Long predecessorId, Long successorId, LinkType type, String lag, Long lagMinutes, DurationUnit lagUnit) {}
