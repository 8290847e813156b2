package org.gantry.server.change;

import java.math.BigDecimal;
import java.util.List;

/**
 * One proposed change to the plan. {@code type} says which fields it uses:
 *
 * <ul>
 *   <li>ADD_TASK: name, duration ("5d", "3h"; default one day), optional parentId, predecessorIds (each
 *       linked finish-to-start before the new task) and successorIds (each waits for the new task);
 *   <li>REMOVE_TASK: taskId (a summary goes with its subtasks, as a delete does);
 *   <li>CHANGE_DURATION: taskId (not a summary), duration;
 *   <li>ADD_LINK: predecessorId, successorId, linkType (FS default, SS, FF, SF), lag ("2d", "-1d");
 *   <li>REMOVE_LINK: predecessorId, successorId;
 *   <li>ADD_ASSIGNMENT: taskId (not a summary), resourceId (a resource of the project not yet on the task),
 *       workHours (the planned work), units (% of the resource's time, for a material the quantity; default
 *       100). It costs what the resource's rates say and, as assigning does, the task then lasts as long as its
 *       slowest assignment (work / units) unless it is fixed duration;
 *   <li>REMOVE_ASSIGNMENT: taskId, resourceId (a resource on that task): the remaining assignments then drive
 *       the duration as above;
 *   <li>CHANGE_ASSIGNMENT: taskId, resourceId, units and/or workHours, by the task type's rules: on a fixed
 *       duration task new units change the work and new work changes the units; otherwise the duration follows
 *       work / units;
 *   <li>CHANGE_FIXED_COST: taskId (a summary task too), fixedCost (project currency, 0 or more), fixedCostAccrual
 *       (START, PRORATED, END; unchanged when left out). Money: only owners and managers propose it.
 * </ul>
 *
 * {@code durationMinutes} and {@code lagMinutes} are filled in by the server from the texts, in the project
 * calendar's working minutes, when the request is saved.
 */
public record ProposedEdit(
        String type,
        Long taskId,
        String name,
        String duration,
        Long durationMinutes,
        Long parentId,
        List<Long> predecessorIds,
        List<Long> successorIds,
        Long predecessorId,
        Long successorId,
        String linkType,
        String lag,
        Long lagMinutes,
        Long resourceId,
        BigDecimal units,
        BigDecimal workHours,
        BigDecimal fixedCost,
        String fixedCostAccrual) {

    static ProposedEdit addTask(
            String name, String duration, Long parentId, List<Long> predecessors, List<Long> successors) {
        return new ProposedEdit(
                "ADD_TASK",
                null,
                name,
                duration,
                null,
                parentId,
                predecessors,
                successors,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** An edit of an assignment: ADD_ASSIGNMENT, REMOVE_ASSIGNMENT or CHANGE_ASSIGNMENT. */
    static ProposedEdit assignment(String type, Long taskId, Long resourceId, BigDecimal units, BigDecimal workHours) {
        return new ProposedEdit(
                type,
                taskId,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                resourceId,
                units,
                workHours,
                null,
                null);
    }

    static ProposedEdit fixedCost(Long taskId, BigDecimal amount, String accrual) {
        return new ProposedEdit(
                "CHANGE_FIXED_COST",
                taskId,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                amount,
                accrual);
    }

    static ProposedEdit changeDuration(Long taskId, String duration) {
        return new ProposedEdit(
                "CHANGE_DURATION",
                taskId,
                null,
                duration,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The edit without its amount of money, for those who do not see costs. */
    ProposedEdit withoutMoney() {
        return new ProposedEdit(
                type,
                taskId,
                name,
                duration,
                durationMinutes,
                parentId,
                predecessorIds,
                successorIds,
                predecessorId,
                successorId,
                linkType,
                lag,
                lagMinutes,
                resourceId,
                units,
                workHours,
                null,
                fixedCostAccrual);
    }
}
