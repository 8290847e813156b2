package org.gantry.server.change;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a change request would do to the plan, computed by the engine on a what-if copy: the project finish
 * before and after and the difference in working days of the project calendar, each milestone's date, the
 * critical path before and after (added tasks have no id yet), the existing tasks whose start or finish
 * moves, the tasks added and removed, and the sum of the leaf tasks' durations in working days (effort
 * in task-days), and the people's planned work on the leaf tasks in hours ({@code workHours...}: the effort an
 * assignment edit adds or takes away, or a new duration changes by the task type's rules). {@code costBefore}, {@code costAfter} and {@code costDelta} are the planned cost of the
 * leaf tasks by the engine's cost model (the budget a baseline captures: assignments' work at the resources'
 * rates), shown to those who see costs (owners, managers) and null for others: a removed task takes its
 * cost away, an added task has no assignments yet, a changed duration changes its assignments' work or units
 * by the task type (as typing it does), an added, changed or removed assignment adds or takes away its work at
 * the resource's rates, and a changed fixed cost counts its difference. When earned value exists
 * (baseline 0 with a budget, and work done and paid for, so that CPI is known) they also see the estimate at
 * completion, EAC = BAC / CPI, before and after: the change moves the budget by the cost delta, and the
 * remaining work is expected to cost what work has cost so far per unit of value, so the EAC moves by
 * costDelta / CPI (null otherwise). {@code planVersion} identifies the plan it was computed on; approve with it.
 */
public record ChangeImpact(
        String planVersion,
        LocalDateTime finishBefore,
        LocalDateTime finishAfter,
        BigDecimal finishDeltaWorkingDays,
        List<MilestoneDates> milestones,
        List<TaskRef> criticalPathBefore,
        List<TaskRef> criticalPathAfter,
        List<MovedTask> movedTasks,
        List<AddedTask> addedTasks,
        List<TaskRef> removedTasks,
        BigDecimal taskDaysBefore,
        BigDecimal taskDaysAfter,
        BigDecimal taskDaysDelta,
        BigDecimal workHoursBefore,
        BigDecimal workHoursAfter,
        BigDecimal workHoursDelta,
        BigDecimal costBefore,
        BigDecimal costAfter,
        BigDecimal costDelta,
        BigDecimal estimateAtCompletionBefore,
        BigDecimal estimateAtCompletionAfter,
        BigDecimal estimateAtCompletionDelta) {

    public record TaskRef(Long id, String name) {}

    public record MilestoneDates(
            long id, String name, LocalDateTime before, LocalDateTime after, BigDecimal deltaWorkingDays) {}

    public record MovedTask(
            long id,
            String name,
            LocalDateTime oldStart,
            LocalDateTime oldFinish,
            LocalDateTime newStart,
            LocalDateTime newFinish) {}

    public record AddedTask(String name, LocalDateTime start, LocalDateTime finish, boolean critical) {}
}
