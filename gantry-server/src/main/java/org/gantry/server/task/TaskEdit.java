package org.gantry.server.task;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gantry.server.project.Project;
import org.gantry.server.project.WorkingHours;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.web.Labels;

/**
 * One inline edit of the list view: a column, the typed value and the row's version. Dates are typed
 * as days; a start means the beginning of that working day and a finish its end, in the project's
 * calendar.
 */
record TaskEdit(String field, String value, Integer version) {

    TaskChanges toChanges(Project project) {
        String text = value == null ? "" : value.strip();
        Changes changes = new Changes(version);
        switch (field == null ? "" : field) {
            case "name" -> changes.name = text;
            case "status" -> changes.status = text;
            case "priority" -> changes.priority = priority(text);
            case "assignees" -> {
                if (text.isEmpty()) {
                    changes.clear = List.of("assigneeIds");
                } else {
                    changes.assigneeIds = List.of(number("assignees", text));
                }
            }
            case "duration" -> changes.duration = text;
            case "start" -> {
                if (text.isEmpty()) {
                    changes.clear = List.of("start");
                } else {
                    changes.start = startOfDay(project, date("start", text));
                }
            }
            case "finish" -> {
                if (text.isEmpty()) {
                    changes.clear = List.of("finish");
                } else {
                    changes.finish = endOfDay(project, date("finish", text));
                }
            }
            case "percentComplete" -> changes.percentComplete = (int) number("percentComplete", text.replace("%", ""));
            default -> throw new InvalidInput("field", "cannot edit \"" + field + "\" here");
        }
        return changes.toTaskChanges();
    }

    /** What the person typed, in words, for a message when it could not be saved. */
    String describe() {
        return Labels.field(field.equals("assignees") ? "assigneeIds" : field) + " \u201c" + value + "\u201d";
    }

    static LocalDateTime startOfDay(Project project, LocalDate day) {
        return day.atTime(project.calendar().workingHours().stream()
                .map(WorkingHours::from)
                .min(Comparator.naturalOrder())
                .orElse(LocalTime.of(8, 0)));
    }

    static LocalDateTime endOfDay(Project project, LocalDate day) {
        return day.atTime(project.calendar().workingHours().stream()
                .map(WorkingHours::to)
                .max(Comparator.naturalOrder())
                .orElse(LocalTime.of(17, 0)));
    }

    static Priority priority(String text) {
        try {
            return Priority.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("priority", "must be low, normal, high or critical");
        }
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date like 2026-03-31");
        }
    }

    private static long number(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be a whole number");
        }
    }

    /** Collects the few fields an edit sets; every other field of the changes stays null (unchanged). */
    static final class Changes {
        String name;
        String description;
        Boolean milestone;
        String status;
        Priority priority;
        List<String> tags;
        List<Long> assigneeIds;
        String duration;
        LocalDateTime start;
        LocalDateTime finish;
        Integer percentComplete;
        java.math.BigDecimal storyPoints;
        List<String> clear;
        final Integer version;

        Changes(Integer version) {
            this.version = version;
        }

        TaskChanges toTaskChanges() {
            return new TaskChanges(
                    name,
                    description,
                    milestone,
                    status,
                    priority,
                    tags,
                    assigneeIds,
                    duration,
                    null,
                    null,
                    start,
                    finish,
                    percentComplete,
                    storyPoints,
                    null,
                    null,
                    clear,
                    version);
        }
    }
}
