package org.gantry.server.report;

import java.time.LocalDate;

/**
 * What a new share link opens: {@code target} DASHBOARD, GANTT (the plan's Gantt view, always current) or
 * REPORT (then {@code reportId}, a published report of the project). Optional: a {@code label} saying who it is for, {@code expiresOn} (the last day it opens,
 * in the project's time zone) and a {@code password} (8 to 128 characters) the visitor must type.
 */
public record NewShareLink(String target, Long reportId, String label, LocalDate expiresOn, String password) {}
