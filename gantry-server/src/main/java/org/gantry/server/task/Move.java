package org.gantry.server.task;

/**
 * Puts a task (with its subtasks) under another parent, or at the top level when {@code parentId} is
 * null, at a 1-based {@code position} among the new siblings (last when null). Also reorders within
 * the same parent. {@code version} is the moved task's.
 */
public record Move(Long parentId, Integer position, Integer version) {}
