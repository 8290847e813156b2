package org.gantry.server.task;

import java.util.ArrayList;
import java.util.List;
import org.gantry.server.project.ProjectLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the outline consistent: sibling positions are 1..n without gaps, and each task's
 * outline_path is its parent's path plus its position. Structural changes in a project take a
 * transaction-scoped advisory lock on the project, so concurrent edits cannot interleave.
 */
@Component
class Outline {

    private final JdbcClient jdbc;
    private final ProjectLock projectLock;

    Outline(JdbcClient jdbc, ProjectLock projectLock) {
        this.projectLock = projectLock;
        this.jdbc = jdbc;
    }

    void lock(long projectId) {
        projectLock.lock(projectId);
    }

    int childCount(long projectId, Long parentId) {
        return jdbc.sql("select count(*) from task where project_id = ? and parent_id is not distinct from ?")
                .params(projectId, parentId)
                .query(Integer.class)
                .single();
    }

    /** The outline path of a new task appended after its siblings (caller holds the lock). */
    Integer[] pathFor(Long parentId, int position) {
        if (parentId == null) {
            return new Integer[] {position};
        }
        Integer[] parentPath = jdbc.sql("select outline_path from task where id = ?")
                .param(parentId)
                .query((rs, row) -> (Integer[]) rs.getArray(1).getArray())
                .single();
        Integer[] path = java.util.Arrays.copyOf(parentPath, parentPath.length + 1);
        path[parentPath.length] = position;
        return path;
    }

    /** Makes room at {@code position} among the children of {@code parentId}. */
    void openGap(long projectId, Long parentId, int position) {
        jdbc.sql("""
                update task set position = position + 1 where project_id = ? and parent_id is not distinct from ?
                and position >= ?
                """).params(projectId, parentId, position).update();
    }

    /** Places the task at a 1-based position among the children of {@code parentId}, then renumbers. */
    void place(long projectId, long taskId, Long parentId, int position) {
        List<Long> siblings = new ArrayList<>(jdbc.sql("""
                        select id from task where project_id = ? and parent_id is not distinct
                        from ? and id <> ? order by position, id
                        """)
                .params(projectId, parentId, taskId)
                .query(Long.class)
                .list());
        siblings.add(Math.max(0, Math.min(position - 1, siblings.size())), taskId);
        jdbc.sql("update task set parent_id = ? where id = ?")
                .params(parentId, taskId)
                .update();
        jdbc.sql("""
                update task t set position = s.position from unnest(?::bigint[]) with ordinality as s(id, position)
                where t.id = s.id and t.position <> s.position
                """).param(siblings.toArray(Long[]::new)).update();
        renumber(projectId);
    }

    /** Closes gaps in sibling positions and recomputes every outline path that changed. */
    void renumber(long projectId) {
        jdbc.sql("""
                update task t set position = r.rank from (select id, row_number() over
                (partition by parent_id order by position, id) as rank from task where project_id = ?) r
                where t.id = r.id and t.position <> r.rank
                """).param(projectId).update();
        jdbc.sql("""
                with recursive tree (id, path) as (
                select id, array[position] from task where project_id = ? and parent_id is null
                union all select t.id, tree.path || t.position from task t join tree on t.parent_id = tree.id)
                update task set outline_path = tree.path from tree
                where task.id = tree.id and task.outline_path <> tree.path
                """).param(projectId).update();
    }
}
