package org.gantry.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mpxj.CustomField;
import org.mpxj.FieldType;
import org.mpxj.ProjectFile;
import org.mpxj.Resource;
import org.mpxj.ResourceAssignment;
import org.mpxj.ResourceField;
import org.mpxj.TaskField;

/**
 * Finds what a file holds that a {@link Plan} does not keep: custom fields, hyperlinks, split
 * tasks, recurring tasks, subprojects, extra cost rate tables and changing availability. Values Gantry
 * computes itself (slack, costs, variances) are not listed: they come back when the plan is rescheduled.
 */
final class UnsupportedFields {
    /** Custom field values; the "units" of duration fields and Project Server's binary blob are not values. */
    private static final Pattern CUSTOM = Pattern.compile(
            "(?!.*_UNITS$)(?!ENTERPRISE_DATA$)((TEXT|NUMBER|FLAG|DATE|COST|DURATION|START|FINISH|OUTLINE_CODE)\\d+"
                    + "|ENTERPRISE_.*)");

    private static final List<TaskField> TASK_FIELDS = taskFields();
    private static final List<ResourceField> RESOURCE_FIELDS = resourceFields();

    private UnsupportedFields() {}

    private static List<TaskField> taskFields() {
        List<TaskField> fields = new ArrayList<>();
        for (TaskField field : TaskField.values()) {
            if (CUSTOM.matcher(field.name()).matches()
                    || field == TaskField.HYPERLINK
                    || field == TaskField.CONTACT
                    || field == TaskField.SUBPROJECT_FILE) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static List<ResourceField> resourceFields() {
        List<ResourceField> fields = new ArrayList<>();
        for (ResourceField field : ResourceField.values()) {
            if (CUSTOM.matcher(field.name()).matches() || field == ResourceField.HYPERLINK) {
                fields.add(field);
            }
        }
        return fields;
    }

    static List<UnsupportedField> of(ProjectFile file, int resourceCount) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        Map<String, String> entities = new LinkedHashMap<>();
        // Primavera's user-defined fields are not among MPXJ's numbered custom fields.
        List<org.mpxj.UserDefinedField> taskUserFields = new ArrayList<>();
        List<org.mpxj.UserDefinedField> resourceUserFields = new ArrayList<>();
        for (org.mpxj.UserDefinedField field : file.getUserDefinedFields()) {
            if (field.getFieldTypeClass() == org.mpxj.FieldTypeClass.TASK) {
                taskUserFields.add(field);
            } else if (field.getFieldTypeClass() == org.mpxj.FieldTypeClass.RESOURCE) {
                resourceUserFields.add(field);
            }
        }
        for (org.mpxj.Task task : file.getTasks()) {
            if (task.getNull() || !ProjectFileImport.included(task)) {
                continue;
            }
            for (TaskField field : TASK_FIELDS) {
                Object value = task.getCachedValue(field);
                if (populated(value)) {
                    count(counts, examples, entities, "task", label(file, field), value);
                }
            }
            if (task.getSplits() != null && task.getSplits().size() > 2 && !task.getSummary()) {
                count(counts, examples, entities, "task", "split into parts (kept as one bar)", task.getName());
            }
            for (org.mpxj.UserDefinedField field : taskUserFields) {
                Object value = task.getCachedValue(field);
                if (populated(value)) {
                    count(counts, examples, entities, "task", "user-defined field " + field.getName(), value);
                }
            }
            if (task.getActivityCodeValues() != null
                    && !task.getActivityCodeValues().isEmpty()) {
                count(
                        counts,
                        examples,
                        entities,
                        "task",
                        "activity codes",
                        task.getActivityCodeValues().values().iterator().next());
            }
            if (task.getSecondaryConstraintType() != null && task.getSecondaryConstraintDate() != null) {
                count(counts, examples, entities, "task", "secondary constraint", task.getSecondaryConstraintType());
            }
            if (task.getRecurring() && task.getRecurringTask() != null) {
                count(counts, examples, entities, "task", "recurring task (kept as a plain task)", task.getName());
            }
        }
        if (resourceCount > 0) {
            for (Resource resource : file.getResources()) {
                if (!PlanReader.includedResource(resource)) {
                    continue;
                }
                for (ResourceField field : RESOURCE_FIELDS) {
                    Object value = resource.getCachedValue(field);
                    if (populated(value)) {
                        count(counts, examples, entities, "resource", label(file, field), value);
                    }
                }
                for (org.mpxj.UserDefinedField field : resourceUserFields) {
                    Object value = resource.getCachedValue(field);
                    if (populated(value)) {
                        count(counts, examples, entities, "resource", "user-defined field " + field.getName(), value);
                    }
                }
                for (int table = 1; table < 5; table++) {
                    org.mpxj.CostRateTable rates = resource.getCostRateTable(table);
                    if (rates != null && rates.tableIsPopulated()) {
                        count(
                                counts,
                                examples,
                                entities,
                                "resource",
                                "cost rate table " + (char) ('A' + table),
                                resource.getName());
                    }
                }
                org.mpxj.CostRateTable standard = resource.getCostRateTable(0);
                if (standard != null && standard.size() > 1) {
                    count(
                            counts,
                            examples,
                            entities,
                            "resource",
                            "rates changing over time (current rate kept)",
                            resource.getName());
                }
                if (resource.getAvailability() != null
                        && resource.getAvailability().size() > 1) {
                    count(
                            counts,
                            examples,
                            entities,
                            "resource",
                            "availability changing over time (current maximum units kept)",
                            resource.getName());
                }
            }
        }
        for (ResourceAssignment assignment : file.getResourceAssignments()) {
            if (assignment.getResource() == null
                    || assignment.getTask() == null
                    || !ProjectFileImport.included(assignment.getTask())) {
                continue;
            }
            if (assignment.getCostRateTableIndex() > 0) {
                count(counts, examples, entities, "assignment", "cost rate table other than A", null);
            }
        }
        List<UnsupportedField> result = new ArrayList<>();
        counts.forEach((key, count) -> {
            String entity = entities.get(key);
            result.add(new UnsupportedField(entity, key.substring(entity.length() + 1), count[0], examples.get(key)));
        });
        return result;
    }

    private static void count(
            Map<String, int[]> counts,
            Map<String, String> examples,
            Map<String, String> entities,
            String entity,
            String field,
            Object example) {
        String key = entity + ":" + field;
        counts.computeIfAbsent(key, k -> new int[1])[0]++;
        entities.putIfAbsent(key, entity);
        if (example != null) {
            String text = String.valueOf(example);
            examples.putIfAbsent(key, text.length() > 60 ? text.substring(0, 57) + "..." : text);
        }
    }

    private static boolean populated(Object value) {
        if (value == null || value instanceof byte[]) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        if (value instanceof org.mpxj.Duration duration) {
            return duration.getDuration() != 0;
        }
        if (value instanceof String text) {
            return !text.isBlank();
        }
        return true;
    }

    private static String label(ProjectFile file, FieldType field) {
        String name = field.getName();
        CustomField custom = file.getCustomFields().get(field);
        if (custom != null && custom.getAlias() != null && !custom.getAlias().isBlank()) {
            return name + " (" + custom.getAlias() + ")";
        }
        return name;
    }
}
