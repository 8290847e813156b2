package org.gantry.interchange;

import java.util.List;
import java.util.Objects;

/**
 * A project plan in Gantry's own terms, independent of the file it came from or goes to: the shape the
 * server persists on import and reads on export. Every list keeps the order of the source (tasks in outline
 * order, parents before their children). Tasks, resources, calendars and assignments are referred to by
 * key, a string that is unique within its list (the source's unique id when it has one).
 *
 * <p>{@code unsupported} lists what the source held that the plan does not keep, so an import can say so
 * instead of dropping it silently. {@code fixedCosts} holds the tasks' fixed costs (only those above zero).
 */
public record Plan(
        PlanProperties properties,
        List<PlanCalendar> calendars,
        List<PlanTask> tasks,
        List<PlanLink> links,
        List<PlanResource> resources,
        List<PlanAssignment> assignments,
        List<PlanBaseline> baselines,
        List<UnsupportedField> unsupported,
        List<PlanFixedCost> fixedCosts) {

    /** A plan without fixed costs. */
    public Plan(
            PlanProperties properties,
            List<PlanCalendar> calendars,
            List<PlanTask> tasks,
            List<PlanLink> links,
            List<PlanResource> resources,
            List<PlanAssignment> assignments,
            List<PlanBaseline> baselines,
            List<UnsupportedField> unsupported) {
        this(properties, calendars, tasks, links, resources, assignments, baselines, unsupported, List.of());
    }

    public Plan {
        Objects.requireNonNull(properties, "properties");
        calendars = List.copyOf(calendars);
        tasks = List.copyOf(tasks);
        links = List.copyOf(links);
        resources = List.copyOf(resources);
        assignments = List.copyOf(assignments);
        baselines = List.copyOf(baselines);
        unsupported = List.copyOf(unsupported);
        fixedCosts = fixedCosts == null ? List.of() : List.copyOf(fixedCosts);
    }
}
