package org.gantry.server.task;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Changes to a task's fields; null fields stay as they are. {@code clear} names fields to empty:
 * start, finish, description, tags, assigneeIds. {@code version} is required. The place in the
 * outline changes through indent, outdent and move, not here.
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
        List<String> clear,
        Integer version) {

    public static TaskChanges of(int version) {
        return new TaskChanges(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, version);
    }
}
