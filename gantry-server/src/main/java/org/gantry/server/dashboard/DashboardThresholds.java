package org.gantry.server.dashboard;

import java.math.BigDecimal;

/**
 * When a health area turns amber or red. Schedule: the finish's slip behind the baseline in working days is
 * over {@code scheduleAmberDays} / {@code scheduleRedDays}. Cost: the cost performance index is under
 * {@code costAmberCpi} / {@code costRedCpi}. Scope: tasks added since the baseline are more than
 * {@code scopeAmberTasks} / {@code scopeRedTasks}. Risk: open threats scoring at least {@code riskScore} are
 * more than {@code riskAmberCount} / {@code riskRedCount}. {@code version} is 0 until a project saves its own.
 */
public record DashboardThresholds(
        Integer scheduleAmberDays,
        Integer scheduleRedDays,
        BigDecimal costAmberCpi,
        BigDecimal costRedCpi,
        Integer scopeAmberTasks,
        Integer scopeRedTasks,
        Integer riskScore,
        Integer riskAmberCount,
        Integer riskRedCount,
        Integer version) {

    static final DashboardThresholds DEFAULTS =
            new DashboardThresholds(0, 5, new BigDecimal("0.9500"), new BigDecimal("0.8500"), 0, 5, 15, 0, 2, 0);
}
