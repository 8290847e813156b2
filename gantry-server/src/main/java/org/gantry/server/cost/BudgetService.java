package org.gantry.server.cost;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's budgets: one for the project, one per task at most (a cost account). Owners and managers set
 * and read them; members and stakeholders see no money (403).
 */
@Service
class BudgetService {
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private static final String SELECT = """
        select b.id, p.project_key, b.task_id,
        array_to_string(t.outline_path, '.') as wbs, t.name as task_name, b.amount, b.note, b.version
        from budget b join project p on p.id = b.project_id left join task t on t.id = b.task_id
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    BudgetService(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /** The project's budget first, then the tasks' in WBS order. */
    @Transactional(readOnly = true)
    public List<Budget> list(CurrentUser user, String projectRef) {
        ProjectAccess access = readable(user, projectRef);
        return inProject(access.projectId());
    }

    List<Budget> inProject(long projectId) {
        return jdbc.sql(SELECT + " where b.project_id = ? order by b.task_id is not null, t.outline_path")
                .params(projectId)
                .query(BudgetService::budget)
                .list();
    }

    @Transactional(readOnly = true)
    public Budget get(CurrentUser user, String projectRef, long id) {
        return find(readable(user, projectRef), id);
    }

    @Transactional
    public Budget create(CurrentUser user, String projectRef, BudgetChange body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.SEE_COSTS);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body.amount() == null) {
            problems.add("amount", "is required");
        }
        BigDecimal amount = amount(body.amount(), problems);
        String note = ExpenseService.note(body.note(), problems);
        if (body.taskId() != null
                && jdbc.sql("select count(*) from task where id = ? and project_id = ?")
                                .params(body.taskId(), access.projectId())
                                .query(Long.class)
                                .single()
                        == 0) {
            problems.add("taskId", "must be a task of project " + access.key());
        }
        problems.throwIfAny();
        List<Budget> existing = jdbc.sql(SELECT + " where b.project_id = ? and b.task_id is not distinct from ?")
                .params(access.projectId(), body.taskId())
                .query(BudgetService::budget)
                .list();
        if (!existing.isEmpty()) {
            throw new Conflict(
                    "Budget exists",
                    (body.taskId() == null ? "Project " + access.key() : "Task " + body.taskId())
                            + " has a budget already; change it (PATCH with its version) instead.",
                    Map.of("current", existing.get(0)));
        }
        long id = jdbc.sql("insert into budget (project_id, task_id, amount, note) values (?, ?, ?, ?) returning id")
                .params(access.projectId(), body.taskId(), amount, note)
                .query(Long.class)
                .single();
        return find(access, id);
    }

    @Transactional
    public Budget update(CurrentUser user, String projectRef, long id, BudgetChange changes) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.SEE_COSTS);
        Budget current = find(access, id);
        if (changes == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        if (changes.taskId() != null && !changes.taskId().equals(current.taskId())) {
            problems.add("taskId", "cannot change: delete this budget and set one on the other task");
        }
        BigDecimal amount = changes.amount() == null ? current.amount() : amount(changes.amount(), problems);
        String note = changes.note() == null ? current.note() : ExpenseService.note(changes.note(), problems);
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update budget set amount = ?, note = ?, updated_at = now(), version = version + 1
                where id = ? and version = ?
                """).params(amount, note, id, changes.version()).update();
        if (updated == 0) {
            throw new StaleVersion("Budget " + id, find(access, id));
        }
        return find(access, id);
    }

    @Transactional
    public void delete(CurrentUser user, String projectRef, long id, Integer version) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.SEE_COSTS);
        find(access, id);
        int deleted = jdbc.sql("delete from budget where id = :id" + (version == null ? "" : " and version = :version"))
                .param("id", id)
                .params(version == null ? Map.of() : Map.of("version", version))
                .update();
        if (deleted == 0) {
            throw new StaleVersion("Budget " + id, find(access, id));
        }
    }

    private ProjectAccess readable(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef);
        if (!access.can(Permission.SEE_COSTS)) {
            throw new Forbidden("Budgets of project " + access.key() + " are for owners and managers; your role ("
                    + (access.role() == null ? "none" : access.role().name().toLowerCase()) + ") sees no money.");
        }
        return access;
    }

    private Budget find(ProjectAccess access, long id) {
        return jdbc.sql(SELECT + " where b.id = ? and b.project_id = ?")
                .params(id, access.projectId())
                .query(BudgetService::budget)
                .optional()
                .orElseThrow(() -> new NotFound("There is no budget " + id + " in project " + access.key() + "."));
    }

    private static BigDecimal amount(BigDecimal amount, InvalidInput.Collector problems) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            problems.add("amount", "must not be negative");
        } else if (amount.compareTo(LIMIT) >= 0) {
            problems.add("amount", "must be less than 1000000000000");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add("amount", "must have at most two decimals (cents)");
        }
        return amount;
    }

    private static Budget budget(ResultSet rs, int row) throws SQLException {
        return new Budget(
                rs.getLong("id"),
                rs.getString("project_key"),
                rs.getObject("task_id", Long.class),
                rs.getString("wbs"),
                rs.getString("task_name"),
                rs.getBigDecimal("amount"),
                rs.getString("note"),
                rs.getInt("version"));
    }
}
