package org.gantry.server.resource;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a project's resources and assignments, and changes a resource's name, maximum units and rates.
 * Everyone who can see the project reads them; owners and managers edit (rates are budget figures). Every
 * query is bound to the project the caller may see, so an id from another project is simply not found.
 */
@Service
public class ResourceService {
    static final int MAXIMUM_PAGE = 500;
    private static final int MAXIMUM_NAME = 200;
    private static final BigDecimal MAXIMUM_UNITS = new BigDecimal("100000");
    private static final BigDecimal MAXIMUM_AMOUNT = new BigDecimal("1000000000000");
    private static final Set<String> CLEARABLE = Set.of("standardRate", "overtimeRate", "costPerUse");

    private static final String RESOURCE_COLUMNS = "r.id, r.name, r.initials, r.email, r.group_name, r.kind,"
            + " r.material_label, r.max_units, r.standard_rate, r.standard_rate_per, r.overtime_rate,"
            + " r.overtime_rate_per, r.cost_per_use, p.currency, r.calendar_key, c.name as calendar_name, r.notes,"
            + " coalesce(w.assignments, 0) as assignments, coalesce(w.work, 0) as work, r.user_id, r.tags, r.version";
    private static final String RESOURCE_FROM = " from resource r join project p on p.id = r.project_id"
            + " left join project_calendar c on c.project_id = r.project_id and c.calendar_key = r.calendar_key"
            + " left join (select resource_id, count(*) as assignments, sum(work_minutes) as work from assignment"
            + " where project_id = :project group by resource_id) w on w.resource_id = r.id"
            + " where r.project_id = :project";
    private static final String ASSIGNMENT_QUERY = """
        select a.id, a.task_id, t.name as task_name,
        array_to_string(t.outline_path, '.') as wbs, a.resource_id, r.name as resource_name, r.kind,
        a.units, a.work_minutes, a.actual_work_minutes, a.remaining_work_minutes, a.start_at, a.finish_at,
        a.contour, a.version
        from assignment a join task t on t.id = a.task_id join resource r on r.id = a.resource_id
        where a.project_id = :project
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final org.springframework.context.ApplicationEventPublisher events;

    ResourceService(
            JdbcClient jdbc, ProjectService projects, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.events = events;
    }

    /** A page of the project's resources in the order the plan listed them; {@code q} filters by name. */
    @Transactional(readOnly = true)
    public PageOf<Resource> list(CurrentUser user, String projectRef, String q, int page, int size) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (page < 0) {
            problems.add("page", "must be 0 or more");
        }
        if (size < 1 || size > MAXIMUM_PAGE) {
            problems.add("size", "must be between 1 and " + MAXIMUM_PAGE);
        }
        problems.throwIfAny();
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        String filter = q == null || q.isBlank() ? "" : " and r.name ilike :q";
        String pattern = q == null
                ? null
                : "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var select = jdbc.sql("select " + RESOURCE_COLUMNS + RESOURCE_FROM + filter
                        + " order by r.id limit :limit offset :offset")
                .param("project", access.projectId())
                .param("limit", size)
                .param("offset", (long) page * size);
        var count = jdbc.sql("select count(*) from resource r where r.project_id = :project" + filter)
                .param("project", access.projectId());
        if (!filter.isEmpty()) {
            select = select.param("q", pattern);
            count = count.param("q", pattern);
        }
        List<Resource> items =
                visibleRates(access, select.query(ResourceService::resource).list());
        long total = count.query(Long.class).single();
        return new PageOf<>(items, page, size, total);
    }

    /** Every resource of the project (for the Resources page), in the plan's order. */
    @Transactional(readOnly = true)
    public List<Resource> all(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return visibleRates(
                access,
                jdbc.sql("select " + RESOURCE_COLUMNS + RESOURCE_FROM + " order by r.id")
                        .param("project", access.projectId())
                        .query(ResourceService::resource)
                        .list());
    }

    /** Rates are money: only owners, managers and admins see them. */
    private static List<Resource> visibleRates(ProjectAccess access, List<Resource> resources) {
        return access.can(Permission.SEE_COSTS)
                ? resources
                : resources.stream().map(Resource::withoutRates).toList();
    }

    /** One resource with its assignments, or 404 when the project has no such resource. */
    @Transactional(readOnly = true)
    public ResourceDetails get(CurrentUser user, String projectRef, long resourceId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        Resource resource = find(access, resourceId);
        List<Assignment> assignments = jdbc.sql(
                        ASSIGNMENT_QUERY + " and a.resource_id = :resource order by t.outline_path")
                .param("project", access.projectId())
                .param("resource", resourceId)
                .query(ResourceService::assignment)
                .list();
        return new ResourceDetails(visibleRates(access, List.of(resource)).get(0), assignments);
    }

    /** The resources working on a task, or 404 when the project has no such task. */
    @Transactional(readOnly = true)
    public List<Assignment> forTask(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        boolean taskExists = jdbc.sql("select count(*) from task where id = :task and project_id = :project")
                        .param("task", taskId)
                        .param("project", access.projectId())
                        .query(Long.class)
                        .single()
                > 0;
        if (!taskExists) {
            throw new NotFound("Project " + access.key() + " has no task " + taskId + ".");
        }
        return jdbc.sql(ASSIGNMENT_QUERY + " and a.task_id = :task order by r.name, a.id")
                .param("project", access.projectId())
                .param("task", taskId)
                .query(ResourceService::assignment)
                .list();
    }

    /** Every assignment of the project, task by task (a change request's what-if starts from them). */
    @Transactional(readOnly = true)
    public List<Assignment> forProject(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return jdbc.sql(ASSIGNMENT_QUERY + " order by a.task_id, a.id")
                .param("project", access.projectId())
                .query(ResourceService::assignment)
                .list();
    }

    /** The assignments of a task of the project the caller may see (the task's existence checked by the caller). */
    List<Assignment> assignmentsOf(ProjectAccess access, long taskId) {
        return jdbc.sql(ASSIGNMENT_QUERY + " and a.task_id = :task order by r.name, a.id")
                .param("project", access.projectId())
                .param("task", taskId)
                .query(ResourceService::assignment)
                .list();
    }

    /**
     * Deletes a resource (owners and managers). A resource still assigned to tasks is a 409 unless
     * {@code withAssignments}: then its assignments go with it (and the person stops being an assignee of
     * those tasks), and the tasks are rescheduled. The version is checked when given.
     */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long resourceId, Integer version, boolean withAssignments) {
        ProjectAccess access = projects.access(user, projectRef);
        Resource current = find(access, resourceId);
        access.require(Permission.EDIT_PROJECT);
        if (version != null && version != current.version()) {
            throw new StaleVersion("Resource " + resourceId, current);
        }
        if (current.assignmentCount() > 0 && !withAssignments) {
            throw AssignmentService.stillAssigned(access.key(), resourceId, current.assignmentCount());
        }
        // Assignments first, one by one through their trigger, so the person also stops being an assignee.
        jdbc.sql("delete from assignment where resource_id = :resource and project_id = :project")
                .param("resource", resourceId)
                .param("project", access.projectId())
                .update();
        jdbc.sql("delete from resource where id = :resource and project_id = :project")
                .param("resource", resourceId)
                .param("project", access.projectId())
                .update();
        if (current.assignmentCount() > 0) {
            events.publishEvent(org.gantry.server.project.ScheduleAffected.project(access.projectId()));
        }
    }

    /**
     * Changes the name, maximum units or rates of a resource (owners and managers). Every invalid field is
     * reported at once and nothing is written; a stale version is a 409 carrying the resource as it is now.
     */
    @Transactional
    public Resource update(CurrentUser user, String projectRef, long resourceId, ResourceChanges changes) {
        ProjectAccess access = projects.access(user, projectRef);
        Resource current = find(access, resourceId);
        access.require(Permission.EDIT_PROJECT);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (changes == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String name = changes.name() == null ? current.name() : changes.name().strip();
        if (name.isEmpty()) {
            problems.add("name", "must not be empty");
        } else if (name.length() > MAXIMUM_NAME) {
            problems.add("name", "must be at most " + MAXIMUM_NAME + " characters");
        } else if (name.indexOf('\0') >= 0) {
            problems.add("name", "must not contain NUL characters");
        }
        BigDecimal maxUnits = changes.maxUnits() == null ? current.maxUnits() : changes.maxUnits();
        if (maxUnits.signum() < 0 || maxUnits.compareTo(MAXIMUM_UNITS) > 0) {
            problems.add("maxUnits", "must be a percentage between 0 and " + MAXIMUM_UNITS.toPlainString());
        } else if (maxUnits.scale() > 2 && maxUnits.stripTrailingZeros().scale() > 2) {
            problems.add("maxUnits", "must have at most two decimals");
        }
        List<String> clear = changes.clear() == null ? List.of() : changes.clear();
        for (String field : clear) {
            if (field == null || !CLEARABLE.contains(field)) {
                problems.add("clear", "may name standardRate, overtimeRate or costPerUse, not '" + field + "'");
            }
        }
        BigDecimal standardRate =
                amount("standardRate", changes.standardRate(), current.standardRate(), clear, problems);
        BigDecimal overtimeRate =
                amount("overtimeRate", changes.overtimeRate(), current.overtimeRate(), clear, problems);
        BigDecimal costPerUse = amount("costPerUse", changes.costPerUse(), current.costPerUse(), clear, problems);
        List<String> tags = changes.tags() == null ? current.tags() : tags(changes.tags(), problems);
        String label = changes.materialLabel() == null
                ? current.materialLabel()
                : label(changes.materialLabel(), current.kind(), problems);
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update resource set name = :name, max_units = :units, standard_rate = :standard,
                tags = :tags, material_label = :label,
                standard_rate_per = case when cast(:standard as numeric) is null then null
                else coalesce(standard_rate_per, 'HOURS') end,
                overtime_rate = :overtime,
                overtime_rate_per = case when cast(:overtime as numeric) is null then null
                else coalesce(overtime_rate_per, 'HOURS') end,
                cost_per_use = :perUse, updated_at = now(), version = version + 1
                where id = :id and project_id = :project and version = :version
                """)
                .param("name", name)
                .param("units", maxUnits)
                .param("standard", standardRate)
                .param("overtime", overtimeRate)
                .param("perUse", costPerUse)
                .param("tags", tags.toArray(String[]::new))
                .param("label", label)
                .param("id", resourceId)
                .param("project", access.projectId())
                .param("version", changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Resource " + resourceId, find(access, resourceId));
        }
        return find(access, resourceId);
    }

    /**
     * Adds a resource (owners and managers). A work resource may be a member of the project: their time
     * entries then cost at its rates. Rates are per hour.
     */
    @Transactional
    public Resource create(CurrentUser user, String projectRef, NewResource body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty()) {
            problems.add("name", "is required");
        } else if (name.length() > MAXIMUM_NAME) {
            problems.add("name", "must be at most " + MAXIMUM_NAME + " characters");
        } else if (name.indexOf('\0') >= 0) {
            problems.add("name", "must not contain NUL characters");
        }
        String kind = body.kind() == null ? "WORK" : body.kind();
        if (!Set.of("WORK", "MATERIAL", "COST").contains(kind)) {
            problems.add("kind", "must be WORK, MATERIAL or COST");
        }
        BigDecimal maxUnits = body.maxUnits() == null ? new BigDecimal("100") : body.maxUnits();
        if (maxUnits.signum() < 0 || maxUnits.compareTo(MAXIMUM_UNITS) > 0) {
            problems.add("maxUnits", "must be a percentage between 0 and " + MAXIMUM_UNITS.toPlainString());
        } else if (maxUnits.stripTrailingZeros().scale() > 2) {
            problems.add("maxUnits", "must have at most two decimals");
        }
        BigDecimal standardRate = amount("standardRate", body.standardRate(), null, List.of(), problems);
        BigDecimal overtimeRate = amount("overtimeRate", body.overtimeRate(), null, List.of(), problems);
        BigDecimal costPerUse = amount("costPerUse", body.costPerUse(), null, List.of(), problems);
        if (body.userId() != null) {
            boolean member =
                    jdbc.sql("select count(*) from project_member where project_id = :project and user_id = :user")
                                    .param("project", access.projectId())
                                    .param("user", body.userId())
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!member) {
                problems.add("userId", "must be a member of project " + access.key());
            } else if (!"WORK".equals(kind)) {
                problems.add("userId", "only a work resource can be a person");
            }
        }
        List<String> tags = body.tags() == null ? List.of() : tags(body.tags(), problems);
        String label = body.materialLabel() == null ? null : label(body.materialLabel(), kind, problems);
        problems.throwIfAny();
        if (body.userId() != null) {
            // One resource per person and project: a member got theirs when they joined.
            Long existing = jdbc.sql("""
                    select id from resource where project_id = :project and user_id = :user
                    and kind = 'WORK' order by id limit 1
                    """)
                    .param("project", access.projectId())
                    .param("user", body.userId())
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (existing != null) {
                // Every member got a resource on joining: adding the person again gives that resource the
                // figures sent (so clients that add a person with their rates keep working), nothing more.
                jdbc.sql("""
                        update resource set name = :name, max_units = :units, standard_rate = :standard,
                        standard_rate_per = case when cast(:standard as numeric) is null then null
                        else 'HOURS' end, overtime_rate = :overtime,
                        overtime_rate_per = case when cast(:overtime as numeric) is null then null
                        else 'HOURS' end, cost_per_use = :perUse, tags = :tags, updated_at = now(),
                        version = version + 1 where id = :id
                        """)
                        .param("name", name)
                        .param("units", maxUnits)
                        .param("standard", standardRate)
                        .param("overtime", overtimeRate)
                        .param("perUse", costPerUse)
                        .param("tags", tags.toArray(String[]::new))
                        .param("id", existing)
                        .update();
                return find(access, existing);
            }
        }
        long id = jdbc.sql("""
                insert into resource (project_id, name, kind, user_id, max_units, standard_rate,
                standard_rate_per, overtime_rate, overtime_rate_per, cost_per_use, tags, material_label)
                values (:project, :name, :kind, :user, :units, :standard,
                case when cast(:standard as numeric) is null then null else 'HOURS' end, :overtime,
                case when cast(:overtime as numeric) is null then null else 'HOURS' end, :perUse,
                :tags, :label) returning id
                """)
                .param("project", access.projectId())
                .param("name", name)
                .param("kind", kind)
                .param("user", body.userId())
                .param("units", maxUnits)
                .param("standard", standardRate)
                .param("overtime", overtimeRate)
                .param("perUse", costPerUse)
                .param("tags", tags.toArray(String[]::new))
                .param("label", label)
                .query(Long.class)
                .single();
        return find(access, id);
    }

    /** Puts a resource on a task (owners and managers) with units and planned work; 409 if already on it. */
    @Transactional
    public Assignment assign(CurrentUser user, String projectRef, long taskId, NewAssignment body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var task = jdbc.sql("select start_at, finish_at from task where id = :task and project_id = :project")
                .param("task", taskId)
                .param("project", access.projectId())
                .query((rs, n) -> new LocalDateTime[] {local(rs.getTimestamp(1)), local(rs.getTimestamp(2))})
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no task " + taskId + "."));
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body.resourceId() == null) {
            problems.add("resourceId", "is required");
        } else if (jdbc.sql("select count(*) from resource where id = :id and project_id = :project")
                        .param("id", body.resourceId())
                        .param("project", access.projectId())
                        .query(Long.class)
                        .single()
                == 0) {
            problems.add("resourceId", "must be a resource of project " + access.key());
        }
        BigDecimal units = body.units() == null ? new BigDecimal("100") : body.units();
        if (units.signum() < 0 || units.compareTo(MAXIMUM_UNITS) > 0) {
            problems.add("units", "must be between 0 and " + MAXIMUM_UNITS.toPlainString());
        } else if (units.stripTrailingZeros().scale() > 2) {
            problems.add("units", "must have at most two decimals");
        }
        BigDecimal hours = body.workHours() == null ? BigDecimal.ZERO : body.workHours();
        if (hours.signum() < 0 || hours.compareTo(new BigDecimal("1000000")) > 0) {
            problems.add("workHours", "must be between 0 and 1000000");
        }
        problems.throwIfAny();
        long minutes = hours.multiply(BigDecimal.valueOf(60))
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        boolean exists = jdbc.sql("select count(*) from assignment where task_id = :task and resource_id = :resource")
                        .param("task", taskId)
                        .param("resource", body.resourceId())
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            throw new org.gantry.server.shared.Conflict(
                    "Already assigned", "This resource already works on task " + taskId + ".");
        }
        long id = jdbc.sql("""
                insert into assignment (project_id, task_id, resource_id, units, work_minutes,
                remaining_work_minutes, start_at, finish_at) values (:project, :task, :resource, :units,
                :work, :work, :start, :finish) returning id
                """)
                .param("project", access.projectId())
                .param("task", taskId)
                .param("resource", body.resourceId())
                .param("units", units)
                .param("work", minutes)
                .param("start", task[0])
                .param("finish", task[1])
                .query(Long.class)
                .single();
        return jdbc.sql(ASSIGNMENT_QUERY + " and a.id = :id")
                .param("project", access.projectId())
                .param("id", id)
                .query(ResourceService::assignment)
                .single();
    }

    /** A resource's dated rates (owners and managers), oldest first. */
    @Transactional(readOnly = true)
    public List<CostRate> rates(CurrentUser user, String projectRef, long resourceId) {
        ProjectAccess access = projects.access(user, projectRef);
        find(access, resourceId);
        requireCosts(access);
        return jdbc.sql("""
                select id, resource_id, effective_from, standard_rate, overtime_rate, cost_per_use, version
                from resource_rate where resource_id = :resource and project_id = :project
                order by effective_from
                """)
                .param("resource", resourceId)
                .param("project", access.projectId())
                .query((rs, n) -> new CostRate(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, java.time.LocalDate.class),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getInt(7)))
                .list();
    }

    /** Adds a dated rate (owners and managers); 409 when the resource already has one on that date. */
    @Transactional
    public CostRate addRate(CurrentUser user, String projectRef, long resourceId, NewCostRate body) {
        ProjectAccess access = projects.access(user, projectRef);
        find(access, resourceId);
        access.require(Permission.EDIT_PROJECT);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body.effectiveFrom() == null) {
            problems.add("effectiveFrom", "is required");
        } else if (body.effectiveFrom().getYear() < 1900 || body.effectiveFrom().getYear() > 2200) {
            problems.add("effectiveFrom", "must lie between 1900-01-01 and 2200-12-31");
        }
        if (body.standardRate() == null) {
            problems.add("standardRate", "is required");
        }
        BigDecimal standard = amount("standardRate", body.standardRate(), null, List.of(), problems);
        BigDecimal overtime = amount("overtimeRate", body.overtimeRate(), null, List.of(), problems);
        BigDecimal perUse = amount("costPerUse", body.costPerUse(), null, List.of(), problems);
        problems.throwIfAny();
        boolean taken =
                jdbc.sql("select count(*) from resource_rate where resource_id = :resource and effective_from = :from")
                                .param("resource", resourceId)
                                .param("from", body.effectiveFrom())
                                .query(Long.class)
                                .single()
                        > 0;
        if (taken) {
            throw new org.gantry.server.shared.Conflict(
                    "Rate exists", "Resource " + resourceId + " already has a rate from " + body.effectiveFrom() + ".");
        }
        long id = jdbc.sql("""
                insert into resource_rate (project_id, resource_id, effective_from, standard_rate,
                overtime_rate, cost_per_use) values (:project, :resource, :from, :standard, :overtime,
                :perUse) returning id
                """)
                .param("project", access.projectId())
                .param("resource", resourceId)
                .param("from", body.effectiveFrom())
                .param("standard", standard)
                .param("overtime", overtime)
                .param("perUse", perUse)
                .query(Long.class)
                .single();
        return rates(user, projectRef, resourceId).stream()
                .filter(rate -> rate.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private static void requireCosts(ProjectAccess access) {
        if (!access.can(Permission.SEE_COSTS)) {
            throw new org.gantry.server.shared.Forbidden("Rates in project " + access.key()
                    + " are for owners and managers; your role ("
                    + (access.role() == null ? "none" : access.role().name().toLowerCase()) + ") does not see them.");
        }
    }

    private static BigDecimal amount(
            String field, BigDecimal sent, BigDecimal current, List<String> clear, InvalidInput.Collector problems) {
        if (clear.contains(field)) {
            if (sent != null) {
                problems.add(field, "cannot be sent and cleared at once");
            }
            return null;
        }
        if (sent == null) {
            return current;
        }
        if (sent.signum() < 0) {
            problems.add(field, "must be 0 or more");
        } else if (sent.compareTo(MAXIMUM_AMOUNT) >= 0) {
            problems.add(field, "must be less than " + MAXIMUM_AMOUNT.toPlainString());
        } else if (sent.stripTrailingZeros().scale() > 4) {
            problems.add(field, "must have at most four decimals");
        }
        return sent;
    }

    /** Tags: at most 20 words of at most 40 characters, trimmed, without duplicates or NUL. */
    private static List<String> tags(List<String> sent, InvalidInput.Collector problems) {
        List<String> tags = new java.util.ArrayList<>();
        for (String tag : sent) {
            String word = tag == null ? "" : tag.strip();
            if (word.isEmpty() || word.length() > 40 || word.indexOf('\0') >= 0) {
                problems.add("tags", "each tag must have 1 to 40 characters (no NUL)");
                return List.of();
            }
            if (!tags.contains(word)) {
                tags.add(word);
            }
        }
        if (tags.size() > 20) {
            problems.add("tags", "at most 20 tags");
        }
        return tags;
    }

    private static String label(String sent, String kind, InvalidInput.Collector problems) {
        String label = sent.strip();
        if (!"MATERIAL".equals(kind) && !label.isEmpty()) {
            problems.add("materialLabel", "only a material has a unit label");
        } else if (label.length() > 40 || label.indexOf('\0') >= 0) {
            problems.add("materialLabel", "must be at most 40 characters");
        }
        return label.isEmpty() ? null : label;
    }

    private Resource find(ProjectAccess access, long resourceId) {
        return jdbc.sql("select " + RESOURCE_COLUMNS + RESOURCE_FROM + " and r.id = :resource")
                .param("project", access.projectId())
                .param("resource", resourceId)
                .query(ResourceService::resource)
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no resource " + resourceId + "."));
    }

    private static Resource resource(ResultSet rs, int row) throws SQLException {
        return new Resource(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("initials"),
                rs.getString("email"),
                rs.getString("group_name"),
                rs.getString("kind"),
                rs.getString("material_label"),
                rs.getBigDecimal("max_units"),
                rs.getBigDecimal("standard_rate"),
                rs.getString("standard_rate_per"),
                rs.getBigDecimal("overtime_rate"),
                rs.getString("overtime_rate_per"),
                rs.getBigDecimal("cost_per_use"),
                rs.getString("currency"),
                rs.getString("calendar_key"),
                rs.getString("calendar_name"),
                rs.getString("notes"),
                rs.getInt("assignments"),
                rs.getLong("work"),
                (Long) rs.getObject("user_id"),
                List.of((String[]) rs.getArray("tags").getArray()),
                rs.getInt("version"));
    }

    private static Assignment assignment(ResultSet rs, int row) throws SQLException {
        return new Assignment(
                rs.getLong("id"),
                rs.getLong("task_id"),
                rs.getString("task_name"),
                rs.getString("wbs"),
                rs.getLong("resource_id"),
                rs.getString("resource_name"),
                rs.getString("kind"),
                rs.getBigDecimal("units"),
                rs.getLong("work_minutes"),
                rs.getLong("actual_work_minutes"),
                rs.getLong("remaining_work_minutes"),
                local(rs.getTimestamp("start_at")),
                local(rs.getTimestamp("finish_at")),
                rs.getString("contour"),
                rs.getInt("version"));
    }

    private static LocalDateTime local(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
