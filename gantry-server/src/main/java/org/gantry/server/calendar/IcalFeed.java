package org.gantry.server.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.gantry.server.task.Assignee;
import org.gantry.server.task.Task;

/**
 * Writes tasks as an iCalendar (RFC 5545) document. Each task is one VEVENT whose UID
 * ({@code task-<id>@gantry}) never changes, so calendar apps update the event in place when the task
 * moves. Tasks run from their start to their finish in the project's time zone (with its VTIMEZONE,
 * so apps in other zones show the right hours); milestones are all-day events on their day, since a
 * milestone marks a date rather than an hour.
 */
final class IcalFeed {

    /** One task with what its event needs from its project. */
    record Entry(Task task, String projectKey, ZoneId timeZone, Map<String, String> statusNames, String link) {}

    private IcalFeed() {}

    static String write(String calendarName, List<Entry> entries, boolean withProjectKey) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Gantry//Calendar feed//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (Entry entry : entries) {
            Task task = entry.task();
            LocalDate[] days = CalendarLayout.daysOf(task);
            if (days == null) {
                continue;
            }
            String summary = (withProjectKey ? entry.projectKey() + " " : "") + task.wbs() + " " + task.name();
            VEvent event;
            if (task.milestone()) {
                event = new VEvent(days[0], days[0].plusDays(1), summary);
            } else {
                ZonedDateTime start = (task.start() != null ? task.start() : task.finish()).atZone(entry.timeZone());
                ZonedDateTime finish = (task.finish() != null ? task.finish() : task.start()).atZone(entry.timeZone());
                event = new VEvent(start, finish.isAfter(start) ? finish : start, summary);
                zones.add(entry.timeZone());
            }
            event.add(new Uid("task-" + task.id() + "@gantry"));
            event.add(new Description(description(entry)));
            event.add(new LastModified(task.updatedAt()));
            if (entry.link() != null) {
                event.add(new Url(java.net.URI.create(entry.link())));
            }
            calendar.add(event);
        }
        for (ZoneId zone : zones) {
            var timeZone = registry.getTimeZone(zone.getId());
            if (timeZone != null) {
                calendar.add(timeZone.getVTimeZone());
            }
        }
        StringWriter out = new StringWriter();
        try {
            // Validation would refuse a calendar without events; an empty plan is still a valid feed.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String description(Entry entry) {
        Task task = entry.task();
        StringBuilder text = new StringBuilder();
        text.append(task.milestone() ? "Milestone" : "Task")
                .append(" in ")
                .append(entry.projectKey())
                .append(". Status: ")
                .append(entry.statusNames().getOrDefault(task.status(), task.status()))
                .append(", ")
                .append(task.percentComplete())
                .append(" % complete.");
        if (!task.assignees().isEmpty()) {
            text.append("\nAssigned to: ")
                    .append(task.assignees().stream().map(Assignee::name).collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (entry.link() != null) {
            text.append('\n').append(entry.link());
        }
        return text.toString();
    }
}
