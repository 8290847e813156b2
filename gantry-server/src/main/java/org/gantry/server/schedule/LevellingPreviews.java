package org.gantry.server.schedule;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.WorkingTime;
import org.gantry.engine.levelling.ProjectLevellingResult;

/**
 * The preview of a levelling in words: every task that moves, by how much and why, what levelling could
 * not resolve and why, and the project finish before and after.
 */
final class LevellingPreviews {

    private final LevellingModel model;
    private final StoredTasks rows;
    private final List<Long> leaves;
    private final WorkingTime time;
    private final Map<Long, String> wbs;
    private final Map<Long, Integer> idNumber;
    private final Map<Long, String> resourceNames;
    private final Map<Long, String> pinned;

    private final long minutesPerDay;

    LevellingPreviews(LevellingModel model, long minutesPerDay) {
        this.model = model;
        this.minutesPerDay = minutesPerDay;
        this.rows = model.rows;
        this.leaves = model.leaves;
        this.time = model.time;
        this.wbs = model.wbs;
        this.idNumber = model.idNumber;
        this.resourceNames = model.resourceNames;
        this.pinned = model.pinned;
    }

    LevellingPreview preview(
            LevellingService.Options options,
            long version,
            LevellingModel.Outcome outcome,
            LocalDateTime standardFinish,
            LocalDateTime optimisingFinish,
            long began) {
        List<LevellingPreview.Move> moves = new ArrayList<>();
        List<LevellingPreview.Unresolved> unresolved = new ArrayList<>();
        LocalDateTime before = null;
        for (int i = 0; i < rows.size(); i++) {
            LocalDateTime finish = rows.finish.get(i);
            if (rows.active.get(i) && finish != null && (before == null || finish.isAfter(before))) {
                before = finish;
            }
        }
        LocalDateTime after = before;
        if (outcome != null) {
            after = LevellingModel.finish(model, outcome.after());
            for (long id : leaves) {
                int i = rows.indexOf(id);
                ScheduledTask result = outcome.after().tasks().get(rows.taskIds.get(i));
                LocalDateTime oldStart = rows.start.get(i);
                LocalDateTime oldFinish = rows.finish.get(i);
                if (result == null
                        || (java.util.Objects.equals(oldStart, result.start())
                                && java.util.Objects.equals(oldFinish, result.finish())
                                && !outcome.assignmentDelays().containsKey(id))) {
                    continue;
                }
                long shift = oldStart == null || result.start() == null
                        ? 0
                        : result.start().isBefore(oldStart)
                                ? -time.workBetween(result.start(), oldStart)
                                : time.workBetween(oldStart, result.start());
                long delay = outcome.delays().getOrDefault(id, rows.levellingDelay.get(i));
                ProjectLevellingResult.TaskMove move = outcome.moves().get(id);
                String cause;
                Long resource = null;
                List<Long> competing = List.of();
                Long predecessor = null;
                String reason;
                List<TaskLevelling.AssignmentDelay> held = assignmentDelays(outcome, id);
                if (move != null && move.overAllocation() != null && (delay > 0 || !held.isEmpty())) {
                    var conflict = move.overAllocation();
                    cause = "RESOURCE";
                    resource = Long.parseLong(conflict.resourceId());
                    competing = ids(conflict.competingTasks());
                    List<String> actions = new ArrayList<>();
                    if (delay > 0) {
                        actions.add("delays this task by " + delayText(delay, true));
                    }
                    for (TaskLevelling.AssignmentDelay one : held) {
                        actions.add(
                                "starts " + one.resourceName() + "'s work on it " + one.delay() + " after the task");
                    }
                    reason = resourceNames.get(resource) + " is over-allocated at " + text(model.at(conflict.at()))
                            + " (" + conflict.units() + " % of " + conflict.maxUnits() + " %) with "
                            + names(competing) + "; levelling " + String.join(" and ", actions) + ".";
                } else if (outcome.optimised().contains(id) && delay > 0) {
                    cause = "OPTIMISED";
                    reason = "The optimising mode starts it later, by a levelling delay of " + delayText(delay, true)
                            + ", for a shorter project finish.";
                } else if (move != null && move.delayedPredecessor() != null) {
                    cause = "PREDECESSOR";
                    predecessor = Long.parseLong(move.delayedPredecessor());
                    reason = "Follows " + rows.name(predecessor) + ", which levelling delayed.";
                } else if (delay == 0 && rows.levellingDelay.get(i) > 0) {
                    cause = "CLEARED";
                    reason = "Its levelling delay of "
                            + delayText(rows.levellingDelay.get(i), rows.levellingDelayElapsed.get(i))
                            + " is removed.";
                } else {
                    cause = "PREDECESSOR";
                    reason = "Moves with the tasks it depends on.";
                }
                moves.add(new LevellingPreview.Move(
                        id,
                        wbs.get(id),
                        rows.name(id),
                        oldStart,
                        oldFinish,
                        result.start(),
                        result.finish(),
                        shift,
                        delay,
                        cause,
                        resource,
                        resource == null ? null : resourceNames.get(resource),
                        competing,
                        predecessor,
                        held,
                        reason));
            }
            for (ProjectLevellingResult.Unresolved left : outcome.unresolved()) {
                long id = Long.parseLong(left.taskId());
                var conflict = left.overAllocation();
                String cause = pinned.getOrDefault(id, left.reason().name());
                if (left.reason() == ProjectLevellingResult.Reason.NOT_ENOUGH_SLACK
                        || left.reason() == ProjectLevellingResult.Reason.EXCEEDS_MAXIMUM_UNITS) {
                    cause = left.reason().name();
                }
                long resource = Long.parseLong(conflict.resourceId());
                List<Long> competing = ids(conflict.competingTasks());
                unresolved.add(new LevellingPreview.Unresolved(
                        id,
                        wbs.get(id),
                        rows.name(id),
                        resource,
                        resourceNames.get(resource),
                        model.at(conflict.at()),
                        conflict.units(),
                        conflict.maxUnits(),
                        competing,
                        cause,
                        resourceNames.get(resource) + " would hold " + conflict.units() + " % of "
                                + conflict.maxUnits() + " % at " + text(model.at(conflict.at())) + " with "
                                + names(competing) + "; " + because(cause)));
            }
        }
        moves.sort(Comparator.comparingInt(move -> idNumber.getOrDefault(move.taskId(), 0)));
        long shift = before == null || after == null
                ? 0
                : after.isBefore(before) ? -time.workBetween(after, before) : time.workBetween(before, after);
        return new LevellingPreview(
                options.mode(),
                options.order().name(),
                options.withinSlack(),
                options.adjustAssignments(),
                options.taskIds(),
                version,
                before,
                after,
                standardFinish,
                optimisingFinish,
                shift,
                moves,
                unresolved,
                Math.round((System.nanoTime() - began) / 1_000_000.0));
    }

    /** The resources whose work on task {@code id} levelling starts after the task, by name. */
    private List<TaskLevelling.AssignmentDelay> assignmentDelays(LevellingModel.Outcome outcome, long id) {
        List<TaskLevelling.AssignmentDelay> held = new ArrayList<>();
        outcome.assignmentDelays().getOrDefault(id, Map.of()).forEach((resource, minutes) -> {
            if (minutes > 0) {
                held.add(new TaskLevelling.AssignmentDelay(
                        resource, resourceNames.get(resource), minutes, workText(minutes, minutesPerDay)));
            }
        });
        held.sort(Comparator.comparing(TaskLevelling.AssignmentDelay::resourceName));
        return held;
    }

    private List<Long> ids(List<String> taskIds) {
        return taskIds.stream().map(Long::parseLong).toList();
    }

    private String names(List<Long> ids) {
        return String.join(", ", ids.stream().map(rows::name).toList());
    }

    private static String text(LocalDateTime at) {
        return at.toLocalDate() + " " + at.toLocalTime();
    }

    private static String because(String cause) {
        return switch (cause) {
            case "DO_NOT_LEVEL" -> "the task has priority 1000 (do not level).";
            case "HARD_CONSTRAINT" -> "a must-start/finish-on or no-later-than constraint holds the task.";
            case "MANUAL_TASK" -> "the task is manually scheduled and keeps its dates.";
            case "NOT_ENOUGH_SLACK" -> "levelling within slack only, and the task has too little slack.";
            case "EXCEEDS_MAXIMUM_UNITS" -> "the task alone needs more than the resource's maximum units.";
            case "STARTED" -> "the task has started; levelling does not move work in progress.";
            case "NOT_SELECTED" -> "the task is not among the tasks being levelled.";
            default -> "levelling could not move it.";
        };
    }

    /** A delay in words, as Project shows it: "2 edays", "4.5 ehrs"; working time without the "e". */
    static String delayText(long minutes, boolean elapsed) {
        if (minutes == 0) {
            return "0 edays";
        }
        String prefix = elapsed ? "e" : "";
        if (minutes % 1440 == 0 || minutes >= 1440) {
            return number(minutes / 1440.0) + " " + prefix + "days";
        }
        return number(minutes / 60.0) + " " + prefix + "hrs";
    }

    /** Working time in words: "3 days" of {@code minutesPerDay}, or "4.5 hrs" below a day. */
    static String workText(long minutes, long minutesPerDay) {
        if (minutesPerDay > 0 && minutes >= minutesPerDay) {
            return number(minutes / (double) minutesPerDay) + " days";
        }
        return number(minutes / 60.0) + " hrs";
    }

    private static String number(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
