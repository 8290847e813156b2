package org.gantry.server.signals;

/**
 * A project's signal rules. What a pull request naming a task does to the task's status: {@code
 * pullRequestOpened} and {@code pullRequestMerged} are status keys of the project ("in_review", "done"), or
 * null for nothing; {@code deployedToProduction} the status a task takes when a deployment of its commits first
 * succeeds in {@code productionEnvironment}. {@code hotfixWithinHours}: a successful deployment followed within
 * that many hours by a hotfix deployment counts as a change failure (null: off).
 */
record StatusRules(
        String pullRequestOpened,
        String pullRequestMerged,
        String deployedToProduction,
        String productionEnvironment,
        Integer hotfixWithinHours,
        int version) {}
