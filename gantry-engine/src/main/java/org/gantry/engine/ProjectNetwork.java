package org.gantry.engine;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the scheduler needs: tasks (in outline order), links, calendars, the project calendar, the
 * project start, the status date (may be null) and options. Immutable: an edit makes a new network, and
 * unchanged calendars reuse their compiled tables.
 */
public record ProjectNetwork(
        LocalDateTime projectStart,
        CalendarId projectCalendar,
        List<WorkingCalendar> calendars,
        List<Task> tasks,
        List<Link> links,
        LocalDateTime statusDate,
        ProjectOptions options) {

    public ProjectNetwork {
        Objects.requireNonNull(projectStart, "projectStart");
        Objects.requireNonNull(projectCalendar, "projectCalendar");
        calendars = List.copyOf(calendars);
        tasks = List.copyOf(tasks);
        links = List.copyOf(links);
        options = options == null ? ProjectOptions.DEFAULTS : options;
    }

    /** A network on the standard calendar with default options. */
    public static ProjectNetwork of(LocalDateTime projectStart, List<Task> tasks, List<Link> links) {
        WorkingCalendar standard = WorkingCalendar.standard();
        return new ProjectNetwork(projectStart, standard.id(), List.of(standard), tasks, links, null, null);
    }

    public ProjectNetwork withTasks(List<Task> newTasks) {
        return new ProjectNetwork(projectStart, projectCalendar, calendars, newTasks, links, statusDate, options);
    }

    public ProjectNetwork withLinks(List<Link> newLinks) {
        return new ProjectNetwork(projectStart, projectCalendar, calendars, tasks, newLinks, statusDate, options);
    }

    public ProjectNetwork withCalendars(CalendarId newProjectCalendar, List<WorkingCalendar> newCalendars) {
        return new ProjectNetwork(projectStart, newProjectCalendar, newCalendars, tasks, links, statusDate, options);
    }

    public ProjectNetwork withOptions(ProjectOptions newOptions) {
        return new ProjectNetwork(projectStart, projectCalendar, calendars, tasks, links, statusDate, newOptions);
    }

    public ProjectNetwork withStatusDate(LocalDateTime newStatusDate) {
        return new ProjectNetwork(projectStart, projectCalendar, calendars, tasks, links, newStatusDate, options);
    }
}
