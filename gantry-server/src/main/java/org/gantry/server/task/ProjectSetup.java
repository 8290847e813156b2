package org.gantry.server.task;

import org.gantry.server.project.MemberRemoved;
import org.gantry.server.project.ProjectCreated;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This package's part of project life: built-in statuses for a new project, no tasks for ex-members. */
@Component
class ProjectSetup {

    private final JdbcClient jdbc;

    ProjectSetup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void projectCreated(ProjectCreated event) {
        jdbc.sql("""
                insert into task_status (project_id, status_key, name, category, position, built_in) values
                (?, 'todo', 'To do', 'TO_DO', 1, true), (?, 'in_progress', 'In progress', 'IN_PROGRESS', 2, true),
                (?, 'done', 'Done', 'DONE', 3, true)
                """)
                .params(event.projectId(), event.projectId(), event.projectId())
                .update();
    }

    @EventListener
    void memberRemoved(MemberRemoved event) {
        jdbc.sql(
                        "delete from task_assignee a using task t where a.task_id = t.id and t.project_id = ? and a.user_id = ?")
                .params(event.projectId(), event.userId())
                .update();
    }
}
