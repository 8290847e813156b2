package org.gantry.server.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gantry.server.project.Project;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.web.Labels;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The task detail panel's form: every field of a task, with tags as comma-separated text. Only the
 * fields that differ from the task as loaded are sent to the service, so saving the panel never
 * overwrites a field the person did not touch.
 */
public record TaskForm(
        String name,
        String description,
        String status,
        String priority,
        Boolean milestone,
        String tags,
        List<Long> assigneeIds,
        String duration,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate finish,
        Integer percentComplete,
        String storyPoints,
        Integer version,
        String changed) {

    static TaskForm of(Task task) {
        return new TaskForm(
                task.name(),
                task.description(),
                task.status(),
                task.priority().name(),
                task.milestone(),
                String.join(", ", task.tags()),
                task.assignees().stream().map(Assignee::id).toList(),
                task.duration(),
                task.start() == null ? null : task.start().toLocalDate(),
                task.finish() == null ? null : task.finish().toLocalDate(),
                task.percentComplete(),
                task.storyPoints() == null
                        ? ""
                        : task.storyPoints().stripTrailingZeros().toPlainString(),
                task.version(),
                null);
    }

    public boolean assigned(long userId) {
        return assigneeIds != null && assigneeIds.contains(userId);
    }

    /** The changes from {@code current} to this form, with this form's version. */
    TaskChanges changesFrom(Task current, Project project) {
        TaskForm before = of(current);
        var changes = new TaskEdit.Changes(version);
        List<String> clear = new ArrayList<>();
        if (!Objects.equals(text(name), text(before.name))) {
            changes.name = text(name);
        }
        if (!Objects.equals(text(description), text(before.description))) {
            if (text(description).isEmpty()) {
                clear.add("description");
            } else {
                changes.description = description;
            }
        }
        if (!Objects.equals(status, before.status)) {
            changes.status = status;
        }
        if (priority != null && !priority.equals(before.priority)) {
            changes.priority = TaskEdit.priority(priority);
        }
        boolean isMilestone = Boolean.TRUE.equals(milestone);
        if (isMilestone != before.milestone) {
            changes.milestone = isMilestone;
        }
        if (!tagList(tags).equals(tagList(before.tags))) {
            if (tagList(tags).isEmpty()) {
                clear.add("tags");
            } else {
                changes.tags = tagList(tags);
            }
        }
        List<Long> assignees = assigneeIds == null ? List.of() : assigneeIds;
        if (!assignees.equals(before.assigneeIds)) {
            if (assignees.isEmpty()) {
                clear.add("assigneeIds");
            } else {
                changes.assigneeIds = assignees;
            }
        }
        if (!Objects.equals(text(duration), text(before.duration))) {
            changes.duration = text(duration);
        }
        if (!Objects.equals(start, before.start)) {
            if (start == null) {
                clear.add("start");
            } else {
                changes.start = TaskEdit.startOfDay(project, start);
            }
        }
        if (!Objects.equals(finish, before.finish)) {
            if (finish == null) {
                clear.add("finish");
            } else {
                changes.finish = TaskEdit.endOfDay(project, finish);
            }
        }
        if (percentComplete != null && !percentComplete.equals(before.percentComplete)) {
            changes.percentComplete = percentComplete;
        }
        if (storyPoints != null && !samePoints(storyPoints, before.storyPoints)) {
            if (text(storyPoints).isEmpty()) {
                clear.add("storyPoints");
            } else {
                changes.storyPoints = points(storyPoints);
            }
        }
        changes.clear = clear.isEmpty() ? null : clear;
        return changes.toTaskChanges();
    }

    /**
     * The fields the person changed, in words, to show when they could not be saved. The page names
     * the fields the person touched in {@code changed}; without it every field that differs from the
     * current task is listed.
     */
    List<String> describeChangesFrom(Task current) {
        List<String> touched = changed == null || changed.isBlank() ? null : List.of(changed.split(","));
        return describeDifferencesFrom(current).stream()
                .filter(change -> touched == null
                        || touched.stream().anyMatch(field -> change.startsWith(Labels.field(field) + " ")))
                .toList();
    }

    private List<String> describeDifferencesFrom(Task current) {
        TaskForm before = of(current);
        List<String> differences = new ArrayList<>();
        if (!Objects.equals(text(name), text(before.name))) {
            differences.add("Name \u201c" + name + "\u201d");
        }
        if (!Objects.equals(text(description), text(before.description))) {
            differences.add("Description \u201c" + text(description) + "\u201d");
        }
        if (!Objects.equals(status, before.status)) {
            differences.add("Status \u201c" + status + "\u201d");
        }
        if (priority != null && !priority.equals(before.priority)) {
            differences.add("Priority \u201c" + priority.toLowerCase() + "\u201d");
        }
        if (!Objects.equals(text(duration), text(before.duration))) {
            differences.add("Duration \u201c" + duration + "\u201d");
        }
        if (!Objects.equals(start, before.start)) {
            differences.add("Start \u201c" + (start == null ? "none" : start) + "\u201d");
        }
        if (!Objects.equals(finish, before.finish)) {
            differences.add("Finish \u201c" + (finish == null ? "none" : finish) + "\u201d");
        }
        if (percentComplete != null && !percentComplete.equals(before.percentComplete)) {
            differences.add("% complete \u201c" + percentComplete + "\u201d");
        }
        if (storyPoints != null && !samePoints(storyPoints, before.storyPoints)) {
            differences.add(
                    "Story points \u201c" + (text(storyPoints).isEmpty() ? "none" : text(storyPoints)) + "\u201d");
        }
        if (!tagList(tags).equals(tagList(before.tags))) {
            differences.add("Tags \u201c" + String.join(", ", tagList(tags)) + "\u201d");
        }
        if (Boolean.TRUE.equals(milestone) != before.milestone) {
            differences.add("Milestone \u201c" + (Boolean.TRUE.equals(milestone) ? "yes" : "no") + "\u201d");
        }
        List<Long> assignees = assigneeIds == null ? List.of() : assigneeIds;
        if (!assignees.equals(before.assigneeIds)) {
            differences.add("Assignees (" + assignees.size() + " chosen)");
        }
        return differences;
    }

    /** Story points as typed: any non-negative number (the service checks the range and decimals). */
    private static BigDecimal points(String typed) {
        try {
            return new BigDecimal(text(typed).replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInput("storyPoints", "must be a number like 3 or 0.5, or empty for none");
        }
    }

    /** 5, 5.0 and 5.00 are the same estimate: only a different number (or none) is a change. */
    private static boolean samePoints(String typed, String before) {
        if (text(typed).equals(text(before))) {
            return true;
        }
        try {
            return !text(typed).isEmpty()
                    && !text(before).isEmpty()
                    && points(typed).compareTo(points(before)) == 0;
        } catch (InvalidInput e) {
            return false;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> tagList(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(tag -> !tag.isEmpty())
                        .toList();
    }
}
