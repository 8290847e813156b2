package org.gantry.server.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A project's levelling as it stands: its schedule version (send it with an apply or a clear), its finish,
 * the tasks that carry a levelling delay, and the levellings applied, newest first ({@code undoable} while
 * nothing changed since).
 */
public record LevellingState(long version, LocalDateTime finish, List<TaskLevelling> delayedTasks, List<Run> runs) {

    /** One levelling applied or cleared; {@code options} as it was asked for. */
    public record Run(
            long id,
            String action,
            String mode,
            Instant appliedAt,
            String appliedBy,
            int tasksChanged,
            LocalDateTime finishBefore,
            LocalDateTime finishAfter,
            Instant undoneAt,
            boolean undoable) {}
}
