package org.gantry.server.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored Monte Carlo runs of a project: started here (checked against the plan at once, so a bad request
 * is a 400 and nothing is stored), run in the background by {@link ScheduleRiskRunner}, read and deleted
 * here. Everyone who sees the project may start a run (it changes nothing in the plan) and read the runs;
 * owners, managers and the person who started a run delete it (a queued or running run stops).
 *
 * <p>One run at a time per project: starting another while one is queued or running answers 409 with that
 * run as {@code current} (a unique index over the active runs keeps it so across server instances).
 */
@Service
public class ScheduleRiskRuns {
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final int MAXIMUM_PAGE_SIZE = 100;
    private static final String SELECT = """
        select r.id, r.project_id, r.state, r.progress, r.completed_runs, r.iterations,
        r.seed, r.distribution, r.started_by, u.name as started_by_name, r.created_at, r.started_at,
        r.finished_at, r.p80, r.error, r.request
        """;

    /** Tells the runner a run is waiting (after the commit of its row). */
    record Queued(long runId) {}

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ScheduleRiskService scheduleRisk;
    private final ApplicationEventPublisher events;

    ScheduleRiskRuns(
            JdbcClient jdbc,
            ProjectService projects,
            ScheduleRiskService scheduleRisk,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.scheduleRisk = scheduleRisk;
        this.events = events;
    }

    @Transactional
    public ScheduleRiskRun start(CurrentUser user, String projectRef, ScheduleRiskRequest request) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        ScheduleRiskRequest checked = scheduleRisk.check(access, request);
        ScheduleRiskRun active = active(access);
        if (active != null) {
            throw busy(access, active);
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into schedule_risk_run (project_id, started_by, request, iterations, seed, distribution)
                    values (:project, :user, cast(:request as jsonb), :iterations, :seed, :distribution)
                    returning id
                    """)
                    .param("project", access.projectId())
                    .param("user", user.id() > 0 ? user.id() : null)
                    .param("request", JSON.writeValueAsString(checked))
                    .param("iterations", checked.iterations())
                    .param("seed", checked.seed())
                    .param("distribution", checked.distribution())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            // Another request (maybe on another instance) started one between our look and our insert.
            throw busy(access, active(access));
        }
        events.publishEvent(new Queued(id));
        return find(access, id, false);
    }

    @Transactional(readOnly = true)
    public PageOf<ScheduleRiskRun> list(CurrentUser user, String projectRef, Integer page, Integer size) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        if (pageNumber < 0 || pageNumber > 100_000) {
            problems.add("page", "must be between 0 and 100000");
        }
        if (pageSize < 1 || pageSize > MAXIMUM_PAGE_SIZE) {
            problems.add("size", "must be between 1 and " + MAXIMUM_PAGE_SIZE);
        }
        problems.throwIfAny();
        long total = jdbc.sql("select count(*) from schedule_risk_run where project_id = :project")
                .param("project", access.projectId())
                .query(Long.class)
                .single();
        List<ScheduleRiskRun> items = jdbc.sql(SELECT
                        + " from schedule_risk_run r left join app_user u on u.id = r.started_by"
                        + " where r.project_id = :project order by r.id desc limit :size offset :offset")
                .param("project", access.projectId())
                .param("size", pageSize)
                .param("offset", (long) pageNumber * pageSize)
                .query((rs, row) -> run(rs, null))
                .list();
        return new PageOf<>(items, pageNumber, pageSize, total);
    }

    @Transactional(readOnly = true)
    public ScheduleRiskRun get(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return find(access, id, true);
    }

    /** Removes a run (stopping it when queued or running): owners, managers, and whoever started it. */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        ScheduleRiskRun run = find(access, id, false);
        boolean starter = run.startedById() != null && run.startedById() == user.id();
        if (!starter && !access.can(Permission.MANAGE_TASKS)) {
            throw new Forbidden("Only owners, managers and the person who started it delete a run of project "
                    + access.key() + ".");
        }
        jdbc.sql("delete from schedule_risk_run where id = :id and project_id = :project")
                .param("id", id)
                .param("project", access.projectId())
                .update();
    }

    /** The project's last runs, newest first, for the Risks page (caller checked access). */
    List<ScheduleRiskRun> recent(ProjectAccess access, int count) {
        return jdbc.sql(SELECT + " from schedule_risk_run r left join app_user u on u.id = r.started_by"
                        + " where r.project_id = :project order by r.id desc limit :count")
                .param("project", access.projectId())
                .param("count", count)
                .query((rs, row) -> run(rs, null))
                .list();
    }

    /** One run with its report, for the Risks page; null when the project has no such run. */
    ScheduleRiskRun stored(ProjectAccess access, long id) {
        try {
            return find(access, id, true);
        } catch (NotFound e) {
            return null;
        }
    }

    private ScheduleRiskRun active(ProjectAccess access) {
        return jdbc.sql(SELECT + " from schedule_risk_run r left join app_user u on u.id = r.started_by"
                        + " where r.project_id = :project and r.state in ('QUEUED', 'RUNNING')")
                .param("project", access.projectId())
                .query((rs, row) -> run(rs, null))
                .optional()
                .orElse(null);
    }

    private static Conflict busy(ProjectAccess access, ScheduleRiskRun current) {
        return new Conflict(
                "Analysis already running",
                "Project " + access.key() + " has an analysis queued or running (run "
                        + (current == null ? "?" : current.id()) + "); wait for it to finish or delete it.",
                current == null ? Map.of() : Map.of("current", current));
    }

    private ScheduleRiskRun find(ProjectAccess access, long id, boolean withReport) {
        return jdbc.sql(SELECT + (withReport ? ", r.result" : "")
                        + " from schedule_risk_run r left join app_user u on u.id = r.started_by"
                        + " where r.id = :id and r.project_id = :project")
                .param("id", id)
                .param("project", access.projectId())
                .query((rs, row) -> run(rs, withReport ? rs.getString("result") : null))
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no schedule risk run " + id + "."));
    }

    private static ScheduleRiskRun run(ResultSet rs, String result) throws SQLException {
        Timestamp p80 = rs.getTimestamp("p80");
        return new ScheduleRiskRun(
                rs.getLong("id"),
                rs.getString("state"),
                rs.getInt("progress"),
                rs.getInt("completed_runs"),
                rs.getInt("iterations"),
                rs.getLong("seed"),
                rs.getString("distribution"),
                rs.getObject("started_by", Long.class),
                rs.getString("started_by_name"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                p80 == null ? null : p80.toLocalDateTime(),
                rs.getString("error"),
                JSON.readValue(rs.getString("request"), ScheduleRiskRequest.class),
                result == null ? null : JSON.readValue(result, ScheduleRiskReport.class));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
