package org.gantry.server.board;

import java.time.LocalDateTime;
import org.gantry.server.task.Priority;
import org.gantry.server.task.StatusCategory;

/**
 * A task assigned to the caller, as "My work" lists it: which project, where in its outline, its status
 * and finish. {@code late}: the finish is past. {@code link}: the task in its project's list.
 */
public record MyTask(
        String project,
        String projectName,
        long id,
        String wbs,
        String name,
        String status,
        String statusName,
        StatusCategory category,
        Priority priority,
        LocalDateTime finish,
        boolean late,
        int version,
        String link) {}
