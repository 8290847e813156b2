package org.gantry.server.signals;

/** Links a release to a milestone task of the project ({@code milestoneTaskId} null: unlinks it). */
record ReleaseMilestone(Long milestoneTaskId, Integer version) {}
