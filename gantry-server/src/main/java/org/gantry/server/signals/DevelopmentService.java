package org.gantry.server.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The development panel of a task, for everyone who sees the project. */
@Service
class DevelopmentService {
    private static final int MAXIMUM_ROWS = 200;

    /** The commits of the task: linked ones, the heads and merges of its pull requests. */
    private static final String TASK_SHAS = "(select l.repository, l.ref as sha from dev_task_link l"
            + " where l.task_id = :task and l.kind = 'COMMIT'"
            + " union select p.repository, p.head_sha from dev_pull_request p join dev_task_link l on l.task_id = :task"
            + " and l.kind = 'PULL_REQUEST' and l.repository = p.repository and l.ref = p.number::text"
            + " where p.project_id = :project and p.head_sha is not null"
            + " union select p.repository, p.merge_sha from dev_pull_request p join dev_task_link l on l.task_id = :task"
            + " and l.kind = 'PULL_REQUEST' and l.repository = p.repository and l.ref = p.number::text"
            + " where p.project_id = :project and p.merge_sha is not null)";

    private final JdbcClient jdbc;
    private final ProjectService projects;

    DevelopmentService(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Transactional(readOnly = true)
    Development of(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        boolean exists = jdbc.sql("select count(*) from task where id = ? and project_id = ?")
                        .params(taskId, access.projectId())
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw new NotFound("There is no task " + taskId + " in project " + access.key() + ".");
        }
        Map<String, Object> params = Map.of("task", taskId, "project", access.projectId());
        List<Development.Branch> branches = jdbc.sql("select b.repository, b.name, b.head_sha, b.deleted, b.updated_at"
                        + " from dev_branch b join dev_task_link l on l.task_id = :task and l.kind = 'BRANCH'"
                        + " and l.repository = b.repository and l.ref = b.name where b.project_id = :project"
                        + " order by b.updated_at desc limit " + MAXIMUM_ROWS)
                .params(params)
                .query((rs, row) -> new Development.Branch(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), instant(rs, 5)))
                .list();
        List<Development.PullRequest> pullRequests = jdbc.sql("select p.repository, p.number, p.title, p.url,"
                        + " p.state, p.source_branch, p.target_branch, p.author, p.opened_at, p.merged_at, p.closed_at"
                        + " from dev_pull_request p join dev_task_link l on l.task_id = :task and l.kind = 'PULL_REQUEST'"
                        + " and l.repository = p.repository and l.ref = p.number::text where p.project_id = :project"
                        + " order by p.updated_at desc limit " + MAXIMUM_ROWS)
                .params(params)
                .query((rs, row) -> new Development.PullRequest(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        instant(rs, 9),
                        instant(rs, 10),
                        instant(rs, 11)))
                .list();
        List<Development.Commit> commits = jdbc.sql("select c.repository, c.sha, c.message, c.author_name,"
                        + " c.committed_at, c.url, c.branch from dev_commit c join dev_task_link l on l.task_id = :task"
                        + " and l.kind = 'COMMIT' and l.repository = c.repository and l.ref = c.sha"
                        + " where c.project_id = :project order by c.committed_at desc nulls last, c.id desc limit "
                        + MAXIMUM_ROWS)
                .params(params)
                .query((rs, row) -> new Development.Commit(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs, 5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
        List<Development.Check> checks = jdbc.sql("select c.repository, c.name, c.sha, c.branch, c.status,"
                        + " c.conclusion, c.url, c.started_at, c.completed_at from dev_check c"
                        + " where c.project_id = :project and ((c.repository, c.sha) in " + TASK_SHAS
                        + " or (c.repository, c.branch) in (select l.repository, l.ref from dev_task_link l"
                        + " where l.task_id = :task and l.kind = 'BRANCH'))"
                        + " order by c.updated_at desc, c.id desc limit " + MAXIMUM_ROWS)
                .params(params)
                .query((rs, row) -> new Development.Check(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs, 8),
                        instant(rs, 9)))
                .list();
        List<Development.Deployment> deployments = jdbc.sql("select d.repository, d.environment, d.status, d.sha,"
                        + " d.ref, d.url, d.deployed_at from dev_deployment d where d.project_id = :project"
                        + " and (d.repository, d.sha) in " + TASK_SHAS
                        + " order by d.deployed_at desc, d.id desc limit " + MAXIMUM_ROWS)
                .params(params)
                .query((rs, row) -> new Development.Deployment(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs, 7)))
                .list();
        Map<String, Development.Deployment> latest = new LinkedHashMap<>();
        for (Development.Deployment deployment : deployments) {
            latest.putIfAbsent(deployment.repository() + "\u0000" + deployment.environment(), deployment);
        }
        return new Development(
                taskId,
                access.key() + "-" + taskId,
                branches,
                pullRequests,
                commits,
                checks,
                deployments,
                List.copyOf(latest.values()));
    }

    @Transactional(readOnly = true)
    ProjectSignals signals(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        long project = access.projectId();
        List<ProjectSignals.Release> releases = jdbc.sql("""
                select repository, tag, name, url, sha, prerelease,
                published_at from dev_release where project_id = ? order by published_at desc, id desc
                limit 100
                """)
                .param(project)
                .query((rs, row) -> new ProjectSignals.Release(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        instant(rs, 7)))
                .list();
        List<Development.Deployment> deployments = jdbc.sql("""
                select repository, environment, status, sha, ref, url,
                deployed_at from dev_deployment where project_id = ? order by deployed_at desc, id desc
                limit 100
                """)
                .param(project)
                .query((rs, row) -> new Development.Deployment(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs, 7)))
                .list();
        List<ProjectSignals.Issue> issues = jdbc.sql("""
                select repository, number, title, url, state, labels,
                opened_at, closed_at from dev_issue where project_id = ?
                order by opened_at desc nulls last, id desc limit 100
                """)
                .param(project)
                .query((rs, row) -> new ProjectSignals.Issue(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        List.of((String[]) rs.getArray(6).getArray()),
                        instant(rs, 7),
                        instant(rs, 8)))
                .list();
        return new ProjectSignals(releases, deployments, issues);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
