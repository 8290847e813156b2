package org.gantry.server.risk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The add and edit form of a RAID entry as typed: dates as text, so a typo comes back next to its field to
 * be fixed instead of failing the whole request; owner, decider and risk blank for none; the tasks and
 * entries ticked. {@code version} is the version of the entry the edit form was shown with.
 */
public record RaidForm(
        String type,
        String title,
        String description,
        Long ownerId,
        String status,
        String raisedOn,
        String dueOn,
        String closedOn,
        Long decidedById,
        String decidedOn,
        String rationale,
        Long riskId,
        List<Long> taskIds,
        List<Long> linkedEntryIds,
        Integer version) {

    static final RaidForm EMPTY =
            new RaidForm("ISSUE", "", "", null, "", "", "", "", null, "", "", null, List.of(), List.of(), null);

    /** The form filled with the entry as it is now. */
    static RaidForm of(RaidEntry entry) {
        return new RaidForm(
                entry.type(),
                entry.title(),
                entry.description(),
                entry.ownerId(),
                entry.status(),
                text(entry.raisedOn()),
                text(entry.dueOn()),
                text(entry.closedOn()),
                entry.decidedById(),
                text(entry.decidedOn()),
                entry.rationale(),
                entry.riskId(),
                entry.taskIds(),
                entry.linkedEntryIds(),
                entry.version());
    }

    public boolean hasTask(long id) {
        return taskIds != null && taskIds.contains(id);
    }

    public boolean linksTo(long id) {
        return linkedEntryIds != null && linkedEntryIds.contains(id);
    }

    /** The dates parsed; a date that is not one becomes a message for its field in {@code problems}. */
    record Dates(LocalDate raisedOn, LocalDate dueOn, LocalDate closedOn, LocalDate decidedOn) {}

    Dates dates(Map<String, String> problems) {
        return new Dates(
                date("raisedOn", raisedOn, problems),
                date("dueOn", dueOn, problems),
                date("closedOn", closedOn, problems),
                date("decidedOn", decidedOn, problems));
    }

    NewRaidEntry newEntry(Dates dates) {
        return new NewRaidEntry(
                blankToNull(type),
                title,
                description,
                ownerId,
                blankToNull(status),
                dates.raisedOn(),
                dates.dueOn(),
                dates.closedOn(),
                decidedById,
                dates.decidedOn(),
                rationale,
                riskId,
                taskIds == null ? List.of() : taskIds,
                linkedEntryIds == null ? List.of() : linkedEntryIds);
    }

    /**
     * The changes to {@code current}: every field as the form shows it. A field left blank that has a value
     * now is cleared; no ticked task or entry means none (the form always shows all of them).
     */
    RaidEntryChanges changesTo(RaidEntry current, Dates dates) {
        List<String> clear = new ArrayList<>();
        if (ownerId == null && current.ownerId() != null) {
            clear.add("ownerId");
        }
        if (dates.dueOn() == null && current.dueOn() != null) {
            clear.add("dueOn");
        }
        if (dates.closedOn() == null && current.closedOn() != null) {
            clear.add("closedOn");
        }
        if (decidedById == null && current.decidedById() != null) {
            clear.add("decidedById");
        }
        if (dates.decidedOn() == null && current.decidedOn() != null) {
            clear.add("decidedOn");
        }
        if (riskId == null && current.riskId() != null) {
            clear.add("riskId");
        }
        return new RaidEntryChanges(
                title == null ? "" : title,
                description == null ? "" : description,
                ownerId,
                blankToNull(status),
                dates.raisedOn(),
                dates.dueOn(),
                dates.closedOn(),
                decidedById,
                dates.decidedOn(),
                rationale == null ? "" : rationale,
                riskId,
                taskIds == null ? List.of() : taskIds,
                linkedEntryIds == null ? List.of() : linkedEntryIds,
                clear,
                version);
    }

    /**
     * What this form says differently from the entry as it is now, in words ("Title “x”"): after a stale
     * edit the form shows the current entry, and this list keeps what the person typed so nothing is lost.
     */
    List<String> differencesFrom(RaidEntry current, Map<Long, String> people, Map<String, String> statuses) {
        Map<String, String> typed = new LinkedHashMap<>();
        RaidForm now = of(current);
        compare(typed, "Title", title, now.title());
        compare(typed, "Description", description, now.description());
        compare(typed, "Status", statuses.getOrDefault(status, status), statuses.get(now.status()));
        compare(typed, "Owner", name(ownerId, people), name(now.ownerId(), people));
        compare(typed, "Raised", raisedOn, now.raisedOn());
        compare(typed, "Due", dueOn, now.dueOn());
        compare(typed, "Closed", closedOn, now.closedOn());
        compare(typed, "Decided by", name(decidedById, people), name(now.decidedById(), people));
        compare(typed, "Decided on", decidedOn, now.decidedOn());
        compare(typed, "Why", rationale, now.rationale());
        List<String> lines = new ArrayList<>();
        typed.forEach((label, value) -> lines.add(label + " “" + value + "”"));
        if (!Objects.equals(sorted(taskIds), sorted(now.taskIds()))) {
            lines.add("Tasks: a different choice of tasks");
        }
        if (!Objects.equals(sorted(linkedEntryIds), sorted(now.linkedEntryIds()))) {
            lines.add("Linked entries: a different choice of entries");
        }
        if (!Objects.equals(riskId, now.riskId())) {
            lines.add("From risk: " + (riskId == null ? "none" : "risk #" + riskId));
        }
        return lines;
    }

    private static void compare(Map<String, String> typed, String label, String mine, String theirs) {
        String a = mine == null ? "" : mine.strip();
        String b = theirs == null ? "" : theirs.strip();
        if (!a.equals(b)) {
            typed.put(label, a.isEmpty() ? "(empty)" : a);
        }
    }

    private static String name(Long id, Map<Long, String> people) {
        return id == null ? "" : people.getOrDefault(id, "#" + id);
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().sorted().distinct().toList();
    }

    private static LocalDate date(String field, String value, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, "must be a date like 2026-03-31");
            return null;
        }
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
