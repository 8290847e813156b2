package org.gantry.server.schedule;

import java.util.List;

/**
 * A reschedule inside an edit changed what people may want to hear about: tasks that moved (with how far,
 * in working minutes), entered the critical path, or can no longer meet their deadline (total slack turned
 * negative). Published inside the editing transaction after the new schedule is stored, and only when
 * such tasks exist, so listeners cost nothing on the many edits that move nothing of note.
 * {@code editedTaskId} is the task the edit was about (null for a link, calendar or project change).
 */
public record TasksRescheduled(long projectId, Long editedTaskId, List<RescheduledTask> tasks) {}
