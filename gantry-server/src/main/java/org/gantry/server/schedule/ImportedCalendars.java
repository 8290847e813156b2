package org.gantry.server.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.WorkingCalendar;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanCalendars;
import org.gantry.server.shared.StoredCalendars;

/**
 * The engine calendars of a project's stored calendars (project_calendar), converted by interchange's
 * {@link PlanCalendars} (the rules the import report schedules with) and kept in a small cache keyed by
 * the stored definitions and the years converted. Converting writes every day of several years, which
 * would cost more than the reschedule itself; the definitions rarely change, so a reschedule under the
 * project lock almost always finds them here. The key is the content, so instances never disagree.
 */
final class ImportedCalendars {
    private static final int CACHED_PROJECTS = 64;

    /** One stored calendar row: its key, its base calendar's key and its definition as stored (JSON text). */
    record StoredCalendar(String key, String baseKey, String definition) {}

    private record Key(List<StoredCalendar> calendars, LocalDate first, LocalDate last) {}

    private final Map<Key, Map<String, WorkingCalendar>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Map<String, WorkingCalendar>> eldest) {
            return size() > CACHED_PROJECTS;
        }
    };

    /**
     * The calendars by key, written out for a project whose dates run from {@code earliest} to
     * {@code latest}, widened to whole years so that ordinary edits reuse the cached conversion.
     */
    Map<String, WorkingCalendar> engineCalendars(List<StoredCalendar> stored, LocalDate earliest, LocalDate latest) {
        if (stored.isEmpty()) {
            return Map.of();
        }
        Key key = new Key(List.copyOf(stored), earliest.withDayOfYear(1), latest.withDayOfYear(latest.lengthOfYear()));
        synchronized (cache) {
            Map<String, WorkingCalendar> known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        List<PlanCalendar> calendars = new ArrayList<>(stored.size());
        for (StoredCalendar calendar : stored) {
            // The row's keys are the ones tasks, resources and other calendars refer to.
            PlanCalendar read = StoredCalendars.read(calendar.definition());
            calendars.add(new PlanCalendar(
                    calendar.key(), read.name(), calendar.baseKey(), read.week(), read.workWeeks(), read.exceptions()));
        }
        Map<String, WorkingCalendar> converted = Map.copyOf(PlanCalendars.toEngine(calendars, key.first(), key.last()));
        synchronized (cache) {
            cache.put(key, converted);
        }
        return converted;
    }
}
