package org.gantry.interchange;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
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
final class PlanComparison {
    /** One difference: which row, which field, and both values. */
    record Difference(String row, String field, Object expected, Object got) {
        String describe() {
            return row + ", " + field + ": expected " + shorten(expected) + ", got " + shorten(got);
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
        comparison.run(expected, got);
        return comparison.differences;
    }

    private void run(Plan expected, Plan got) {
        PlanProperties a = expected.properties();
        PlanProperties b = got.properties();
        for (RecordComponent component : PlanProperties.class.getRecordComponents()) {
            if (!component.getName().equals("sourceFormat")) {
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
}
