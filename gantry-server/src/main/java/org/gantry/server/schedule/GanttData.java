package org.gantry.server.schedule;

import java.time.LocalDateTime;
import java.util.List;

/** The Gantt chart component's data contract (static/js/gantt/README.md), in one response. */
record GanttData(GanttProject project, List<GanttTask> tasks, List<GanttLink> links) {

    record GanttProject(
            long id,
            String key,
            String name,
            LocalDateTime start,
            LocalDateTime finish,
            LocalDateTime statusDate,
            LocalDateTime today,
            long minutesPerDay,
            GanttCalendar calendar,
            Integer baselineSlot,
            boolean canEdit,
            boolean canManage,
            int version) {}

    record GanttCalendar(List<Integer> workingDays, List<String> holidays, String workdayStart, String workdayFinish) {}

    record GanttTask(
            long id,
            String wbs,
            String name,
            Long parentId,
            int level,
            boolean summary,
            boolean milestone,
            LocalDateTime start,
            LocalDateTime finish,
            long durationMinutes,
            int percentComplete,
            boolean critical,
            long totalSlackMinutes,
            long freeSlackMinutes,
            LocalDateTime deadline,
            String constraintType,
            LocalDateTime constraintDate,
            List<String> assignees,
            LocalDateTime baselineStart,
            LocalDateTime baselineFinish,
            Long baselineDurationMinutes,
            int version) {}

    record GanttLink(long id, long predecessorId, long successorId, String type, long lagMinutes, int version) {}
}
