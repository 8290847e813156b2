package org.gantry.server.portfolio;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's place in the portfolio and its goal scores. Every member reads them; the project's owner (and
 * system admins and portfolio managers) put it in a programme, mark it proposed and estimate its cost; owners
 * and managers (and the same two system roles) score its contribution to each strategic goal. Both are
 * versioned: a stale version is a 409 with the placement as it is now.
 */
@Service
class PlacementService {

    private static final BigDecimal MOST = new BigDecimal("1000000000000000");

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final PortfolioViewer viewer;
    private final StrategyService strategy;

    PlacementService(JdbcClient jdbc, ProjectService projects, PortfolioViewer viewer, StrategyService strategy) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.viewer = viewer;
        this.strategy = strategy;
    }

    /** A stored placement row, or the empty one (version 0) of a project never placed. */
    record Stored(Long programmeId, String programmeName, boolean proposed, BigDecimal estimatedCost, int version) {
        static final Stored NONE = new Stored(null, null, false, null, 0);
    }

    @Transactional(readOnly = true)
    public Placement placement(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(viewer.lens(user), projectRef).require(Permission.READ);
        return placement(user, access);
    }

    @Transactional
    public Placement place(CurrentUser user, String projectRef, PlacementChanges changes) {
        ProjectAccess access = projects.access(viewer.lens(user), projectRef);
        if (!canPlace(user, access)) {
            throw new Forbidden("Only the project's owner, a system admin or a portfolio manager places project "
                    + access.key() + " in the portfolio.");
        }
        var problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read (0 before the first save)");
        }
        if (changes.programmeId() != null
                && !jdbc.sql("select exists(select 1 from programme where id = ?)")
                        .param(changes.programmeId())
                        .query(Boolean.class)
                        .single()) {
            problems.add("programmeId", "there is no programme " + changes.programmeId());
        }
        BigDecimal cost = changes.estimatedCost();
        if (cost != null) {
            if (cost.signum() < 0) {
                problems.add("estimatedCost", "must be 0 or more");
            } else if (cost.compareTo(MOST) >= 0) {
                problems.add("estimatedCost", "must be less than 1,000,000,000,000,000");
            } else if (cost.stripTrailingZeros().scale() > 2) {
                problems.add("estimatedCost", "must have at most two decimals");
            }
        }
        problems.throwIfAny();
        requireOpen(access);
        Stored current = stored(access.projectId());
        if (current.version() != changes.version()) {
            throw new StaleVersion("The project's place in the portfolio", placement(user, access));
        }
        boolean proposed = Boolean.TRUE.equals(changes.proposed());
        if (current.version() == 0) {
            jdbc.sql("""
                    insert into project_portfolio (project_id, programme_id, proposed, estimated_cost, version)
                    values (?, ?, ?, ?, 1) on conflict (project_id) do nothing
                    """)
                    .params(access.projectId(), changes.programmeId(), proposed, cost)
                    .update();
        } else {
            jdbc.sql("""
                    update project_portfolio set programme_id = ?, proposed = ?, estimated_cost = ?,
                    updated_at = now(), version = version + 1 where project_id = ? and version = ?
                    """)
                    .params(changes.programmeId(), proposed, cost, access.projectId(), changes.version())
                    .update();
        }
        return placement(user, access);
    }

    @Transactional
    public Placement score(CurrentUser user, String projectRef, long goalId, ScoreChange change) {
        ProjectAccess access = projects.access(viewer.lens(user), projectRef);
        if (!canScore(user, access)) {
            throw new Forbidden("Only the project's owners and managers, system admins and portfolio managers"
                    + " score project " + access.key() + " against the strategic goals.");
        }
        strategy.goal(goalId);
        var problems = new InvalidInput.Collector();
        if (change.score() == null) {
            problems.add("score", "is required: 0 (contributes nothing) to 5 (essential)");
        } else if (change.score() < 0 || change.score() > Alignment.MAX_SCORE) {
            problems.add("score", "must be between 0 and 5");
        }
        if (change.version() == null) {
            problems.add("version", "is required: send the score's version you last read (0 before the first)");
        }
        problems.throwIfAny();
        requireOpen(access);
        int version = jdbc.sql("select version from project_goal_score where project_id = ? and goal_id = ?")
                .params(access.projectId(), goalId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (version != change.version()) {
            throw new StaleVersion("The project's score for this goal", placement(user, access));
        }
        if (version == 0) {
            jdbc.sql("""
                    insert into project_goal_score (project_id, goal_id, score, version) values (?, ?, ?, 1)
                    on conflict (project_id, goal_id) do nothing
                    """).params(access.projectId(), goalId, change.score()).update();
        } else {
            jdbc.sql("""
                    update project_goal_score set score = ?, updated_at = now(), version = version + 1
                    where project_id = ? and goal_id = ? and version = ?
                    """)
                    .params(change.score(), access.projectId(), goalId, version)
                    .update();
        }
        return placement(user, access);
    }

    /** Placements of many projects at once, by project id (projects never placed are left out). */
    Map<Long, Stored> stored(List<Long> projectIds) {
        Map<Long, Stored> found = new HashMap<>();
        if (projectIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select p.project_id, p.programme_id, g.name, p.proposed, p.estimated_cost, p.version
                from project_portfolio p left join programme g on g.id = p.programme_id
                where p.project_id = any(?)
                """)
                .param(projectIds.toArray(Long[]::new))
                .query((rs, n) -> found.put(
                        rs.getLong(1),
                        new Stored(
                                rs.getObject(2) == null ? null : rs.getLong(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                rs.getBigDecimal(5),
                                rs.getInt(6))))
                .list();
        return found;
    }

    /** Goal scores of many projects: project id to goal id to score. */
    Map<Long, Map<Long, Integer>> scores(List<Long> projectIds) {
        Map<Long, Map<Long, Integer>> found = new HashMap<>();
        if (projectIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select project_id, goal_id, score from project_goal_score where project_id = any(?)")
                .param(projectIds.toArray(Long[]::new))
                .query((rs, n) -> found.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                        .put(rs.getLong(2), rs.getInt(3)))
                .list();
        return found;
    }

    private Placement placement(CurrentUser user, ProjectAccess access) {
        Stored stored = stored(access.projectId());
        Map<Long, Integer[]> scored = new HashMap<>();
        jdbc.sql("select goal_id, score, version from project_goal_score where project_id = ?")
                .param(access.projectId())
                .query((rs, n) -> scored.put(rs.getLong(1), new Integer[] {rs.getInt(2), rs.getInt(3)}))
                .list();
        List<StrategicGoal> goals = strategy.goals();
        Map<Long, Integer> scoreByGoal = new HashMap<>();
        scored.forEach((goal, pair) -> scoreByGoal.put(goal, pair[0]));
        var project = projects.get(access.user(), access.key());
        return new Placement(
                access.key(),
                project.name(),
                stored.programmeId(),
                stored.programmeName(),
                stored.proposed(),
                stored.estimatedCost(),
                project.currency(),
                goals.stream()
                        .map(goal -> {
                            Integer[] pair = scored.getOrDefault(goal.id(), new Integer[] {0, 0});
                            return new Placement.GoalScore(goal.id(), goal.name(), goal.weight(), pair[0], pair[1]);
                        })
                        .toList(),
                Alignment.of(goals, scoreByGoal),
                canPlace(user, access),
                canScore(user, access),
                stored.version());
    }

    private Stored stored(long projectId) {
        return stored(List.of(projectId)).getOrDefault(projectId, Stored.NONE);
    }

    private boolean canPlace(CurrentUser user, ProjectAccess access) {
        return viewer.seesEverything(user) || access.role() == ProjectRole.OWNER;
    }

    private boolean canScore(CurrentUser user, ProjectAccess access) {
        return viewer.seesEverything(user) || access.can(Permission.EDIT_PROJECT);
    }

    private static void requireOpen(ProjectAccess access) {
        if (access.archived()) {
            throw new Conflict(
                    "Project archived", "Project " + access.key() + " is archived; restore it to change it.");
        }
    }
}
