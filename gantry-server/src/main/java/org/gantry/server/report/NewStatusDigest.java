package org.gantry.server.report;

import java.time.LocalTime;
import java.util.List;

/**
 * A digest to schedule: {@code recipients} (1 to 50 e-mail addresses, people with or without an account),
 * {@code cadence} DAILY or WEEKLY (then {@code weekday}, MONDAY to SUNDAY), {@code sendAt} (a time of day),
 * optional {@code timeZone} (default the project's) and {@code content} DASHBOARD (default) or REPORT.
 */
public record NewStatusDigest(
        List<String> recipients, String cadence, String weekday, LocalTime sendAt, String timeZone, String content) {}
