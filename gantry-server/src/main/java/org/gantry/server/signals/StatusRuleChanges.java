package org.gantry.server.signals;

/**
 * New signal rules, replacing all of them (null or "" turns a status rule off, a missing {@code
 * productionEnvironment} is "production", a missing {@code hotfixWithinHours} turns that failure rule off);
 * {@code version} as last read (0 before any was saved).
 */
record StatusRuleChanges(
        String pullRequestOpened,
        String pullRequestMerged,
        String deployedToProduction,
        String productionEnvironment,
        Integer hotfixWithinHours,
        Integer version) {}
