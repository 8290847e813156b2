package org.gantry.server.shared;

import org.gantry.interchange.PlanCalendar;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a calendar imported from another tool is kept in {@code project_calendar.definition}: interchange's
 * {@link PlanCalendar} as JSON, whole (week, work weeks, recurring exceptions). The import writes it, the
 * scheduler and the export read it; this class is the one place that knows the format, so they agree.
 * The mapper is our own rather than the web's, so a change to the API's JSON settings cannot change what
 * is stored.
 */
public final class StoredCalendars {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredCalendars() {}

    public static String write(PlanCalendar calendar) {
        return JSON.writeValueAsString(calendar);
    }

    public static PlanCalendar read(String json) {
        return JSON.readValue(json, PlanCalendar.class);
    }
}
