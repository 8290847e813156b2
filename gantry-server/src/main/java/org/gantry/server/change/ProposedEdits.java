package org.gantry.server.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.task.DurationText;
import org.gantry.server.task.LinkType;

/**
 * The field checks of a change request's proposed edits, each refusal naming its edit ({@code edits[2].duration}),
 * and the durations and lags they give turned into the project calendar's working minutes. Whether the edits
 * fit the plan (tasks and links that exist, a plan that stays schedulable) is checked against the plan itself
 * by the service and {@link WhatIf}.
 */
final class ProposedEdits {

    static final List<String> EDIT_TYPES = List.of(
            "ADD_TASK",
            "REMOVE_TASK",
            "CHANGE_DURATION",
            "ADD_LINK",
            "REMOVE_LINK",
            "ADD_ASSIGNMENT",
            "REMOVE_ASSIGNMENT",
            "CHANGE_ASSIGNMENT",
            "CHANGE_FIXED_COST");

    /** As the task module takes a fixed cost: less than a trillion, two decimals at most. */
    private static final java.math.BigDecimal MAXIMUM_FIXED_COST = new java.math.BigDecimal("1000000000000");

    static final List<String> ACCRUALS = List.of("START", "PRORATED", "END");

    /** As the resource module takes them: units up to this percentage, work up to a million hours. */
    private static final java.math.BigDecimal MAXIMUM_UNITS = new java.math.BigDecimal("100000");

    private static final java.math.BigDecimal MAXIMUM_WORK_HOURS = new java.math.BigDecimal("1000000");
    private static final int MAXIMUM_NAME = 500;
    private static final int MAXIMUM_EDITS = 100;
    private static final int MAXIMUM_LINKS = 50;
    private static final long MAXIMUM_MINUTES = 100L * 365 * 24 * 60;

    private ProposedEdits() {}

    /** Checks each edit's fields and fills in the durations in working minutes. */
    static List<ProposedEdit> normalise(
            ProjectAccess access, List<ProposedEdit> edits, InvalidInput.Collector problems) {
        if (edits == null) {
            return List.of();
        }
        if (edits.size() > MAXIMUM_EDITS) {
            problems.add("edits", "must be at most " + MAXIMUM_EDITS + " changes");
            return List.of();
        }
        List<ProposedEdit> normal = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            ProposedEdit edit = edits.get(i);
            String at = "edits[" + i + "].";
            if (edit == null) {
                problems.add("edits[" + i + "]", "must be an object");
                continue;
            }
            String type = edit.type() == null ? "" : edit.type().strip().toUpperCase(Locale.ROOT);
            if (!EDIT_TYPES.contains(type)) {
                problems.add(at + "type", "must be one of " + String.join(", ", EDIT_TYPES));
                continue;
            }
            String name = null;
            Long minutes = null;
            String durationText = null;
            Long lagMinutes = null;
            String linkType = null;
            List<Long> predecessors = null;
            List<Long> successors = null;
            java.math.BigDecimal units = null;
            java.math.BigDecimal workHours = null;
            java.math.BigDecimal fixedCost = null;
            String accrual = null;
            switch (type) {
                case "ADD_TASK" -> {
                    name = edit.name() == null ? "" : edit.name().strip();
                    if (name.isEmpty()) {
                        problems.add(at + "name", "is required");
                    }
                    ChangeRequestService.text(at + "name", name, MAXIMUM_NAME, problems);
                    durationText =
                            edit.duration() == null ? "1d" : edit.duration().strip();
                    minutes = duration(access, at + "duration", durationText, problems);
                    predecessors = ids(at + "predecessorIds", edit.predecessorIds(), problems);
                    successors = ids(at + "successorIds", edit.successorIds(), problems);
                    positive(at + "parentId", edit.parentId(), false, problems);
                }
                case "REMOVE_TASK" -> positive(at + "taskId", edit.taskId(), true, problems);
                case "CHANGE_DURATION" -> {
                    positive(at + "taskId", edit.taskId(), true, problems);
                    if (edit.duration() == null) {
                        problems.add(at + "duration", "is required");
                    } else {
                        durationText = edit.duration().strip();
                        minutes = duration(access, at + "duration", durationText, problems);
                    }
                }
                case "ADD_ASSIGNMENT" -> {
                    positive(at + "taskId", edit.taskId(), true, problems);
                    positive(at + "resourceId", edit.resourceId(), true, problems);
                    units = edit.units() == null ? new java.math.BigDecimal("100") : edit.units();
                    if (units.signum() < 0 || units.compareTo(MAXIMUM_UNITS) > 0) {
                        problems.add(at + "units", "must be between 0 and " + MAXIMUM_UNITS.toPlainString());
                    } else if (units.stripTrailingZeros().scale() > 2) {
                        problems.add(at + "units", "must have at most two decimals");
                    }
                    workHours = edit.workHours();
                    if (workHours == null) {
                        problems.add(at + "workHours", "is required: the planned work in hours");
                    }
                    hours(at + "workHours", workHours, problems);
                }
                case "REMOVE_ASSIGNMENT" -> {
                    positive(at + "taskId", edit.taskId(), true, problems);
                    positive(at + "resourceId", edit.resourceId(), true, problems);
                }
                case "CHANGE_ASSIGNMENT" -> {
                    positive(at + "taskId", edit.taskId(), true, problems);
                    positive(at + "resourceId", edit.resourceId(), true, problems);
                    units = edit.units();
                    workHours = edit.workHours();
                    if (units == null && workHours == null) {
                        problems.add(at + "units", "send units or workHours (or both)");
                    }
                    if (units != null && (units.signum() < 0 || units.compareTo(MAXIMUM_UNITS) > 0)) {
                        problems.add(at + "units", "must be between 0 and " + MAXIMUM_UNITS.toPlainString());
                    } else if (units != null && units.stripTrailingZeros().scale() > 2) {
                        problems.add(at + "units", "must have at most two decimals");
                    }
                    hours(at + "workHours", workHours, problems);
                }
                case "CHANGE_FIXED_COST" -> {
                    positive(at + "taskId", edit.taskId(), true, problems);
                    fixedCost = edit.fixedCost();
                    if (fixedCost == null) {
                        problems.add(at + "fixedCost", "is required: the new fixed cost, 0 for none");
                    } else if (fixedCost.signum() < 0) {
                        problems.add(at + "fixedCost", "must not be negative");
                    } else if (fixedCost.compareTo(MAXIMUM_FIXED_COST) >= 0) {
                        problems.add(at + "fixedCost", "must be less than " + MAXIMUM_FIXED_COST.toPlainString());
                    } else if (fixedCost.stripTrailingZeros().scale() > 2) {
                        problems.add(at + "fixedCost", "must have at most two decimals");
                    }
                    if (edit.fixedCostAccrual() != null) {
                        accrual = edit.fixedCostAccrual().strip().toUpperCase(Locale.ROOT);
                        if (!ACCRUALS.contains(accrual)) {
                            problems.add(at + "fixedCostAccrual", "must be START, PRORATED or END");
                        }
                    }
                }
                case "ADD_LINK", "REMOVE_LINK" -> {
                    positive(at + "predecessorId", edit.predecessorId(), true, problems);
                    positive(at + "successorId", edit.successorId(), true, problems);
                    if (edit.predecessorId() != null && edit.predecessorId().equals(edit.successorId())) {
                        problems.add(
                                at + "successorId", "must differ from predecessorId: a task cannot depend on itself");
                    }
                    if (type.equals("ADD_LINK")) {
                        if (edit.linkType() != null) {
                            try {
                                linkType = LinkType.of(edit.linkType()).code();
                            } catch (IllegalArgumentException e) {
                                problems.add(at + "linkType", "must be FS, SS, FF or SF");
                            }
                        }
                        if (edit.lag() != null) {
                            try {
                                lagMinutes = DurationText.parse(
                                                edit.lag(), access.minutesPerDay(), access.minutesPerWeek())
                                        .minutes();
                                if (Math.abs(lagMinutes) > MAXIMUM_MINUTES) {
                                    problems.add(at + "lag", "is more than a century");
                                }
                            } catch (IllegalArgumentException | ArithmeticException e) {
                                problems.add(at + "lag", "is not a lag such as 2d, -1d or 4h");
                            }
                        }
                    }
                }
                default -> throw new IllegalStateException(type);
            }
            normal.add(new ProposedEdit(
                    type,
                    edit.taskId(),
                    name,
                    durationText,
                    minutes,
                    edit.parentId(),
                    predecessors,
                    successors,
                    type.endsWith("_LINK") ? edit.predecessorId() : null,
                    type.endsWith("_LINK") ? edit.successorId() : null,
                    linkType,
                    type.equals("ADD_LINK") && edit.lag() != null ? edit.lag().strip() : null,
                    lagMinutes,
                    type.endsWith("_ASSIGNMENT") ? edit.resourceId() : null,
                    units,
                    workHours,
                    fixedCost,
                    accrual));
        }
        return normal;
    }

    private static Long duration(ProjectAccess access, String field, String text, InvalidInput.Collector problems) {
        try {
            long minutes = DurationText.parse(text, access.minutesPerDay(), access.minutesPerWeek())
                    .minutes();
            if (minutes < 0) {
                problems.add(field, "must not be negative");
            } else if (minutes > MAXIMUM_MINUTES) {
                problems.add(field, "is more than a century");
            }
            return minutes;
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.add(field, "is not a duration such as 5d, 1.5w, 3h or 90m");
            return 0L;
        }
    }

    private static void hours(String field, java.math.BigDecimal hours, InvalidInput.Collector problems) {
        if (hours == null) {
            return;
        }
        if (hours.signum() < 0 || hours.compareTo(MAXIMUM_WORK_HOURS) > 0) {
            problems.add(field, "must be between 0 and " + MAXIMUM_WORK_HOURS.toPlainString());
        } else if (hours.stripTrailingZeros().scale() > 2) {
            problems.add(field, "must have at most two decimals");
        }
    }

    private static List<Long> ids(String field, List<Long> ids, InvalidInput.Collector problems) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAXIMUM_LINKS) {
            problems.add(field, "must name at most " + MAXIMUM_LINKS + " tasks");
            return List.of();
        }
        for (Long id : ids) {
            if (id == null || id < 1) {
                problems.add(field, "must name tasks by their ids");
                return List.of();
            }
        }
        if (ids.stream().distinct().count() < ids.size()) {
            problems.add(field, "names a task twice");
        }
        return List.copyOf(ids);
    }

    private static void positive(String field, Long value, boolean required, InvalidInput.Collector problems) {
        if (value == null) {
            if (required) {
                problems.add(field, "is required");
            }
        } else if (value < 1) {
            problems.add(field, "is not a task of this project");
        }
    }
}
