package org.gantry.server.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project's health thresholds (table dashboard_threshold; owners and managers change them, everyone who
 * reads the project sees them) and each person's tile order and hidden tiles (dashboard_preference; any role
 * keeps their own).
 */
@Service
class DashboardSettings {

    private static final BigDecimal MAXIMUM_CPI = BigDecimal.TEN;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    DashboardSettings(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Transactional(readOnly = true)
    public DashboardThresholds thresholds(CurrentUser user, String projectRef) {
        return thresholds(projects.access(user, projectRef).require(Permission.READ));
    }

    DashboardThresholds thresholds(ProjectAccess access) {
        return jdbc.sql("""
                select schedule_amber_days, schedule_red_days, cost_amber_cpi, cost_red_cpi,
                scope_amber_tasks, scope_red_tasks, risk_score, risk_amber_count, risk_red_count, version
                from dashboard_threshold where project_id = ?
                """)
                .param(access.projectId())
                .query((rs, n) -> new DashboardThresholds(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10)))
                .optional()
                .orElse(DashboardThresholds.DEFAULTS);
    }

    /**
     * Saves the project's thresholds (every field required). 400 naming each field out of range, or a red
     * threshold milder than its amber one; 409 with the saved thresholds when {@code version} is stale.
     */
    @Transactional
    public DashboardThresholds saveThresholds(CurrentUser user, String projectRef, DashboardThresholds wanted) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var problems = new InvalidInput.Collector();
        if (wanted == null) {
            throw new InvalidInput("version", "is required: send every threshold with the version you last read");
        }
        whole(problems, "scheduleAmberDays", wanted.scheduleAmberDays(), 0, 1000);
        whole(problems, "scheduleRedDays", wanted.scheduleRedDays(), 0, 1000);
        index(problems, "costAmberCpi", wanted.costAmberCpi());
        index(problems, "costRedCpi", wanted.costRedCpi());
        whole(problems, "scopeAmberTasks", wanted.scopeAmberTasks(), 0, 100_000);
        whole(problems, "scopeRedTasks", wanted.scopeRedTasks(), 0, 100_000);
        whole(problems, "riskScore", wanted.riskScore(), 1, 25);
        whole(problems, "riskAmberCount", wanted.riskAmberCount(), 0, 1000);
        whole(problems, "riskRedCount", wanted.riskRedCount(), 0, 1000);
        if (wanted.version() == null) {
            problems.add("version", "is required: send the version you last read (0 before the first save)");
        }
        if (!problems.has("scheduleAmberDays")
                && !problems.has("scheduleRedDays")
                && wanted.scheduleRedDays() < wanted.scheduleAmberDays()) {
            problems.add(
                    "scheduleRedDays", "must be at least the amber threshold (" + wanted.scheduleAmberDays() + ")");
        }
        if (!problems.has("costAmberCpi")
                && !problems.has("costRedCpi")
                && wanted.costRedCpi().compareTo(wanted.costAmberCpi()) > 0) {
            problems.add(
                    "costRedCpi",
                    "must be at most the amber threshold ("
                            + wanted.costAmberCpi().toPlainString() + ")");
        }
        if (!problems.has("scopeAmberTasks")
                && !problems.has("scopeRedTasks")
                && wanted.scopeRedTasks() < wanted.scopeAmberTasks()) {
            problems.add("scopeRedTasks", "must be at least the amber threshold (" + wanted.scopeAmberTasks() + ")");
        }
        if (!problems.has("riskAmberCount")
                && !problems.has("riskRedCount")
                && wanted.riskRedCount() < wanted.riskAmberCount()) {
            problems.add("riskRedCount", "must be at least the amber threshold (" + wanted.riskAmberCount() + ")");
        }
        problems.throwIfAny();
        DashboardThresholds current = thresholds(access);
        int saved = 0;
        if (current.version().intValue() == wanted.version().intValue()) {
            Object[] values = {
                wanted.scheduleAmberDays(),
                wanted.scheduleRedDays(),
                wanted.costAmberCpi(),
                wanted.costRedCpi(),
                wanted.scopeAmberTasks(),
                wanted.scopeRedTasks(),
                wanted.riskScore(),
                wanted.riskAmberCount(),
                wanted.riskRedCount(),
                access.projectId(),
                wanted.version()
            };
            saved = wanted.version() == 0
                    ? jdbc.sql("""
                            insert into dashboard_threshold (schedule_amber_days, schedule_red_days, cost_amber_cpi,
                            cost_red_cpi, scope_amber_tasks, scope_red_tasks, risk_score, risk_amber_count,
                            risk_red_count, project_id, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? + 1)
                            on conflict (project_id) do nothing
                            """).params(values).update()
                    : jdbc.sql("""
                            update dashboard_threshold set schedule_amber_days = ?, schedule_red_days = ?,
                            cost_amber_cpi = ?, cost_red_cpi = ?, scope_amber_tasks = ?, scope_red_tasks = ?,
                            risk_score = ?, risk_amber_count = ?, risk_red_count = ?, version = version + 1
                            where project_id = ? and version = ?
                            """).params(values).update();
        }
        if (saved == 0) {
            throw new StaleVersion("The dashboard's thresholds", thresholds(access));
        }
        return thresholds(access);
    }

    @Transactional(readOnly = true)
    public DashboardPreferences preferences(CurrentUser user, String projectRef) {
        return preferences(projects.access(user, projectRef).require(Permission.READ));
    }

    DashboardPreferences preferences(ProjectAccess access) {
        return jdbc.sql("""
                select tile_order, hidden, version from dashboard_preference
                where project_id = ? and user_id = ?
                """)
                .params(access.projectId(), access.user().id())
                .query((rs, n) -> new DashboardPreferences(
                        complete(texts(rs.getArray(1))), known(texts(rs.getArray(2))), rs.getInt(3)))
                .optional()
                .orElse(new DashboardPreferences(Tile.IDS, List.of(), 0));
    }

    /**
     * Saves the caller's tile order and hidden tiles. 400 for an unknown tile id or one named twice, no
     * version; 409 with the saved ones when stale. A missing order keeps the default order.
     */
    @Transactional
    public DashboardPreferences savePreferences(CurrentUser user, String projectRef, DashboardPreferences wanted) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        if (wanted == null) {
            throw new InvalidInput("version", "is required: send the version you last read (0 before the first save)");
        }
        var problems = new InvalidInput.Collector();
        tiles(problems, "order", wanted.order());
        tiles(problems, "hidden", wanted.hidden());
        if (wanted.version() == null) {
            problems.add("version", "is required: send the version you last read (0 before the first save)");
        }
        problems.throwIfAny();
        List<String> order = complete(wanted.order() == null ? List.of() : wanted.order());
        List<String> hidden = wanted.hidden() == null
                ? List.of()
                : order.stream().filter(wanted.hidden()::contains).toList();
        DashboardPreferences current = preferences(access);
        int saved = 0;
        if (current.version().intValue() == wanted.version().intValue()) {
            Object[] values = {
                order.toArray(String[]::new),
                hidden.toArray(String[]::new),
                access.projectId(),
                user.id(),
                wanted.version()
            };
            saved = wanted.version() == 0
                    ? jdbc.sql("""
                            insert into dashboard_preference (tile_order, hidden, project_id, user_id, version)
                            values (?, ?, ?, ?, ? + 1) on conflict (project_id, user_id) do nothing
                            """).params(values).update()
                    : jdbc.sql("""
                            update dashboard_preference set tile_order = ?, hidden = ?, version = version + 1
                            where project_id = ? and user_id = ? and version = ?
                            """).params(values).update();
        }
        if (saved == 0) {
            throw new StaleVersion("Your dashboard's tiles", preferences(access));
        }
        return preferences(access);
    }

    private static void tiles(InvalidInput.Collector problems, String field, List<String> ids) {
        if (ids == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || Tile.of(id) == null) {
                problems.add(field, "names only these tiles: " + String.join(", ", Tile.IDS));
                return;
            }
            if (!seen.add(id)) {
                problems.add(field, "names the tile " + id + " twice");
                return;
            }
        }
    }

    /** The saved order with tiles it lacks (added after it was saved) at their default places' end. */
    private static List<String> complete(List<String> order) {
        Set<String> all = new LinkedHashSet<>();
        for (String id : order) {
            if (Tile.of(id) != null) {
                all.add(id);
            }
        }
        all.addAll(Tile.IDS);
        return List.copyOf(all);
    }

    private static List<String> known(List<String> ids) {
        return ids.stream().filter(id -> Tile.of(id) != null).distinct().toList();
    }

    private static List<String> texts(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            texts.add((String) value);
        }
        return texts;
    }

    private static void whole(InvalidInput.Collector problems, String field, Integer value, int minimum, int maximum) {
        if (value == null) {
            problems.add(field, "is required");
        } else if (value < minimum || value > maximum) {
            problems.add(field, "must be between " + minimum + " and " + maximum);
        }
    }

    private static void index(InvalidInput.Collector problems, String field, BigDecimal value) {
        if (value == null) {
            problems.add(field, "is required");
        } else if (value.signum() < 0 || value.compareTo(MAXIMUM_CPI) > 0) {
            problems.add(field, "must be a cost performance index between 0 and 10, such as 0.9");
        } else if (value.stripTrailingZeros().scale() > 4) {
            problems.add(field, "must have at most four decimals");
        }
    }
}
