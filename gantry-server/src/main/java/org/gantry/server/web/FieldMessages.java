package org.gantry.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gantry.server.shared.InvalidInput;

/**
 * Field messages shown beside the inputs of a form, keyed by the form's field names. Calendar
 * problems ("calendar.workingHours[1].to") belong to the calendar's text fields.
 */
public final class FieldMessages {

    private FieldMessages() {}

    public static Map<String, String> of(InvalidInput e) {
        Map<String, String> messages = new LinkedHashMap<>();
        e.errors()
                .forEach(problem ->
                        messages.merge(formField(problem.field()), problem.message(), (a, b) -> a + "; " + b));
        return messages;
    }

    private static String formField(String field) {
        if (field.startsWith("calendar.workingHours")) {
            return "workingHours";
        }
        if (field.startsWith("calendar.holidays")) {
            return "holidays";
        }
        if (field.startsWith("calendar")) {
            return "workingDays";
        }
        return field;
    }
}
