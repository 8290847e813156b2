package org.gantry.server.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases and the milestones they deliver. Everyone in the project reads them (the Gantt shows a linked
 * milestone's deployments); owners and managers link a release to a milestone, as they plan milestones.
 */
@Service
class ReleaseService {
    private static final int MAXIMUM_RELEASES = 200;

    private static final String SELECT = """
        select r.id, r.repository, r.tag, r.name, r.url, r.sha, r.prerelease,
        r.published_at, r.milestone_task_id, t.name as milestone_name, r.version from dev_release r
        left join task t on t.id = r.milestone_task_id where r.project_id = :project
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    ReleaseService(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /** The newest 200 releases, each with its milestone and deployments. */
    @Transactional(readOnly = true)
    List<Release> list(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        List<Row> rows = jdbc.sql(SELECT + " order by r.published_at desc, r.id desc limit " + MAXIMUM_RELEASES)
                .param("project", access.projectId())
                .query(ReleaseService::row)
                .list();
        return withDeployments(access, rows);
    }

    @Transactional
    Release linkMilestone(CurrentUser user, String projectRef, long id, ReleaseMilestone body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        Release current = find(access, id);
        var problems = new InvalidInput.Collector();
        if (body.version() == null) {
            problems.add("version", "is required: the release's version as you last read it");
        }
        if (body.milestoneTaskId() != null) {
            Boolean milestone = jdbc.sql("select milestone from task where id = ? and project_id = ?")
                    .params(body.milestoneTaskId(), access.projectId())
                    .query(Boolean.class)
                    .optional()
                    .orElse(null);
            if (milestone == null) {
                problems.add("milestoneTaskId", "is not a task of project " + access.key());
            } else if (!milestone) {
                problems.add("milestoneTaskId", "is a task, not a milestone: link releases to milestones");
            }
        }
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update dev_release set milestone_task_id = ?, version = version + 1
                where id = ? and project_id = ? and version = ?
                """)
                .params(body.milestoneTaskId(), id, access.projectId(), body.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The release", current);
        }
        return find(access, id);
    }

    private Release find(ProjectAccess access, long id) {
        List<Row> rows = jdbc.sql(SELECT + " and r.id = :id")
                .param("project", access.projectId())
                .param("id", id)
                .query(ReleaseService::row)
                .list();
        if (rows.isEmpty()) {
            throw new NotFound("There is no release " + id + " in project " + access.key() + ".");
        }
        return withDeployments(access, rows).get(0);
    }

    private record Row(
            long id,
            String repository,
            String tag,
            String name,
            String url,
            String sha,
            boolean prerelease,
            Instant publishedAt,
            Long milestoneTaskId,
            String milestoneName,
            int version) {}

    /** A release's deployments: of its repository, deploying its commit or its tag. One query for all. */
    private List<Release> withDeployments(ProjectAccess access, List<Row> rows) {
        Map<Long, List<Development.Deployment>> byRelease = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                    select r.id, d.repository, d.environment, d.status, d.sha, d.ref, d.url,
                    coalesce(d.succeeded_at, d.deployed_at) from dev_release r join dev_deployment d
                    on d.project_id = r.project_id and d.repository = r.repository
                    and ((r.sha is not null and d.sha = r.sha) or d.ref = r.tag or d.ref = 'refs/tags/' || r.tag)
                    where r.project_id = :project and r.id in (:ids)
                    order by coalesce(d.succeeded_at, d.deployed_at), d.id
                    """)
                    .param("project", access.projectId())
                    .param("ids", rows.stream().map(Row::id).toList())
                    .query(rs -> {
                        byRelease
                                .computeIfAbsent(rs.getLong(1), any -> new ArrayList<>())
                                .add(new Development.Deployment(
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getString(7),
                                        instant(rs, 8)));
                    });
        }
        return rows.stream()
                .map(row -> new Release(
                        row.id(),
                        row.repository(),
                        row.tag(),
                        row.name(),
                        row.url(),
                        row.sha(),
                        row.prerelease(),
                        row.publishedAt(),
                        row.milestoneTaskId(),
                        row.milestoneName(),
                        List.copyOf(byRelease.getOrDefault(row.id(), List.of())),
                        row.version()))
                .toList();
    }

    private static Row row(ResultSet rs, int number) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("repository"),
                rs.getString("tag"),
                rs.getString("name"),
                rs.getString("url"),
                rs.getString("sha"),
                rs.getBoolean("prerelease"),
                instant(rs, 8),
                (Long) rs.getObject("milestone_task_id"),
                rs.getString("milestone_name"),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
