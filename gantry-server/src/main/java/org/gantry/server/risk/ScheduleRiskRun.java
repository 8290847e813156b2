package org.gantry.server.risk;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A stored Monte Carlo run: who started it and when, what it simulates ({@code request}, every default
 * filled in), its {@code state} (QUEUED, RUNNING, DONE, FAILED), {@code progress} in percent with the runs
 * done of {@code iterations}, the P80 finish once done, {@code error} when it failed, and {@code report}
 * (as {@code POST .../schedule-risk} answers) when asked for one run that is done; lists leave it out.
 */
public record ScheduleRiskRun(
        long id,
        String state,
        int progress,
        int completedRuns,
        int iterations,
        long seed,
        String distribution,
        Long startedById,
        String startedByName,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        LocalDateTime p80,
        String error,
        ScheduleRiskRequest request,
        ScheduleRiskReport report) {}
