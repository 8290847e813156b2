package org.gantry.interchange;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares two plans field by field: project properties, calendars, tasks (and their order), links,
 * resources, assignments and baselines. Every component of every record takes part, so a field added to the
 * plan is compared without touching this class. Numbers with decimals match to within a hundredth, as a
 * plan shows them; money matches by value, whatever its scale.
 */
public final class PlanComparison {
    /** One difference: which row, which field, and both values. */
    public record Difference(String row, String field, Object expected, Object got) {
        public String describe() {
            return row + ", " + field + ": expected " + shorten(expected) + ", got " + shorten(got);
        }

        /** The kind of row and the field without list positions ("task duration.unit"), to group by. */
        public String kindAndField() {
            String kind = row.contains(" ") ? row.substring(0, row.indexOf(' ')) : row;
            return kind + " " + String.valueOf(field).replaceAll("\\[[^\\]]*\\]", "[]");
        }

        private static String shorten(Object value) {
            String text = String.valueOf(value);
            return text.length() > 160 ? text.substring(0, 157) + "..." : text;
        }
    }

    private final List<Difference> differences = new ArrayList<>();

    private PlanComparison() {}

    static List<Difference> compare(Plan expected, Plan got) {
        PlanComparison comparison = new PlanComparison();
        comparison.run(expected, got, true);
        return comparison.differences;
    }

    /**
     * Compares a plan with one that went through a store that gives rows keys of its own (the server's
     * export names tasks, resources and assignments by database id): {@code got}'s tasks and resources (and
     * calendars, unless both plans hold the same calendar keys) take the keys of {@code expected}'s in list
     * order, its assignments the key of the expected
     * assignment of the same task and resource, and every reference follows. Of the project's properties
     * only the project calendar and the status date take part: the rest (name, author, the length of a day
     * for showing durations, currency) is the project's own setting, not the plan's content.
     */
    public static List<Difference> compareByOrder(Plan expected, Plan got) {
        PlanComparison comparison = new PlanComparison();
        Plan rekeyed = Rekeying.onto(expected, got);
        comparison.value(
                "project",
                "calendarKey",
                expected.properties().calendarKey(),
                rekeyed.properties().calendarKey());
        comparison.value(
                "project",
                "statusDate",
                expected.properties().statusDate(),
                rekeyed.properties().statusDate());
        comparison.run(expected, rekeyed, false);
        return comparison.differences;
    }

    private void run(Plan expected, Plan got, boolean properties) {
        PlanProperties a = expected.properties();
        PlanProperties b = got.properties();
        for (RecordComponent component : PlanProperties.class.getRecordComponents()) {
            if (properties && !component.getName().equals("sourceFormat")) {
                value("project", component.getName(), read(component, a), read(component, b));
            }
        }
        rows("calendar", expected.calendars(), got.calendars(), PlanCalendar::key, c -> label(c.key(), c.name()));
        List<String> expectedOrder =
                expected.tasks().stream().map(PlanTask::key).toList();
        List<String> gotOrder = got.tasks().stream().map(PlanTask::key).toList();
        if (expectedOrder.size() == gotOrder.size() && !expectedOrder.equals(gotOrder)) {
            value("project", "task order", expectedOrder, gotOrder);
        }
        rows("task", expected.tasks(), got.tasks(), PlanTask::key, t -> label(t.key(), t.name()));
        rows(
                "link",
                expected.links(),
                got.links(),
                l -> l.predecessorKey() + "->" + l.successorKey() + " " + l.type(),
                l -> l.predecessorKey() + " -> " + l.successorKey());
        rows("resource", expected.resources(), got.resources(), PlanResource::key, r -> label(r.key(), r.name()));
        rows(
                "assignment",
                expected.assignments(),
                got.assignments(),
                PlanAssignment::key,
                a2 -> a2.key() + " (task " + a2.taskKey() + ", resource " + a2.resourceKey() + ")");
        rows(
                "baseline",
                expected.baselines(),
                got.baselines(),
                b2 -> b2.taskKey() + "/" + b2.slot(),
                b2 -> (b2.slot() == 0 ? "" : String.valueOf(b2.slot())) + " of task " + b2.taskKey());
    }

    private static String label(String key, String name) {
        return key + " '" + name + "'";
    }

    private <T extends Record> void rows(
            String kind, List<T> expected, List<T> got, Function<T, String> key, Function<T, String> label) {
        Map<String, T> theirs = index(got, key);
        Map<String, T> ours = index(expected, key);
        for (Map.Entry<String, T> entry : ours.entrySet()) {
            T other = theirs.get(entry.getKey());
            String row = kind + " " + label.apply(entry.getValue());
            if (other == null) {
                differences.add(new Difference(row, "presence", "present", "missing"));
                continue;
            }
            value(row, null, entry.getValue(), other);
        }
        for (Map.Entry<String, T> entry : theirs.entrySet()) {
            if (!ours.containsKey(entry.getKey())) {
                differences.add(
                        new Difference(kind + " " + label.apply(entry.getValue()), "presence", "absent", "added"));
            }
        }
    }

    /** Rows by key; a key seen twice (two links between the same tasks) gets a running number. */
    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        Map<String, T> index = new LinkedHashMap<>();
        for (T row : rows) {
            String k = key.apply(row);
            String unique = k;
            for (int n = 2; index.containsKey(unique); n++) {
                unique = k + "#" + n;
            }
            index.put(unique, row);
        }
        return index;
    }

    private void value(String row, String field, Object expected, Object got) {
        if (expected instanceof Record a && got instanceof Record b && a.getClass() == b.getClass()) {
            for (RecordComponent component : a.getClass().getRecordComponents()) {
                String name = field == null ? component.getName() : field + "." + component.getName();
                value(row, name, read(component, a), read(component, b));
            }
            return;
        }
        if (expected instanceof List<?> a && got instanceof List<?> b) {
            if (a.size() != b.size()) {
                differences.add(new Difference(row, field + " count", a.size() + " " + a, b.size() + " " + b));
                return;
            }
            for (int k = 0; k < a.size(); k++) {
                value(row, field + "[" + k + "]", a.get(k), b.get(k));
            }
            return;
        }
        if (expected instanceof Map<?, ?> a && got instanceof Map<?, ?> b) {
            Set<Object> keys = new LinkedHashSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (Object k : keys) {
                value(row, field + "[" + k + "]", a.get(k), b.get(k));
            }
            return;
        }
        if (!same(expected, got)) {
            differences.add(new Difference(row, field, expected, got));
        }
    }

    private static boolean same(Object expected, Object got) {
        if (expected instanceof Double a && got instanceof Double b) {
            return Math.abs(a - b) < 0.005;
        }
        if (expected instanceof BigDecimal a && got instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(expected, got);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    /** {@code got} with the keys of {@code expected}, matched by list order (see {@link #compareByOrder}). */
    private static final class Rekeying {
        private final Map<String, String> tasks = new HashMap<>();
        private final Map<String, String> resources = new HashMap<>();
        private final Map<String, String> calendars = new HashMap<>();

        static Plan onto(Plan expected, Plan got) {
            Rekeying keys = new Rekeying();
            byOrder(expected.tasks(), got.tasks(), PlanTask::key, keys.tasks);
            byOrder(expected.resources(), got.resources(), PlanResource::key, keys.resources);
            // A store that keeps calendar keys (the server does) is compared key by key, whatever the order.
            java.util.Set<String> expectedCalendars = new java.util.HashSet<>(
                    expected.calendars().stream().map(PlanCalendar::key).toList());
            java.util.Set<String> gotCalendars = new java.util.HashSet<>(
                    got.calendars().stream().map(PlanCalendar::key).toList());
            if (!expectedCalendars.equals(gotCalendars)) {
                byOrder(expected.calendars(), got.calendars(), PlanCalendar::key, keys.calendars);
            }
            return keys.apply(expected, got);
        }

        private static <T> void byOrder(
                List<T> expected, List<T> got, Function<T, String> key, Map<String, String> mapping) {
            for (int k = 0; k < got.size(); k++) {
                mapping.put(key.apply(got.get(k)), k < expected.size() ? key.apply(expected.get(k)) : "extra " + k);
            }
        }

        private static String map(Map<String, String> mapping, String key) {
            return key == null ? null : mapping.getOrDefault(key, key);
        }

        private Plan apply(Plan expected, Plan got) {
            PlanProperties p = got.properties();
            PlanProperties properties = new PlanProperties(
                    p.name(),
                    p.author(),
                    p.start(),
                    p.finish(),
                    p.statusDate(),
                    map(calendars, p.calendarKey()),
                    p.minutesPerDay(),
                    p.minutesPerWeek(),
                    p.daysPerMonth(),
                    p.currencyCode(),
                    p.currencySymbol(),
                    p.scheduledFromFinish(),
                    p.sourceFormat());
            List<PlanCalendar> calendarList = got.calendars().stream()
                    .map(c -> new PlanCalendar(
                            map(calendars, c.key()),
                            c.name(),
                            map(calendars, c.baseKey()),
                            c.week(),
                            c.workWeeks(),
                            c.exceptions()))
                    .toList();
            List<PlanTask> taskList = got.tasks().stream()
                    .map(t -> new PlanTask(
                            map(tasks, t.key()),
                            map(tasks, t.parentKey()),
                            t.outlineLevel(),
                            t.wbs(),
                            t.name(),
                            t.notes(),
                            t.kind(),
                            t.manuallyScheduled(),
                            t.active(),
                            t.taskType(),
                            t.effortDriven(),
                            t.duration(),
                            t.workMinutes(),
                            t.start(),
                            t.finish(),
                            t.constraintType(),
                            t.constraintDate(),
                            t.deadline(),
                            t.percentComplete(),
                            t.actualStart(),
                            t.actualFinish(),
                            t.priority(),
                            map(calendars, t.calendarKey()),
                            t.levellingDelay()))
                    .toList();
            List<PlanLink> linkList = got.links().stream()
                    .map(l -> new PlanLink(
                            map(tasks, l.predecessorKey()),
                            map(tasks, l.successorKey()),
                            l.type(),
                            l.lag(),
                            l.lagPercent()))
                    .toList();
            List<PlanResource> resourceList = got.resources().stream()
                    .map(r -> new PlanResource(
                            map(resources, r.key()),
                            r.name(),
                            r.initials(),
                            r.email(),
                            r.group(),
                            r.kind(),
                            r.materialLabel(),
                            r.maxUnits(),
                            r.standardRate(),
                            r.overtimeRate(),
                            r.costPerUse(),
                            map(calendars, r.calendarKey()),
                            r.notes()))
                    .toList();
            Map<String, String> assignmentKeys = new HashMap<>();
            for (PlanAssignment a : expected.assignments()) {
                assignmentKeys.putIfAbsent(a.taskKey() + "/" + a.resourceKey(), a.key());
            }
            List<PlanAssignment> assignmentList = got.assignments().stream()
                    .map(a -> {
                        String task = map(tasks, a.taskKey());
                        String resource = map(resources, a.resourceKey());
                        return new PlanAssignment(
                                assignmentKeys.getOrDefault(task + "/" + resource, a.key()),
                                task,
                                resource,
                                a.units(),
                                a.workMinutes(),
                                a.actualWorkMinutes(),
                                a.remainingWorkMinutes(),
                                a.start(),
                                a.finish(),
                                a.contour(),
                                a.levellingDelayMinutes());
                    })
                    .toList();
            List<PlanBaseline> baselineList = got.baselines().stream()
                    .map(b -> new PlanBaseline(
                            b.slot(),
                            map(tasks, b.taskKey()),
                            b.start(),
                            b.finish(),
                            b.duration(),
                            b.workMinutes(),
                            b.cost()))
                    .toList();
            return new Plan(
                    properties,
                    calendarList,
                    taskList,
                    linkList,
                    resourceList,
                    assignmentList,
                    baselineList,
                    got.unsupported());
        }
    }
}
