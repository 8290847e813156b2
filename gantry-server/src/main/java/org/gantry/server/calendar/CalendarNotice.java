package org.gantry.server.calendar;

/**
 * A refused move, shown above the calendar: {@code kind} is "stale" (someone else changed the task) or
 * "error"; {@code status} is the HTTP status a plain request gets. Public for the template.
 */
public record CalendarNotice(long taskId, String kind, String message, int status) {}
