package org.gantry.server.risk;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * The RAID log of a project beside its risk register: assumptions, issues, dependencies and decisions.
 * Everyone who can see the project reads it; owners, managers and members add and edit entries; owners and
 * managers delete them, as with risks. Every query is bound to the project the caller may see, so an id
 * from another project is simply not found.
 */
@Service
public class RaidService {
    /** The statuses of each type, the first the default of a new entry, the last ones closing it. */
    static final Map<String, List<String>> STATUSES = Map.of(
            "ASSUMPTION", List.of("OPEN", "VALIDATED", "INVALID"),
            "ISSUE", List.of("OPEN", "IN_PROGRESS", "RESOLVED"),
            "DEPENDENCY", List.of("OPEN", "AT_RISK", "MET"),
            "DECISION", List.of("PROPOSED", "DECIDED", "SUPERSEDED"));

    static final List<String> TYPES = List.of("ASSUMPTION", "ISSUE", "DEPENDENCY", "DECISION");
    private static final Set<String> CLOSED =
            Set.of("VALIDATED", "INVALID", "RESOLVED", "MET", "DECIDED", "SUPERSEDED");
    private static final Set<String> ALL_STATUSES = Set.of(
            "OPEN",
            "VALIDATED",
            "INVALID",
            "IN_PROGRESS",
            "RESOLVED",
            "AT_RISK",
            "MET",
            "PROPOSED",
            "DECIDED",
            "SUPERSEDED");
    private static final Set<String> CLEARABLE =
            Set.of("ownerId", "dueOn", "closedOn", "decidedById", "decidedOn", "riskId");
    private static final int MAXIMUM_TITLE = 200;
    private static final int MAXIMUM_TEXT = 4000;
    private static final int MAXIMUM_LINKS = 200;

    private static final String SELECT = """
        select e.*, o.name as owner_name, d.name as decided_by_name,
        coalesce((select array_agg(t.task_id order by t.task_id) from raid_entry_task t
        where t.entry_id = e.id), '{}') as task_ids,
        coalesce((select array_agg(case when l.entry_id = e.id then l.linked_entry_id else l.entry_id end
        order by case when l.entry_id = e.id then l.linked_entry_id else l.entry_id end)
        from raid_entry_link l where l.entry_id = e.id or l.linked_entry_id = e.id), '{}') as linked_ids
        from raid_entry e left join app_user o on o.id = e.owner_id left join app_user d on d.id = e.decided_by
        where e.project_id = :project
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final RiskService risks;

    RaidService(JdbcClient jdbc, ProjectService projects, RiskService risks) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.risks = risks;
    }

    /**
     * The project's entries, newest first. Filters (all optional): type, status, owner (a user id), text
     * (title or description contains, any case).
     */
    @Transactional(readOnly = true)
    public List<RaidEntry> list(
            CurrentUser user, String projectRef, String type, String status, Long owner, String text) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String wantedType = upper(type);
        String wantedStatus = upper(status);
        if (wantedType != null && !TYPES.contains(wantedType)) {
            problems.add("type", "must be ASSUMPTION, ISSUE, DEPENDENCY or DECISION");
        }
        if (wantedStatus != null && !ALL_STATUSES.contains(wantedStatus)) {
            problems.add("status", "must be one of " + String.join(", ", new java.util.TreeSet<>(ALL_STATUSES)));
        }
        text("text", text, MAXIMUM_TITLE, problems);
        problems.throwIfAny();
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return query(access, wantedType, wantedStatus, owner, text);
    }

    /** The entries for the page and the export (caller checked access and the filters). */
    List<RaidEntry> query(ProjectAccess access, String type, String status, Long owner, String text) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        params.put("project", access.projectId());
        if (type != null) {
            sql.append(" and e.type = :type");
            params.put("type", type);
        }
        if (status != null) {
            sql.append(" and e.status = :status");
            params.put("status", status);
        }
        if (owner != null) {
            sql.append(" and e.owner_id = :owner");
            params.put("owner", owner);
        }
        if (text != null && !text.isBlank()) {
            sql.append(" and (e.title ilike :text or e.description ilike :text)");
            params.put(
                    "text",
                    "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by e.id desc");
        return jdbc.sql(sql.toString()).params(params).query(RaidService::entry).list();
    }

    @Transactional(readOnly = true)
    public RaidEntry get(CurrentUser user, String projectRef, long entryId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return find(access, entryId);
    }

    /** Adds an entry (owners, managers, members). Every invalid field is reported at once; nothing is written. */
    @Transactional
    public RaidEntry create(CurrentUser user, String projectRef, NewRaidEntry body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String type = upper(body.type());
        if (type == null) {
            problems.add("type", "is required: ASSUMPTION, ISSUE, DEPENDENCY or DECISION");
        } else if (!TYPES.contains(type)) {
            problems.add("type", "must be ASSUMPTION, ISSUE, DEPENDENCY or DECISION");
        }
        String title = body.title() == null ? "" : body.title().strip();
        if (title.isEmpty()) {
            problems.add("title", "is required");
        }
        String status = upper(body.status());
        if (status == null && type != null && TYPES.contains(type)) {
            status = STATUSES.get(type).get(0);
        }
        LocalDate closedOn = body.closedOn();
        if (closedOn == null && status != null && CLOSED.contains(status)) {
            closedOn = LocalDate.now();
        }
        LocalDate decidedOn = body.decidedOn();
        if (decidedOn == null && "DECIDED".equals(status)) {
            decidedOn = LocalDate.now();
        }
        Fields fields = new Fields(
                type,
                title,
                orEmpty(body.description()),
                body.ownerId(),
                status,
                body.raisedOn() == null ? LocalDate.now() : body.raisedOn(),
                body.dueOn(),
                closedOn,
                body.decidedById(),
                decidedOn,
                orEmpty(body.rationale()),
                body.riskId(),
                body.taskIds() == null ? List.of() : body.taskIds(),
                body.linkedEntryIds() == null ? List.of() : body.linkedEntryIds());
        validate(access, fields, null, problems);
        problems.throwIfAny();
        long id = insert(access, fields, user.id(), null);
        return find(access, id);
    }

    /**
     * Changes an entry (owners, managers, members). A stale version is a 409 carrying the entry as it is
     * now; every invalid field is reported at once and nothing is written. Moving to a closing status sets
     * closedOn to today unless it is given; reopening clears it.
     */
    @Transactional
    public RaidEntry update(CurrentUser user, String projectRef, long entryId, RaidEntryChanges changes) {
        ProjectAccess access = projects.access(user, projectRef);
        RaidEntry current = find(access, entryId);
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
                        "may name ownerId, dueOn, closedOn, decidedById, decidedOn or riskId, not '" + field + "'");
            }
        }
        String title =
                changes.title() == null ? current.title() : changes.title().strip();
        if (title.isEmpty()) {
            problems.add("title", "must not be empty");
        }
        String status = changes.status() == null ? current.status() : upper(changes.status());
        LocalDate closedOn;
        if (clear.contains("closedOn")) {
            closedOn = null;
        } else if (changes.closedOn() != null) {
            closedOn = changes.closedOn();
        } else if (status != null && CLOSED.contains(status)) {
            closedOn = current.closedOn() == null ? LocalDate.now() : current.closedOn();
        } else {
            closedOn = null;
        }
        LocalDate decidedOn;
        if (clear.contains("decidedOn")) {
            decidedOn = null;
        } else if (changes.decidedOn() != null) {
            decidedOn = changes.decidedOn();
        } else if (current.decidedOn() == null && "DECIDED".equals(status) && !"DECIDED".equals(current.status())) {
            decidedOn = LocalDate.now();
        } else {
            decidedOn = current.decidedOn();
        }
        Fields fields = new Fields(
                current.type(),
                title,
                changes.description() == null
                        ? current.description()
                        : changes.description().strip(),
                clear.contains("ownerId") ? null : changes.ownerId() == null ? current.ownerId() : changes.ownerId(),
                status,
                changes.raisedOn() == null ? current.raisedOn() : changes.raisedOn(),
                clear.contains("dueOn") ? null : changes.dueOn() == null ? current.dueOn() : changes.dueOn(),
                closedOn,
                clear.contains("decidedById")
                        ? null
                        : changes.decidedById() == null ? current.decidedById() : changes.decidedById(),
                decidedOn,
                changes.rationale() == null
                        ? current.rationale()
                        : changes.rationale().strip(),
                clear.contains("riskId") ? null : changes.riskId() == null ? current.riskId() : changes.riskId(),
                changes.taskIds() == null ? current.taskIds() : changes.taskIds(),
                changes.linkedEntryIds() == null ? current.linkedEntryIds() : changes.linkedEntryIds());
        validate(access, fields, current, problems);
        problems.throwIfAny();
        Map<String, Object> columns = columns(fields);
        int updated = jdbc.sql("""
                update raid_entry set title = :title, description = :description, owner_id = :owner,
                status = :status, raised_on = :raisedOn, due_on = :dueOn, closed_on = :closedOn,
                decided_by = :decidedBy, decided_on = :decidedOn, rationale = :rationale, risk_id = :risk,
                updated_at = now(), version = version + 1
                where id = :id and project_id = :project and version = :version
                """)
                .params(columns)
                .param("id", entryId)
                .param("project", access.projectId())
                .param("version", changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("RAID entry " + entryId, find(access, entryId));
        }
        if (changes.taskIds() != null) {
            jdbc.sql("delete from raid_entry_task where entry_id = :id")
                    .param("id", entryId)
                    .update();
            linkTasks(access, entryId, fields.taskIds());
        }
        if (changes.linkedEntryIds() != null) {
            jdbc.sql("delete from raid_entry_link where entry_id = :id or linked_entry_id = :id")
                    .param("id", entryId)
                    .update();
            linkEntries(access, entryId, fields.linkedEntryIds());
        }
        return find(access, entryId);
    }

    /** Removes an entry (owners and managers); its links to other entries go with it. */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long entryId) {
        ProjectAccess access = projects.access(user, projectRef);
        find(access, entryId);
        access.require(Permission.MANAGE_TASKS);
        jdbc.sql("delete from raid_entry where id = :id and project_id = :project")
                .param("id", entryId)
                .param("project", access.projectId())
                .update();
    }

    /**
     * A risk occurred: closes it as OCCURRED (version checked: 409 with the risk as it is now) and raises an
     * issue linked to it, with its owner, its tasks and what its event and effect said. Owners, managers
     * and members, as editing a risk.
     */
    @Transactional
    public RaidEntry riskOccurred(CurrentUser user, String projectRef, long riskId, RiskOccurred body) {
        ProjectAccess access = projects.access(user, projectRef);
        Risk risk = risks.find(access, riskId);
        access.require(Permission.EDIT_TASKS);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body == null || body.version() == null) {
            problems.add("version", "is required: send the version of the risk you last read");
        }
        if (body != null && body.version() != null && body.version() != risk.version()) {
            throw new StaleVersion("Risk " + riskId, risk);
        }
        if ("OCCURRED".equals(risk.status())) {
            problems.add("status", "the risk has already occurred: see the issue linked to it");
        }
        String title;
        if (body == null || body.title() == null || body.title().isBlank()) {
            String named = "Occurred: " + risk.title();
            title = named.length() > MAXIMUM_TITLE ? named.substring(0, MAXIMUM_TITLE) : named;
        } else {
            title = body.title().strip();
        }
        text("title", title, MAXIMUM_TITLE, problems);
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update risk set status = 'OCCURRED', updated_at = now(), version = version + 1
                where id = :id and project_id = :project and version = :version
                """)
                .param("id", riskId)
                .param("project", access.projectId())
                .param("version", body.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Risk " + riskId, risks.find(access, riskId));
        }
        StringBuilder description = new StringBuilder();
        if (!risk.event().isBlank()) {
            description.append(risk.event().strip());
        }
        if (!risk.effect().isBlank()) {
            description
                    .append(description.isEmpty() ? "" : "\n")
                    .append("Effect: ")
                    .append(risk.effect().strip());
        }
        String text =
                description.length() > MAXIMUM_TEXT ? description.substring(0, MAXIMUM_TEXT) : description.toString();
        Fields fields = new Fields(
                "ISSUE",
                title,
                text,
                risk.ownerId(),
                "OPEN",
                LocalDate.now(),
                null,
                null,
                null,
                null,
                "",
                riskId,
                risk.taskIds(),
                List.of());
        long id = insert(access, fields, user.id(), null);
        return find(access, id);
    }

    /**
     * Records a change board's decision as a DECIDED decision entry (called in the decision's transaction,
     * which checked the decider's right): what was decided, by whom, on which day, and why.
     */
    void recordChangeDecision(
            long projectId,
            long changeRequestId,
            String title,
            String state,
            String reason,
            String note,
            Long decidedBy) {
        String verb =
                switch (state) {
                    case "APPROVED" -> "Approved";
                    case "REJECTED" -> "Rejected";
                    default -> "Deferred";
                };
        String what = verb + " change request #" + changeRequestId + ": " + title;
        StringBuilder rationale = new StringBuilder();
        if (note != null && !note.isBlank()) {
            rationale.append(note.strip());
        }
        if (reason != null && !reason.isBlank()) {
            rationale
                    .append(rationale.isEmpty() ? "" : "\n")
                    .append("Reason for the request: ")
                    .append(reason.strip());
        }
        jdbc.sql("""
                insert into raid_entry (project_id, type, title, description, owner_id, status, closed_on,
                decided_by, decided_on, rationale, change_request_id, created_by)
                values (:project, 'DECISION', :title, :description, :decider, 'DECIDED', current_date,
                :decider, current_date, :rationale, :request, :decider)
                """)
                .param("project", projectId)
                .param("title", what.length() > MAXIMUM_TITLE ? what.substring(0, MAXIMUM_TITLE) : what)
                .param(
                        "description",
                        "The change board " + verb.toLowerCase(Locale.ROOT) + " change request #" + changeRequestId
                                + " (" + title + ").")
                .param("decider", decidedBy)
                .param(
                        "rationale",
                        rationale.length() > MAXIMUM_TEXT ? rationale.substring(0, MAXIMUM_TEXT) : rationale.toString())
                .param("request", changeRequestId)
                .update();
    }

    // ----- validation and storage -----

    private record Fields(
            String type,
            String title,
            String description,
            Long ownerId,
            String status,
            LocalDate raisedOn,
            LocalDate dueOn,
            LocalDate closedOn,
            Long decidedById,
            LocalDate decidedOn,
            String rationale,
            Long riskId,
            List<Long> taskIds,
            List<Long> linkedEntryIds) {}

    private void validate(ProjectAccess access, Fields fields, RaidEntry current, InvalidInput.Collector problems) {
        text("title", fields.title(), MAXIMUM_TITLE, problems);
        text("description", fields.description(), MAXIMUM_TEXT, problems);
        text("rationale", fields.rationale(), MAXIMUM_TEXT, problems);
        if (fields.type() != null && TYPES.contains(fields.type())) {
            List<String> allowed = STATUSES.get(fields.type());
            if (fields.status() == null || !allowed.contains(fields.status())) {
                problems.add(
                        "status",
                        "for " + article(fields.type()) + " must be " + String.join(", ", allowed.subList(0, 2))
                                + " or " + allowed.get(2));
            }
        }
        PlanDates.check("raisedOn", fields.raisedOn(), problems);
        PlanDates.check("dueOn", fields.dueOn(), problems);
        PlanDates.check("closedOn", fields.closedOn(), problems);
        PlanDates.check("decidedOn", fields.decidedOn(), problems);
        boolean ownerKept = current != null && Objects.equals(current.ownerId(), fields.ownerId());
        if (fields.ownerId() != null && !ownerKept && !member(access, fields.ownerId())) {
            problems.add("ownerId", "must be a member of project " + access.key());
        }
        boolean deciderKept = current != null && Objects.equals(current.decidedById(), fields.decidedById());
        if (fields.decidedById() != null && !deciderKept && !member(access, fields.decidedById())) {
            problems.add("decidedById", "must be a member of project " + access.key());
        }
        boolean riskKept = current != null && Objects.equals(current.riskId(), fields.riskId());
        if (fields.riskId() != null && !riskKept && count("risk", access, Set.of(fields.riskId())) != 1) {
            problems.add("riskId", "must be a risk of project " + access.key());
        }
        ids("taskIds", fields.taskIds(), "task", "tasks", access, problems);
        if (ids("linkedEntryIds", fields.linkedEntryIds(), "raid_entry", "entries of the RAID log", access, problems)
                && current != null
                && fields.linkedEntryIds().contains(current.id())) {
            problems.add("linkedEntryIds", "must not name the entry itself");
        }
    }

    /** True when the list is well formed and every id is a row of the project. */
    private boolean ids(
            String field,
            List<Long> ids,
            String table,
            String what,
            ProjectAccess access,
            InvalidInput.Collector problems) {
        if (ids.size() > MAXIMUM_LINKS) {
            problems.add(field, "may name at most " + MAXIMUM_LINKS + " " + what);
            return false;
        }
        if (ids.stream().anyMatch(Objects::isNull)) {
            problems.add(field, "must not contain null");
            return false;
        }
        Set<Long> distinct = new LinkedHashSet<>(ids);
        if (!distinct.isEmpty() && count(table, access, distinct) != distinct.size()) {
            problems.add(field, "must all be " + what + " of project " + access.key());
            return false;
        }
        return true;
    }

    private long count(String table, ProjectAccess access, Set<Long> ids) {
        return jdbc.sql("select count(*) from " + table + " where project_id = :project and id in (:ids)")
                .param("project", access.projectId())
                .param("ids", ids)
                .query(Long.class)
                .single();
    }

    private long insert(ProjectAccess access, Fields fields, Long createdBy, Long changeRequestId) {
        long id = jdbc.sql("""
                insert into raid_entry (project_id, type, title, description, owner_id, status, raised_on,
                due_on, closed_on, decided_by, decided_on, rationale, risk_id, change_request_id, created_by)
                values (:project, :type, :title, :description, :owner, :status, :raisedOn, :dueOn,
                :closedOn, :decidedBy, :decidedOn, :rationale, :risk, :request, :user) returning id
                """)
                .param("project", access.projectId())
                .param("type", fields.type())
                .params(columns(fields))
                .param("request", changeRequestId)
                .param("user", createdBy)
                .query(Long.class)
                .single();
        linkTasks(access, id, fields.taskIds());
        linkEntries(access, id, fields.linkedEntryIds());
        return id;
    }

    private static Map<String, Object> columns(Fields fields) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("title", fields.title());
        columns.put("description", fields.description());
        columns.put("owner", fields.ownerId());
        columns.put("status", fields.status());
        columns.put("raisedOn", fields.raisedOn());
        columns.put("dueOn", fields.dueOn());
        columns.put("closedOn", fields.closedOn());
        columns.put("decidedBy", fields.decidedById());
        columns.put("decidedOn", fields.decidedOn());
        columns.put("rationale", fields.rationale());
        columns.put("risk", fields.riskId());
        return columns;
    }

    private void linkTasks(ProjectAccess access, long entryId, List<Long> taskIds) {
        for (Long taskId : new LinkedHashSet<>(taskIds)) {
            jdbc.sql("insert into raid_entry_task (entry_id, task_id, project_id) values (:entry, :task, :project)")
                    .param("entry", entryId)
                    .param("task", taskId)
                    .param("project", access.projectId())
                    .update();
        }
    }

    private void linkEntries(ProjectAccess access, long entryId, List<Long> linkedIds) {
        for (Long other : new LinkedHashSet<>(linkedIds)) {
            if (other == entryId) {
                continue;
            }
            jdbc.sql("""
                    insert into raid_entry_link (entry_id, linked_entry_id, project_id)
                    values (:low, :high, :project) on conflict do nothing
                    """)
                    .param("low", Math.min(entryId, other))
                    .param("high", Math.max(entryId, other))
                    .param("project", access.projectId())
                    .update();
        }
    }

    private boolean member(ProjectAccess access, long userId) {
        return jdbc.sql("select count(*) from project_member where project_id = :project and user_id = :user")
                        .param("project", access.projectId())
                        .param("user", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    RaidEntry find(ProjectAccess access, long entryId) {
        return jdbc.sql(SELECT + " and e.id = :id")
                .param("project", access.projectId())
                .param("id", entryId)
                .query(RaidService::entry)
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no RAID entry " + entryId + "."));
    }

    private static String article(String type) {
        return ("ASSUMPTION".equals(type) || "ISSUE".equals(type) ? "an " : "a ") + type.toLowerCase(Locale.ROOT);
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

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        if (rs.wasNull()) {
            return null;
        }
        return value;
    }

    private static List<Long> longs(Array array) throws SQLException {
        List<Long> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(((Number) value).longValue());
        }
        return List.copyOf(values);
    }

    private static RaidEntry entry(ResultSet rs, int row) throws SQLException {
        return new RaidEntry(
                rs.getLong("id"),
                rs.getString("type"),
                rs.getString("title"),
                rs.getString("description"),
                nullableLong(rs, "owner_id"),
                rs.getString("owner_name"),
                rs.getString("status"),
                rs.getObject("raised_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                nullableLong(rs, "decided_by"),
                rs.getString("decided_by_name"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("rationale"),
                nullableLong(rs, "risk_id"),
                nullableLong(rs, "change_request_id"),
                longs(rs.getArray("task_ids")),
                longs(rs.getArray("linked_ids")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }
}
