package org.gantry.server.task;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.util.NameTransformer;

/**
 * Writes a {@link Task} exactly as Jackson would from the record, but without reflection: the task
 * list is the hottest endpoint and this halves the cost of its JSON. {@code TaskJsonTests} checks the
 * output against Jackson's own, so a new field cannot be forgotten here.
 */
final class TaskJson extends ValueSerializer<Task> {

    private final boolean unwrapped;

    TaskJson() {
        this(false);
    }

    private TaskJson(boolean unwrapped) {
        this.unwrapped = unwrapped;
    }

    @Override
    public void serialize(Task task, JsonGenerator json, SerializationContext context) {
        if (!unwrapped) {
            json.writeStartObject();
        }
        json.writeNumberProperty("id", task.id());
        json.writeNumberProperty("projectId", task.projectId());
        if (task.parentId() == null) {
            json.writeNullProperty("parentId");
        } else {
            json.writeNumberProperty("parentId", task.parentId().longValue());
        }
        json.writeNumberProperty("position", task.position());
        json.writeStringProperty("wbs", task.wbs());
        json.writeNumberProperty("outlineLevel", task.outlineLevel());
        json.writeStringProperty("name", task.name());
        json.writeStringProperty("description", task.description());
        json.writeStringProperty("type", task.type().name());
        json.writeBooleanProperty("summary", task.summary());
        json.writeBooleanProperty("milestone", task.milestone());
        json.writeStringProperty("status", task.status());
        json.writeStringProperty("priority", task.priority().name());
        json.writeName("tags");
        json.writeStartArray();
        for (String tag : task.tags()) {
            json.writeString(tag);
        }
        json.writeEndArray();
        json.writeName("assignees");
        json.writeStartArray();
        for (Assignee assignee : task.assignees()) {
            json.writeStartObject();
            json.writeNumberProperty("id", assignee.id());
            json.writeStringProperty("name", assignee.name());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberProperty("durationMinutes", task.durationMinutes());
        json.writeStringProperty("durationUnit", task.durationUnit().name());
        json.writeStringProperty("duration", task.duration());
        json.writeStringProperty("start", dateTime(task.start()));
        json.writeStringProperty("finish", dateTime(task.finish()));
        json.writeNumberProperty("percentComplete", task.percentComplete());
        if (task.storyPoints() == null) {
            json.writeNullProperty("storyPoints");
        } else {
            json.writeNumberProperty("storyPoints", task.storyPoints());
        }
        json.writeStringProperty(
                "createdAt", task.createdAt() == null ? null : task.createdAt().toString());
        json.writeStringProperty(
                "updatedAt", task.updatedAt() == null ? null : task.updatedAt().toString());
        json.writeNumberProperty("version", task.version());
        if (!unwrapped) {
            json.writeEndObject();
        }
    }

    @Override
    public boolean isUnwrappingSerializer() {
        return unwrapped;
    }

    @Override
    public ValueSerializer<Task> unwrappingSerializer(NameTransformer names) {
        return new TaskJson(true);
    }

    /**
     * As {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME} writes it ({@code 2027-01-04T08:00:00}), written out
     * by hand for the whole seconds of four-digit years that plans hold (the generic formatter took a tenth
     * of a task list's Java time in a profile); anything else goes to the formatter.
     */
    static String dateTime(LocalDateTime value) {
        if (value == null) {
            return null;
        }
        int year = value.getYear();
        if (year < 1000 || year > 9999 || value.getNano() != 0) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
        }
        char[] text = new char[19];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, value.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, value.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, value.getHour(), 2);
        text[13] = ':';
        digits(text, 14, value.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, value.getSecond(), 2);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
