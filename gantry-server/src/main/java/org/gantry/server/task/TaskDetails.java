package org.gantry.server.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.List;

/**
 * A task with the links into it (predecessors) and out of it (successors), and its fixed cost with its
 * accrual (START, PRORATED, END): null for those who see no money (members, stakeholders).
 */
public record TaskDetails(
        @JsonUnwrapped Task task,
        List<Link> predecessors,
        List<Link> successors,
        BigDecimal fixedCost,
        String fixedCostAccrual) {

    public TaskDetails(Task task, List<Link> predecessors, List<Link> successors) {
        this(task, predecessors, successors, null, null);
    }
}
