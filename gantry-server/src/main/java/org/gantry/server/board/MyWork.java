package org.gantry.server.board;

import java.util.List;

/**
 * The caller's unfinished tasks across their projects, each in one group: {@code overdue} (finish date
 * before today), {@code dueThisWeek} (finish from today to this Sunday), {@code inProgress} (an
 * in-progress status, due later or undated), {@code open} (the rest not done). Today and the week are
 * those of each task's project time zone. Each group is ordered by finish (undated last), project, WBS.
 */
public record MyWork(List<MyTask> overdue, List<MyTask> dueThisWeek, List<MyTask> inProgress, List<MyTask> open) {

    public int total() {
        return overdue.size() + dueThisWeek.size() + inProgress.size() + open.size();
    }
}
