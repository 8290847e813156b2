package org.gantry.server.task;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Changes to a task's fields; null fields stay as they are. {@code clear} names fields to empty:
 * start, finish, description, tags, assigneeIds, storyPoints. {@code version} is required. The place in the
 * outline changes through indent, outdent and move, not here. {@code fixedCost} (project currency, 0 or more)
 * and {@code fixedCostAccrual} (START, PRORATED, END) are money: owners and managers only.
 */
public record TaskChanges(
        String name,
        String description,
        Boolean milestone,
        String status,
        Priority priority,
        List<String> tags,
        List<Long> assigneeIds,
        String duration,
        Long durationMinutes,
        DurationUnit durationUnit,
        LocalDateTime start,
        LocalDateTime finish,
        Integer percentComplete,
        BigDecimal storyPoints,
        BigDecimal fixedCost,
        String fixedCostAccrual,
        List<String> clear,
        Integer version) {

    /** Only the fixed cost and its accrual (null: unchanged). */
    public static TaskChanges fixedCost(BigDecimal amount, String accrual, Integer version) {
        return new TaskChanges(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, amount, accrual,
                null, version);
    }

    public static TaskChanges of(int version) {
        return new TaskChanges(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                version);
    }

    /** A move of a card on the board: a new status and, when it must change with it, the % complete. */
    public static TaskChanges status(String status, Integer percentComplete, int version) {
        return new TaskChanges(
                null,
                null,
                null,
                status,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                percentComplete,
                null,
                null,
                null,
                null,
                version);
    }
}
