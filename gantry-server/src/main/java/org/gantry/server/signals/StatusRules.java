package org.gantry.server.signals;

/**
 * What a pull request naming a task does to the task's status: {@code pullRequestOpened} and
 * {@code pullRequestMerged} are status keys of the project ("in_review", "done"), or null for nothing.
 */
record StatusRules(String pullRequestOpened, String pullRequestMerged, int version) {}
