package org.gantry.interchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.CalendarId;
import org.gantry.engine.WorkingCalendar;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;

/**
 * A plan's calendars (base calendars, work weeks, one-off and recurring exceptions) as the engine's
 * working calendars, by the same rules as a file's import: each calendar is written as an MPXJ calendar the
 * way an export writes it, and MPXJ's resolution of each date's hours is flattened exactly as
 * {@link ProjectFileImport} flattens a calendar read from a file. So a project stored from a file schedules
 * on the same working time as the import report that file was checked with.
 */
public final class PlanCalendars {

    private PlanCalendars() {}

    /** The engine id of the plan calendar with this key. */
    public static CalendarId id(String key) {
        return CalendarId.of("calendar-" + key);
    }

    /**
     * Every calendar of {@code calendars} by its key, written out (exceptions as dated days) over the same
     * margin around the project's dates, {@code earliest} to {@code latest}, as an import uses. A base key
     * that names no calendar of the list is ignored: the calendar's inherited days get Microsoft Project's
     * defaults, as in an export.
     */
    public static Map<String, WorkingCalendar> toEngine(
            List<PlanCalendar> calendars, LocalDate earliest, LocalDate latest) {
        Map<String, WorkingCalendar> result = new LinkedHashMap<>();
        if (calendars.isEmpty()) {
            return result;
        }
        // Numbered keys become the written calendars' unique ids, so each can be found again.
        Map<String, String> numbers = new HashMap<>();
        for (PlanCalendar calendar : calendars) {
            numbers.putIfAbsent(calendar.key(), String.valueOf(numbers.size() + 1));
        }
        List<PlanCalendar> numbered = new ArrayList<>();
        for (PlanCalendar calendar : calendars) {
            numbered.add(new PlanCalendar(
                    numbers.get(calendar.key()),
                    calendar.name(),
                    calendar.baseKey() == null ? null : numbers.get(calendar.baseKey()),
                    calendar.week(),
                    calendar.workWeeks(),
                    calendar.exceptions()));
        }
        ProjectFile file = ProjectFileExport.toProjectFile(new Plan(
                PlanProperties.standard("calendars", null),
                numbered,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
        CalendarFlattening.Range range = CalendarFlattening.Range.around(earliest, latest);
        for (PlanCalendar calendar : calendars) {
            if (result.containsKey(calendar.key())) {
                continue;
            }
            ProjectCalendar written = file.getCalendarByUniqueID(Integer.valueOf(numbers.get(calendar.key())));
            result.put(calendar.key(), CalendarFlattening.flatten(id(calendar.key()), written, range));
        }
        return result;
    }
}
