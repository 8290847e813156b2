package org.gantry.engine;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the scheduler needs: tasks (in outline order), links, calendars, the project calendar, the
 * project start, the status date (may be null) and options. Immutable: an edit makes a new network, and
 * unchanged calendars reuse their compiled tables.
 *
 * <p>{@code projectFinish} is null for a project scheduled from its start (the usual case). When set, the
 * project is scheduled from that finish, as Microsoft Project's "Schedule from: Project Finish Date": the
 * backward pass runs first from the fixed finish, the project start becomes the earliest late start, and
 * the forward pass runs from there; {@code projectStart} is then only a hint for the calendars. Project
 * gives new tasks of such a project the as-late-as-possible constraint; the engine schedules each task by
 * the constraint it carries, so callers give tasks {@link ConstraintType#AS_LATE_AS_POSSIBLE} to get
 * Project's default (an as-soon-as-possible task in such a project keeps its early dates, as in Project).
 */
public record ProjectNetwork(
        LocalDateTime projectStart,
        CalendarId projectCalendar,
        List<WorkingCalendar> calendars,
        List<Task> tasks,
        List<Link> links,
        LocalDateTime statusDate,
        ProjectOptions options,
        LocalDateTime projectFinish) {

    public ProjectNetwork {
        Objects.requireNonNull(projectStart, "projectStart");
        Objects.requireNonNull(projectCalendar, "projectCalendar");
        calendars = List.copyOf(calendars);
        tasks = List.copyOf(tasks);
        links = List.copyOf(links);
        options = options == null ? ProjectOptions.DEFAULTS : options;
    }

    /** A project scheduled from its start. */
    public ProjectNetwork(
            LocalDateTime projectStart,
            CalendarId projectCalendar,
            List<WorkingCalendar> calendars,
            List<Task> tasks,
            List<Link> links,
            LocalDateTime statusDate,
            ProjectOptions options) {
        this(projectStart, projectCalendar, calendars, tasks, links, statusDate, options, null);
    }

    /** True when the project is scheduled back from a fixed finish date. */
    public boolean scheduledFromFinish() {
        return projectFinish != null;
    }

    /**
     * The same project scheduled from {@code finish} (Microsoft Project's "Schedule from: Project Finish
     * Date"); null schedules it from its start again.
     */
    public ProjectNetwork withProjectFinish(LocalDateTime finish) {
        return new ProjectNetwork(projectStart, projectCalendar, calendars, tasks, links, statusDate, options, finish);
    }

    /** A network on the standard calendar with default options. */
    public static ProjectNetwork of(LocalDateTime projectStart, List<Task> tasks, List<Link> links) {
        WorkingCalendar standard = WorkingCalendar.standard();
        return new ProjectNetwork(projectStart, standard.id(), List.of(standard), tasks, links, null, null);
    }

    public ProjectNetwork withTasks(List<Task> newTasks) {
        return new ProjectNetwork(
                projectStart, projectCalendar, calendars, newTasks, links, statusDate, options, projectFinish);
    }

    public ProjectNetwork withLinks(List<Link> newLinks) {
        return new ProjectNetwork(
                projectStart, projectCalendar, calendars, tasks, newLinks, statusDate, options, projectFinish);
    }

    public ProjectNetwork withCalendars(CalendarId newProjectCalendar, List<WorkingCalendar> newCalendars) {
        return new ProjectNetwork(
                projectStart, newProjectCalendar, newCalendars, tasks, links, statusDate, options, projectFinish);
    }

    public ProjectNetwork withOptions(ProjectOptions newOptions) {
        return new ProjectNetwork(
                projectStart, projectCalendar, calendars, tasks, links, statusDate, newOptions, projectFinish);
    }

    public ProjectNetwork withStatusDate(LocalDateTime newStatusDate) {
        return new ProjectNetwork(
                projectStart, projectCalendar, calendars, tasks, links, newStatusDate, options, projectFinish);
    }
}
