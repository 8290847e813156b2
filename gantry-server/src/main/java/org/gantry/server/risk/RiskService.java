package org.gantry.server.risk;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register of a project. Everyone who can see the project reads it; owners, managers and members
 * raise and edit risks (anyone on the team may spot one); owners and managers delete them. Every query is
 * bound to the project the caller may see, so an id from another project is simply not found.
 */
@Service
public class RiskService {
    static final Set<String> KINDS = Set.of("THREAT", "OPPORTUNITY");
    static final Set<String> BASES = Set.of("INHERENT", "RESIDUAL");
    static final Set<String> STATUSES = Set.of("OPEN", "MONITORING", "OCCURRED", "CLOSED");
    static final Set<String> THREAT_RESPONSES = Set.of("AVOID", "MITIGATE", "TRANSFER", "ACCEPT", "ESCALATE");
    static final Set<String> OPPORTUNITY_RESPONSES = Set.of("EXPLOIT", "ENHANCE", "SHARE", "ACCEPT", "ESCALATE");
    private static final Set<String> CLEARABLE = Set.of(
            "ownerId",
            "reviewDate",
            "responseStrategy",
            "delay",
            "delayPercent",
            "residual",
            "proximity",
            "costImpact");
    private static final int MAXIMUM_TITLE = 200;
    private static final int MAXIMUM_CATEGORY = 100;
    private static final int MAXIMUM_TEXT = 4000;
    private static final int MAXIMUM_TASKS = 200;
    private static final BigDecimal MAXIMUM_DELAY_DAYS = new BigDecimal("10000");
    private static final BigDecimal MAXIMUM_COST = new BigDecimal("999999999999.99");

    private static final String SELECT = """
        select r.id, r.title, r.kind, r.category, r.cause, r.event, r.effect,
        r.probability, r.impact, r.response_strategy, r.response, r.owner_id, u.name as owner_name,
        r.status, r.review_date, coalesce((select array_agg(rt.task_id order by rt.task_id) from risk_task rt
        where rt.risk_id = r.id), '{}') as task_ids, r.delay_task_id, r.delay_days, r.delay_percent,
        r.residual_probability, r.residual_impact, r.risk_trigger, r.proximity, r.cost_impact, r.created_at, r.updated_at, r.version
        from risk r left join app_user u on u.id = r.owner_id where r.project_id = :project
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    RiskService(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /**
     * The project's risks, highest score first. Filters (all optional): status, kind, category (exact),
     * probability and impact (one heat-map cell), q (title contains, any case).
     */
    @Transactional(readOnly = true)
    public List<Risk> list(
            CurrentUser user,
            String projectRef,
            String status,
            String kind,
            String category,
            Integer probability,
            Integer impact,
            String q) {
        return list(user, projectRef, status, kind, category, probability, impact, q, null);
    }

    /**
     * As {@link #list(CurrentUser, String, String, String, String, Integer, Integer, String)}; basis RESIDUAL
     * matches probability and impact against the residual rating (the inherent one while there is none), as
     * the residual heat map places the risks.
     */
    @Transactional(readOnly = true)
    public List<Risk> list(
            CurrentUser user,
            String projectRef,
            String status,
            String kind,
            String category,
            Integer probability,
            Integer impact,
            String q,
            String basis) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String chosenBasis =
                basis == null || basis.isBlank() ? "INHERENT" : basis.strip().toUpperCase(Locale.ROOT);
        if (!BASES.contains(chosenBasis)) {
            problems.add("basis", "must be INHERENT or RESIDUAL");
        }
        boolean residual = chosenBasis.equals("RESIDUAL");
        if (status != null && !STATUSES.contains(status)) {
            problems.add("status", "must be OPEN, MONITORING, OCCURRED or CLOSED");
        }
        if (kind != null && !KINDS.contains(kind)) {
            problems.add("kind", "must be THREAT or OPPORTUNITY");
        }
        if (probability != null && (probability < 1 || probability > 5)) {
            problems.add("probability", "must be between 1 and 5");
        }
        if (impact != null && (impact < 1 || impact > 5)) {
            problems.add("impact", "must be between 1 and 5");
        }
        text("q", q, MAXIMUM_TITLE, problems);
        text("category", category, MAXIMUM_CATEGORY, problems);
        problems.throwIfAny();
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        StringBuilder sql = new StringBuilder(SELECT);
        if (status != null) {
            sql.append(" and r.status = :status");
        }
        if (kind != null) {
            sql.append(" and r.kind = :kind");
        }
        if (category != null) {
            sql.append(" and r.category = :category");
        }
        if (probability != null) {
            sql.append(
                    residual
                            ? " and coalesce(r.residual_probability, r.probability) = :probability"
                            : " and r.probability = :probability");
        }
        if (impact != null) {
            sql.append(residual ? " and coalesce(r.residual_impact, r.impact) = :impact" : " and r.impact = :impact");
        }
        if (q != null && !q.isBlank()) {
            sql.append(" and r.title ilike :q");
        }
        sql.append(" order by r.probability * r.impact desc, r.id");
        var statement = jdbc.sql(sql.toString()).param("project", access.projectId());
        if (status != null) {
            statement = statement.param("status", status);
        }
        if (kind != null) {
            statement = statement.param("kind", kind);
        }
        if (category != null) {
            statement = statement.param("category", category);
        }
        if (probability != null) {
            statement = statement.param("probability", probability);
        }
        if (impact != null) {
            statement = statement.param("impact", impact);
        }
        if (q != null && !q.isBlank()) {
            statement = statement.param(
                    "q",
                    "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return statement.query(RiskService::risk).list();
    }

    @Transactional(readOnly = true)
    public Risk get(CurrentUser user, String projectRef, long riskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return find(access, riskId);
    }

    /** Adds a risk (owners, managers, members). Every invalid field is reported at once; nothing is written. */
    @Transactional
    public Risk create(CurrentUser user, String projectRef, NewRisk body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String title = body.title() == null ? "" : body.title().strip();
        if (title.isEmpty()) {
            problems.add("title", "is required");
        }
        text("title", title, MAXIMUM_TITLE, problems);
        String kind = body.kind() == null ? "THREAT" : body.kind().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            problems.add("kind", "must be THREAT or OPPORTUNITY");
        }
        if (body.probability() == null) {
            problems.add("probability", "is required: 1 (rare) to 5 (almost certain)");
        } else {
            rating("probability", body.probability(), problems);
        }
        if (body.impact() == null) {
            problems.add("impact", "is required: 1 (negligible) to 5 (severe)");
        } else {
            rating("impact", body.impact(), problems);
        }
        String status = body.status() == null ? "OPEN" : body.status().toUpperCase(Locale.ROOT);
        Fields fields = new Fields(
                title,
                kind,
                orEmpty(body.category()),
                orEmpty(body.cause()),
                orEmpty(body.event()),
                orEmpty(body.effect()),
                body.probability() == null ? 0 : body.probability(),
                body.impact() == null ? 0 : body.impact(),
                upper(body.responseStrategy()),
                orEmpty(body.response()),
                body.ownerId(),
                status,
                body.reviewDate(),
                body.taskIds() == null ? List.of() : body.taskIds(),
                body.delayTaskId(),
                body.delayDays(),
                body.delayPercent(),
                body.residualProbability(),
                body.residualImpact(),
                orEmpty(body.trigger()),
                body.proximity(),
                body.costImpact());
        validate(access, fields, null, problems);
        problems.throwIfAny();
        long id = jdbc.sql("""
                insert into risk (project_id, title, kind, category, cause, event, effect, probability,
                impact, response_strategy, response, owner_id, status, review_date, delay_task_id,
                delay_days, delay_percent, residual_probability, residual_impact, risk_trigger, proximity,
                cost_impact, created_by) values (:project, :title, :kind, :category, :cause, :event,
                :effect, :probability, :impact, :strategy, :response, :owner, :status, :review,
                :delayTask, :delayDays, :delayPercent, :residualProbability, :residualImpact, :trigger,
                :proximity, :costImpact, :user) returning id
                """)
                .param("project", access.projectId())
                .params(columns(fields))
                .param("user", user.id())
                .query(Long.class)
                .single();
        linkTasks(access, id, fields.taskIds());
        return find(access, id);
    }

    /**
     * Changes a risk (owners, managers, members). A stale version is a 409 carrying the risk as it is now;
     * every invalid field is reported at once and nothing is written.
     */
    @Transactional
    public Risk update(CurrentUser user, String projectRef, long riskId, RiskChanges changes) {
        ProjectAccess access = projects.access(user, projectRef);
        Risk current = find(access, riskId);
        access.require(Permission.EDIT_TASKS);
        if (changes == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        List<String> clear = changes.clear() == null ? List.of() : changes.clear();
        for (String field : clear) {
            if (field == null || !CLEARABLE.contains(field)) {
                problems.add(
                        "clear",
                        "may name ownerId, reviewDate, responseStrategy, delay, delayPercent, residual, proximity"
                                + " or costImpact, not '" + field + "'");
            }
        }
        String title =
                changes.title() == null ? current.title() : changes.title().strip();
        if (title.isEmpty()) {
            problems.add("title", "must not be empty");
        }
        text("title", title, MAXIMUM_TITLE, problems);
        String kind = changes.kind() == null ? current.kind() : changes.kind().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            problems.add("kind", "must be THREAT or OPPORTUNITY");
        }
        if (changes.probability() != null) {
            rating("probability", changes.probability(), problems);
        }
        if (changes.impact() != null) {
            rating("impact", changes.impact(), problems);
        }
        boolean clearDelay = clear.contains("delay");
        Fields fields = new Fields(
                title,
                kind,
                changes.category() == null ? current.category() : changes.category(),
                changes.cause() == null ? current.cause() : changes.cause(),
                changes.event() == null ? current.event() : changes.event(),
                changes.effect() == null ? current.effect() : changes.effect(),
                changes.probability() == null ? current.probability() : changes.probability(),
                changes.impact() == null ? current.impact() : changes.impact(),
                clear.contains("responseStrategy")
                        ? null
                        : changes.responseStrategy() == null
                                ? current.responseStrategy()
                                : upper(changes.responseStrategy()),
                changes.response() == null ? current.response() : changes.response(),
                clear.contains("ownerId") ? null : changes.ownerId() == null ? current.ownerId() : changes.ownerId(),
                changes.status() == null ? current.status() : changes.status().toUpperCase(Locale.ROOT),
                clear.contains("reviewDate")
                        ? null
                        : changes.reviewDate() == null ? current.reviewDate() : changes.reviewDate(),
                changes.taskIds() == null ? current.taskIds() : changes.taskIds(),
                clearDelay ? null : changes.delayTaskId() == null ? current.delayTaskId() : changes.delayTaskId(),
                clearDelay ? null : changes.delayDays() == null ? current.delayDays() : changes.delayDays(),
                clearDelay || clear.contains("delayPercent")
                        ? null
                        : changes.delayPercent() == null ? current.delayPercent() : changes.delayPercent(),
                clear.contains("residual")
                        ? null
                        : changes.residualProbability() == null
                                ? current.residualProbability()
                                : changes.residualProbability(),
                clear.contains("residual")
                        ? null
                        : changes.residualImpact() == null ? current.residualImpact() : changes.residualImpact(),
                changes.trigger() == null
                        ? current.trigger()
                        : changes.trigger().strip(),
                clear.contains("proximity")
                        ? null
                        : changes.proximity() == null ? current.proximity() : changes.proximity(),
                clear.contains("costImpact")
                        ? null
                        : changes.costImpact() == null ? current.costImpact() : changes.costImpact());
        validate(access, fields, current, problems);
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update risk set title = :title, kind = :kind, category = :category, cause = :cause,
                event = :event, effect = :effect, probability = :probability, impact = :impact,
                response_strategy = :strategy, response = :response, owner_id = :owner, status = :status,
                review_date = :review, delay_task_id = :delayTask, delay_days = :delayDays,
                delay_percent = :delayPercent, residual_probability = :residualProbability,
                residual_impact = :residualImpact, risk_trigger = :trigger, proximity = :proximity,
                cost_impact = :costImpact, updated_at = now(), version = version + 1
                where id = :id and project_id = :project and version = :version
                """)
                .params(columns(fields))
                .param("id", riskId)
                .param("project", access.projectId())
                .param("version", changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Risk " + riskId, find(access, riskId));
        }
        if (changes.taskIds() != null) {
            jdbc.sql("delete from risk_task where risk_id = :id")
                    .param("id", riskId)
                    .update();
            linkTasks(access, riskId, fields.taskIds());
        }
        return find(access, riskId);
    }

    /** Removes a risk (owners and managers). */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long riskId) {
        ProjectAccess access = projects.access(user, projectRef);
        find(access, riskId);
        access.require(Permission.MANAGE_TASKS);
        jdbc.sql("delete from risk where id = :id and project_id = :project")
                .param("id", riskId)
                .param("project", access.projectId())
                .update();
    }

    /** The open risks with a quantified delay, for the schedule risk analysis (caller checked access). */
    List<Risk> quantified(ProjectAccess access) {
        return jdbc.sql(SELECT + " and r.status in ('OPEN', 'MONITORING') and r.delay_task_id is not null"
                        + " and r.delay_days is not null order by r.id")
                .param("project", access.projectId())
                .query(RiskService::risk)
                .list();
    }

    /** A task a risk can delay: not a summary. For the page's choice of task. */
    public record TaskChoice(long id, String wbs, String name) {}

    /** The project's tasks that are not summaries, in outline order (caller checked access). */
    List<TaskChoice> taskChoices(ProjectAccess access) {
        return jdbc.sql("""
                select t.id, array_to_string(t.outline_path, '.'), t.name from task t
                where t.project_id = :project and not exists (select 1 from task c where c.parent_id = t.id)
                order by t.outline_path
                """)
                .param("project", access.projectId())
                .query((rs, row) -> new TaskChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    // ----- validation -----

    /** Every column a create or update writes, validated together. */
    private record Fields(
            String title,
            String kind,
            String category,
            String cause,
            String event,
            String effect,
            int probability,
            int impact,
            String responseStrategy,
            String response,
            Long ownerId,
            String status,
            LocalDate reviewDate,
            List<Long> taskIds,
            Long delayTaskId,
            BigDecimal delayDays,
            Integer delayPercent,
            Integer residualProbability,
            Integer residualImpact,
            String trigger,
            LocalDate proximity,
            BigDecimal costImpact) {}

    /** {@code current} is the risk before an update (null for a new one): what it already holds is not checked again. */
    private void validate(ProjectAccess access, Fields fields, Risk current, InvalidInput.Collector problems) {
        text("category", fields.category(), MAXIMUM_CATEGORY, problems);
        text("cause", fields.cause(), MAXIMUM_TEXT, problems);
        text("event", fields.event(), MAXIMUM_TEXT, problems);
        text("effect", fields.effect(), MAXIMUM_TEXT, problems);
        text("response", fields.response(), MAXIMUM_TEXT, problems);
        if (!STATUSES.contains(fields.status())) {
            problems.add("status", "must be OPEN, MONITORING, OCCURRED or CLOSED");
        }
        String strategy = fields.responseStrategy();
        if (strategy != null && KINDS.contains(fields.kind())) {
            Set<String> allowed = "THREAT".equals(fields.kind()) ? THREAT_RESPONSES : OPPORTUNITY_RESPONSES;
            if (!allowed.contains(strategy)) {
                problems.add(
                        "responseStrategy",
                        "THREAT".equals(fields.kind())
                                ? "for a threat must be AVOID, MITIGATE, TRANSFER, ACCEPT or ESCALATE"
                                : "for an opportunity must be EXPLOIT, ENHANCE, SHARE, ACCEPT or ESCALATE");
            }
        }
        PlanDates.check("reviewDate", fields.reviewDate(), problems);
        boolean ownerKept = current != null && java.util.Objects.equals(current.ownerId(), fields.ownerId());
        if (fields.ownerId() != null && !ownerKept && !member(access, fields.ownerId())) {
            problems.add("ownerId", "must be a member of project " + access.key());
        }
        List<Long> taskIds = fields.taskIds();
        if (taskIds.size() > MAXIMUM_TASKS) {
            problems.add("taskIds", "may name at most " + MAXIMUM_TASKS + " tasks");
        } else if (taskIds.stream().anyMatch(java.util.Objects::isNull)) {
            problems.add("taskIds", "must not contain null");
        } else if (!taskIds.isEmpty()) {
            Set<Long> distinct = new LinkedHashSet<>(taskIds);
            long found = jdbc.sql("select count(*) from task where project_id = :project and id in (:ids)")
                    .param("project", access.projectId())
                    .param("ids", distinct)
                    .query(Long.class)
                    .single();
            if (found != distinct.size()) {
                problems.add("taskIds", "must all be tasks of project " + access.key());
            }
        }
        boolean hasTask = fields.delayTaskId() != null;
        boolean hasDays = fields.delayDays() != null;
        if (hasTask != hasDays) {
            problems.add(
                    hasTask ? "delayDays" : "delayTaskId",
                    "is required with " + (hasTask ? "delayTaskId" : "delayDays"));
        }
        if (hasDays
                && (fields.delayDays().signum() <= 0
                        || fields.delayDays().compareTo(MAXIMUM_DELAY_DAYS) > 0
                        || fields.delayDays().stripTrailingZeros().scale() > 2)) {
            problems.add("delayDays", "must be more than 0 and at most 10000 working days, with at most two decimals");
        }
        boolean taskKept = current != null && java.util.Objects.equals(current.delayTaskId(), fields.delayTaskId());
        if (hasTask && !taskKept) {
            Boolean summary = jdbc.sql("""
                    select exists (select 1 from task c where c.parent_id = t.id) from task t
                    where t.id = :task and t.project_id = :project
                    """)
                    .param("task", fields.delayTaskId())
                    .param("project", access.projectId())
                    .query(Boolean.class)
                    .optional()
                    .orElse(null);
            if (summary == null) {
                problems.add("delayTaskId", "must be a task of project " + access.key());
            } else if (summary) {
                problems.add("delayTaskId", "must be a task, not a summary task: name one of the tasks below it");
            }
        }
        if (fields.delayPercent() != null && (fields.delayPercent() < 0 || fields.delayPercent() > 100)) {
            problems.add("delayPercent", "must be between 0 and 100");
        }
        // The residual rating is one point of the matrix: a probability without an impact says nothing.
        boolean residualProbability = fields.residualProbability() != null;
        boolean residualImpact = fields.residualImpact() != null;
        if (residualProbability != residualImpact) {
            problems.add(
                    residualProbability ? "residualImpact" : "residualProbability",
                    "is required with " + (residualProbability ? "residualProbability" : "residualImpact"));
        }
        if (residualProbability) {
            rating("residualProbability", fields.residualProbability(), problems);
        }
        if (residualImpact) {
            rating("residualImpact", fields.residualImpact(), problems);
        }
        text("trigger", fields.trigger(), MAXIMUM_TEXT, problems);
        PlanDates.check("proximity", fields.proximity(), problems);
        if (fields.costImpact() != null
                && (fields.costImpact().signum() < 0
                        || fields.costImpact().compareTo(MAXIMUM_COST) > 0
                        || fields.costImpact().stripTrailingZeros().scale() > 2)) {
            problems.add("costImpact", "must be 0 or more and under a trillion, with at most two decimals (cents)");
        }
    }

    private static void rating(String field, int value, InvalidInput.Collector problems) {
        if (value < 1 || value > 5) {
            problems.add(field, "must be between 1 and 5");
        }
    }

    private static void text(String field, String value, int maximum, InvalidInput.Collector problems) {
        if (value == null) {
            return;
        }
        if (value.length() > maximum) {
            problems.add(field, "must be at most " + maximum + " characters");
        } else if (value.indexOf('\0') >= 0) {
            problems.add(field, "must not contain NUL characters");
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private boolean member(ProjectAccess access, long userId) {
        return jdbc.sql("select count(*) from project_member where project_id = :project and user_id = :user")
                        .param("project", access.projectId())
                        .param("user", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static java.util.Map<String, Object> columns(Fields fields) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("title", fields.title());
        columns.put("kind", fields.kind());
        columns.put("category", fields.category());
        columns.put("cause", fields.cause());
        columns.put("event", fields.event());
        columns.put("effect", fields.effect());
        columns.put("probability", fields.probability());
        columns.put("impact", fields.impact());
        columns.put("strategy", fields.responseStrategy());
        columns.put("response", fields.response());
        columns.put("owner", fields.ownerId());
        columns.put("status", fields.status());
        columns.put("review", fields.reviewDate());
        columns.put("delayTask", fields.delayTaskId());
        columns.put("delayDays", fields.delayDays());
        columns.put("delayPercent", fields.delayPercent());
        columns.put("residualProbability", fields.residualProbability());
        columns.put("residualImpact", fields.residualImpact());
        columns.put("trigger", fields.trigger());
        columns.put("proximity", fields.proximity());
        columns.put("costImpact", fields.costImpact());
        return columns;
    }

    private void linkTasks(ProjectAccess access, long riskId, List<Long> taskIds) {
        for (Long taskId : new LinkedHashSet<>(taskIds)) {
            jdbc.sql("insert into risk_task (risk_id, task_id, project_id) values (:risk, :task, :project)")
                    .param("risk", riskId)
                    .param("task", taskId)
                    .param("project", access.projectId())
                    .update();
        }
    }

    Risk find(ProjectAccess access, long riskId) {
        return jdbc.sql(SELECT + " and r.id = :id")
                .param("project", access.projectId())
                .param("id", riskId)
                .query(RiskService::risk)
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no risk " + riskId + "."));
    }

    private static Risk risk(ResultSet rs, int row) throws SQLException {
        int probability = rs.getInt("probability");
        int impact = rs.getInt("impact");
        int score = probability * impact;
        Array taskArray = rs.getArray("task_ids");
        List<Long> taskIds = new ArrayList<>();
        for (Object value : (Object[]) taskArray.getArray()) {
            taskIds.add(((Number) value).longValue());
        }
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        long delayTask = rs.getLong("delay_task_id");
        Long delayTaskId = rs.wasNull() ? null : delayTask;
        int percent = rs.getInt("delay_percent");
        Integer delayPercent = rs.wasNull() ? null : percent;
        int residualProbabilityValue = rs.getInt("residual_probability");
        Integer residualProbability = rs.wasNull() ? null : residualProbabilityValue;
        int residualImpactValue = rs.getInt("residual_impact");
        Integer residualImpact = rs.wasNull() ? null : residualImpactValue;
        Integer residualScore =
                residualProbability == null || residualImpact == null ? null : residualProbability * residualImpact;
        Timestamp created = rs.getTimestamp("created_at");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Risk(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("kind"),
                rs.getString("category"),
                rs.getString("cause"),
                rs.getString("event"),
                rs.getString("effect"),
                probability,
                impact,
                score,
                Risk.level(score),
                rs.getString("response_strategy"),
                rs.getString("response"),
                ownerId,
                rs.getString("owner_name"),
                rs.getString("status"),
                rs.getObject("review_date", LocalDate.class),
                List.copyOf(taskIds),
                delayTaskId,
                rs.getBigDecimal("delay_days"),
                delayPercent,
                delayPercent != null ? delayPercent : Risk.chanceOf(probability),
                residualProbability,
                residualImpact,
                residualScore,
                residualScore == null ? null : Risk.level(residualScore),
                rs.getString("risk_trigger"),
                rs.getObject("proximity", LocalDate.class),
                rs.getBigDecimal("cost_impact"),
                created.toInstant(),
                updated.toInstant(),
                rs.getInt("version"));
    }
}
