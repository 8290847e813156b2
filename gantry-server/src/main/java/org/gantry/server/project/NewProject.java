package org.gantry.server.project;

import java.time.LocalDate;

/**
 * A project to create. Only key and name are required: the start date defaults to today, the time
 * zone to UTC, the currency to EUR and the calendar to Monday to Friday, 08:00-12:00 and 13:00-17:00.
 */
public record NewProject(
        String key,
        String name,
        String description,
        LocalDate startDate,
        String timeZone,
        String currency,
        WorkingCalendar calendar) {}
