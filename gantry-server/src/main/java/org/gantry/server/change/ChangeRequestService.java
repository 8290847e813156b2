package org.gantry.server.change;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.ProjectNetwork;
import org.gantry.server.collaboration.ActivityService;
import org.gantry.server.cost.EarnedValueService;
import org.gantry.server.cost.PlannedCosts;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectLock;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.RescheduleOnce;
import org.gantry.server.resource.Assignment;
import org.gantry.server.resource.AssignmentChanges;
import org.gantry.server.resource.AssignmentService;
import org.gantry.server.resource.NewAssignment;
import org.gantry.server.resource.Resource;
import org.gantry.server.resource.ResourceService;
import org.gantry.server.schedule.BaselineRequest;
import org.gantry.server.schedule.ProjectScheduler;
import org.gantry.server.schedule.ScheduleService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.task.DurationText;
import org.gantry.server.task.Link;
import org.gantry.server.task.LinkService;
import org.gantry.server.task.LinkType;
import org.gantry.server.task.NewLink;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change requests of a project. Everyone who sees the project reads them and their impact; owners, managers
 * and members draft and submit them (anyone on the team may propose a change); owners and managers decide
 * (approve, reject, defer) and may delete any request that is not approved, its author may delete their own
 * draft. Approved requests stay: they are the change log.
 *
 * <p>Conflict rule on approval: the approver approves the impact they saw. The impact carries the plan
 * version it was computed on ({@link ProjectScheduler#planVersion}: a digest of the versions of the
 * project, its tasks, links and assignments); approving compares it (sent by the approver, else the one
 * recorded when the request was submitted) with the plan as it is now, under the project's lock, and refuses
 * any difference with 409 and the impact recomputed on the current plan, applying nothing. So a task that
 * was edited, moved by the scheduler or deleted since, or any other edit of the plan, means "look again".
 */
@Service
public class ChangeRequestService {
    static final Set<String> STATES = Set.of("DRAFT", "SUBMITTED", "APPROVED", "REJECTED", "DEFERRED");
    private static final int MAXIMUM_TITLE = 200;
    private static final int MAXIMUM_TEXT = 4000;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<ProposedEdit>> EDITS = new TypeReference<>() {};

    private static final String SELECT = """
        select c.*, d.name as decided_by_name, a.name as created_by_name
        from change_request c left join app_user d on d.id = c.decided_by
        left join app_user a on a.id = c.created_by where c.project_id = :project
        """;

    private final JdbcClient jdbc;
    private final ProjectLock projectLock;
    private final ProjectService projects;
    private final ProjectScheduler scheduler;
    private final ScheduleService schedule;
    private final TaskService tasks;
    private final LinkService links;
    private final ActivityService activity;
    private final PlannedCosts plannedCosts;
    private final EarnedValueService earnedValue;
    private final ResourceService resources;
    private final AssignmentService assignments;
    private final ApplicationEventPublisher events;
    private final RescheduleOnce once;

    ChangeRequestService(
            JdbcClient jdbc,
            ProjectService projects,
            ProjectScheduler scheduler,
            ScheduleService schedule,
            TaskService tasks,
            LinkService links,
            ActivityService activity,
            PlannedCosts plannedCosts,
            EarnedValueService earnedValue,
            ResourceService resources,
            AssignmentService assignments,
            ApplicationEventPublisher events,
            ProjectLock projectLock,
            RescheduleOnce once) {
        this.jdbc = jdbc;
        this.projectLock = projectLock;
        this.projects = projects;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.tasks = tasks;
        this.links = links;
        this.activity = activity;
        this.plannedCosts = plannedCosts;
        this.earnedValue = earnedValue;
        this.resources = resources;
        this.assignments = assignments;
        this.events = events;
        this.once = once;
    }

    /** The project's change requests, newest first; {@code state} APPROVED gives the change log. */
    @Transactional(readOnly = true)
    public List<ChangeRequest> list(CurrentUser user, String projectRef, String state) {
        String wanted = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATES.contains(wanted)) {
            throw new InvalidInput("state", "must be DRAFT, SUBMITTED, APPROVED, REJECTED or DEFERRED");
        }
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        String order = "APPROVED".equals(wanted) ? " order by c.decided_at desc, c.id desc" : " order by c.id desc";
        var statement = jdbc.sql(SELECT + (wanted == null ? "" : " and c.state = :state") + order)
                .param("project", access.projectId());
        if (wanted != null) {
            statement = statement.param("state", wanted);
        }
        return statement.query(ChangeRequestService::changeRequest).list().stream()
                .map(request -> visible(access, request))
                .toList();
    }

    @Transactional(readOnly = true)
    public ChangeRequest get(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return visible(access, find(access, id));
    }

    @Transactional
    public ChangeRequest create(CurrentUser user, String projectRef, NewChangeRequest body) {
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
        text("description", body.description(), MAXIMUM_TEXT, problems);
        text("reason", body.reason(), MAXIMUM_TEXT, problems);
        text("requestedBy", body.requestedBy(), MAXIMUM_TITLE, problems);
        List<ProposedEdit> edits = ProposedEdits.normalise(access, body.edits(), problems);
        problems.throwIfAny();
        requireMoneyRights(access, edits);
        checkAgainstPlan(user, access, edits);
        String requestedBy = body.requestedBy() == null || body.requestedBy().isBlank()
                ? user.name()
                : body.requestedBy().strip();
        long id = jdbc.sql("""
                insert into change_request (project_id, title, description, reason, requested_by, edits,
                created_by) values (:project, :title, :description, :reason, :requestedBy,
                cast(:edits as jsonb), :user) returning id
                """)
                .param("project", access.projectId())
                .param("title", title)
                .param("description", orEmpty(body.description()))
                .param("reason", orEmpty(body.reason()))
                .param("requestedBy", requestedBy)
                .param("edits", JSON.writeValueAsString(edits))
                .param("user", user.id())
                .query(Long.class)
                .single();
        return visible(access, find(access, id));
    }

    /** Changes a draft; version required (409 with the current request when stale, or when no longer a draft). */
    @Transactional
    public ChangeRequest update(CurrentUser user, String projectRef, long id, ChangeRequestChanges body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        ChangeRequest current = find(access, id);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String title = body.title() == null ? current.title() : body.title().strip();
        if (title.isEmpty()) {
            problems.add("title", "must not be empty");
        }
        text("title", title, MAXIMUM_TITLE, problems);
        text("description", body.description(), MAXIMUM_TEXT, problems);
        text("reason", body.reason(), MAXIMUM_TEXT, problems);
        text("requestedBy", body.requestedBy(), MAXIMUM_TITLE, problems);
        List<ProposedEdit> edits =
                body.edits() == null ? current.edits() : ProposedEdits.normalise(access, body.edits(), problems);
        problems.throwIfAny();
        requireState(access, current, "change", "DRAFT");
        if (body.edits() != null) {
            requireMoneyRights(access, edits);
            checkAgainstPlan(user, access, edits);
        }
        int updated = jdbc.sql("""
                update change_request set title = :title, description = :description, reason = :reason,
                requested_by = :requestedBy, edits = cast(:edits as jsonb), updated_at = now(),
                version = version + 1 where id = :id and project_id = :project and version = :version
                and state = 'DRAFT'
                """)
                .param("title", title)
                .param(
                        "description",
                        body.description() == null
                                ? current.description()
                                : body.description().strip())
                .param(
                        "reason",
                        body.reason() == null ? current.reason() : body.reason().strip())
                .param(
                        "requestedBy",
                        body.requestedBy() == null
                                ? current.requestedBy()
                                : body.requestedBy().strip())
                .param("edits", JSON.writeValueAsString(edits))
                .param("id", id)
                .param("project", access.projectId())
                .param("version", body.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Change request " + id, visible(access, find(access, id)));
        }
        return visible(access, find(access, id));
    }

    /** Owners and managers delete any request but an approved one; its author deletes their own draft. */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        ChangeRequest current = find(access, id);
        boolean ownDraft =
                "DRAFT".equals(current.state()) && current.createdById() != null && current.createdById() == user.id();
        if (!ownDraft) {
            access.require(Permission.DECIDE_CHANGES);
        }
        if ("APPROVED".equals(current.state())) {
            throw new Conflict(
                    "Change request approved",
                    "Change request " + id + " was approved and belongs to the change log; it cannot be deleted.");
        }
        jdbc.sql("delete from change_request where id = :id and project_id = :project")
                .param("id", id)
                .param("project", access.projectId())
                .update();
    }

    /** The impact on the plan as it is now (not for an approved request: its edits are in the plan already). */
    @Transactional(readOnly = true)
    public ChangeImpact impact(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        ChangeRequest request = find(access, id);
        if ("APPROVED".equals(request.state())) {
            throw new Conflict(
                    "Change request approved",
                    "Change request " + id + " was applied to the plan on approval; its impact then is in the change"
                            + " log (GET .../change-requests?state=APPROVED).",
                    request.impact() == null ? Map.of() : Map.of("impact", request.impact()));
        }
        return compute(user, access, request.edits());
    }

    /** Sends a draft to the change board: the edits must still apply; the impact is recorded. */
    @Transactional
    public ChangeRequest submit(CurrentUser user, String projectRef, long id, ChangeDecision body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        ChangeDecision decision = decision(body);
        ChangeRequest current = find(access, id);
        checkVersion(access, current, decision);
        requireState(access, current, "submit", "DRAFT");
        if (current.edits().isEmpty()) {
            throw new InvalidInput("edits", "must propose at least one change to the plan before it is submitted");
        }
        ChangeImpact impact = compute(user, access, current.edits());
        transition(access, current, "SUBMITTED", null, impact, null);
        return visible(access, find(access, id));
    }

    @Transactional
    public ChangeRequest reject(CurrentUser user, String projectRef, long id, ChangeDecision body) {
        return decide(user, projectRef, id, body, "REJECTED", "reject", "SUBMITTED", "DEFERRED");
    }

    @Transactional
    public ChangeRequest defer(CurrentUser user, String projectRef, long id, ChangeDecision body) {
        return decide(user, projectRef, id, body, "DEFERRED", "defer", "SUBMITTED");
    }

    private ChangeRequest decide(
            CurrentUser user,
            String projectRef,
            long id,
            ChangeDecision body,
            String state,
            String verb,
            String... from) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.DECIDE_CHANGES);
        ChangeDecision decision = decision(body);
        ChangeRequest current = find(access, id);
        checkVersion(access, current, decision);
        requireState(access, current, verb, from);
        transition(access, current, state, decision.note(), null, user);
        return visible(access, find(access, id));
    }

    /**
     * Applies the edits to the plan through the task services, in this one transaction, when the plan is
     * still at the version the impact was computed on (see the class comment); optionally saves a baseline.
     */
    @Transactional
    public ChangeRequest approve(CurrentUser user, String projectRef, long id, ChangeDecision body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.DECIDE_CHANGES);
        ChangeDecision decision = decision(body);
        if (decision.baselineSlot() != null && (decision.baselineSlot() < 0 || decision.baselineSlot() > 10)) {
            throw new InvalidInput("baselineSlot", "must be between 0 and 10");
        }
        ChangeRequest current = find(access, id);
        checkVersion(access, current, decision);
        requireState(access, current, "approve", "SUBMITTED", "DEFERRED");
        // The same lock as every structural edit and reschedule: nobody changes the plan between the
        // comparison below and the last edit applied.
        projectLock.lock(access.projectId());
        String seen = decision.planVersion() != null
                ? decision.planVersion()
                : current.impact() == null ? null : current.impact().planVersion();
        ChangeImpact impact = compute(user, access, current.edits());
        if (seen == null || !seen.equals(impact.planVersion())) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("impact", impact);
            properties.put("planVersion", impact.planVersion());
            throw new Conflict(
                    "Plan changed",
                    "The plan of project " + access.key() + " changed since the impact of change request " + id
                            + " was computed; nothing was applied. Here is the impact on the plan as it is now:"
                            + " check it and approve again with its planVersion.",
                    properties);
        }
        // Every edit is an ordinary edit of the plan, but the project is rescheduled once, after the last.
        once.afterAll(access.projectId(), () -> apply(user, access, current.edits()));
        if (decision.baselineSlot() != null) {
            schedule.setBaseline(user, access.key(), decision.baselineSlot(), new BaselineRequest(null));
        }
        transition(access, current, "APPROVED", decision.note(), impact, user);
        if (decision.baselineSlot() != null) {
            jdbc.sql("update change_request set baseline_slot = ? where id = ?")
                    .params(decision.baselineSlot(), id)
                    .update();
        }
        return visible(access, find(access, id));
    }

    private void apply(CurrentUser user, ProjectAccess access, List<ProposedEdit> edits) {
        String key = access.key();
        for (ProposedEdit edit : edits) {
            switch (edit.type()) {
                case "ADD_TASK" -> {
                    Task task = tasks.create(
                            user,
                            key,
                            new NewTask(
                                    edit.name(),
                                    null,
                                    edit.parentId(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    edit.durationMinutes(),
                                    durationUnit(edit.duration()),
                                    null,
                                    null,
                                    null,
                                    null));
                    for (Long predecessor : list(edit.predecessorIds())) {
                        links.create(
                                user, key, new NewLink(predecessor, task.id(), LinkType.FINISH_START, null, 0L, null));
                    }
                    for (Long successor : list(edit.successorIds())) {
                        links.create(
                                user, key, new NewLink(task.id(), successor, LinkType.FINISH_START, null, 0L, null));
                    }
                }
                case "REMOVE_TASK" -> tasks.delete(user, key, edit.taskId(), null);
                case "CHANGE_DURATION" -> {
                    Task task = tasks.get(user, key, edit.taskId()).task();
                    tasks.update(
                            user,
                            key,
                            edit.taskId(),
                            new TaskChanges(
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    edit.durationMinutes(),
                                    durationUnit(edit.duration()),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    task.version()));
                }
                case "ADD_LINK" ->
                    links.create(
                            user,
                            key,
                            new NewLink(
                                    edit.predecessorId(),
                                    edit.successorId(),
                                    edit.linkType() == null ? LinkType.FINISH_START : LinkType.of(edit.linkType()),
                                    null,
                                    edit.lagMinutes() == null ? 0L : edit.lagMinutes(),
                                    durationUnit(edit.lag())));
                case "REMOVE_LINK" -> {
                    Link link = links.list(user, key, edit.successorId(), 0, 5000).items().stream()
                            .filter(l ->
                                    l.predecessorId() == edit.predecessorId() && l.successorId() == edit.successorId())
                            .findFirst()
                            .orElseThrow(() -> new Conflict(
                                    "Plan changed",
                                    "The link to remove is no longer in the plan; nothing was applied."));
                    links.delete(user, key, link.id());
                }
                case "ADD_ASSIGNMENT" ->
                    assignments.assign(
                            user,
                            key,
                            edit.taskId(),
                            new NewAssignment(edit.resourceId(), edit.units(), edit.workHours()));
                case "REMOVE_ASSIGNMENT" -> {
                    Assignment assignment = assignmentOf(user, key, edit);
                    assignments.delete(user, key, edit.taskId(), assignment.id(), assignment.version());
                }
                case "CHANGE_ASSIGNMENT" -> {
                    Assignment assignment = assignmentOf(user, key, edit);
                    assignments.update(
                            user,
                            key,
                            edit.taskId(),
                            assignment.id(),
                            new AssignmentChanges(edit.units(), edit.workHours(), assignment.version()));
                }
                case "CHANGE_FIXED_COST" -> {
                    Task task = tasks.get(user, key, edit.taskId()).task();
                    tasks.update(
                            user,
                            key,
                            edit.taskId(),
                            TaskChanges.fixedCost(edit.fixedCost(), edit.fixedCostAccrual(), task.version()));
                }
                default -> throw new IllegalStateException("unchecked edit type " + edit.type());
            }
        }
    }

    /** The resource's assignment on the task the edit names (the plan version check has kept it there). */
    private Assignment assignmentOf(CurrentUser user, String key, ProposedEdit edit) {
        return resources.forTask(user, key, edit.taskId()).stream()
                .filter(assignment -> assignment.resourceId() == edit.resourceId())
                .findFirst()
                .orElseThrow(() -> new Conflict(
                        "Plan changed", "The assignment to change is no longer in the plan; nothing was applied."));
    }

    private static org.gantry.server.task.DurationUnit durationUnit(String text) {
        if (text == null) {
            return org.gantry.server.task.DurationUnit.DAYS;
        }
        try {
            return DurationText.parse(text, 480, 2400).unit();
        } catch (RuntimeException e) {
            return org.gantry.server.task.DurationUnit.DAYS;
        }
    }

    private void transition(
            ProjectAccess access,
            ChangeRequest current,
            String state,
            String note,
            ChangeImpact impact,
            CurrentUser decider) {
        var statement = jdbc.sql("update change_request set state = :state, updated_at = now(), version = version + 1"
                        + (decider == null ? "" : ", decision_note = :note, decided_by = :decider, decided_at = now()")
                        + (impact == null
                                ? ""
                                : ", impact_plan_version = :planVersion, impact_computed_at = now(),"
                                        + " impact_finish_before = :finishBefore, impact_finish_after = :finishAfter,"
                                        + " impact_finish_delta_days = :delta, impact_moved_tasks = :moved,"
                                        + " impact_added_tasks = :added, impact_removed_tasks = :removed")
                        + " where id = :id and project_id = :project and version = :version")
                .param("state", state)
                .param("id", current.id())
                .param("project", access.projectId())
                .param("version", current.version());
        if (decider != null) {
            statement = statement.param("note", orEmpty(note)).param("decider", decider.id());
        }
        if (impact != null) {
            statement = statement
                    .param("planVersion", impact.planVersion())
                    .param("finishBefore", impact.finishBefore())
                    .param("finishAfter", impact.finishAfter())
                    .param("delta", impact.finishDeltaWorkingDays())
                    .param("moved", impact.movedTasks().size())
                    .param("added", impact.addedTasks().size())
                    .param("removed", impact.removedTasks().size());
        }
        if (statement.update() == 0) {
            throw new StaleVersion("Change request " + current.id(), visible(access, find(access, current.id())));
        }
        if (decider != null) {
            Map<String, List<Object>> changes = new LinkedHashMap<>();
            changes.put("state", Arrays.asList(current.state(), state));
            if (note != null && !note.isBlank()) {
                changes.put("decision_note", Arrays.asList(null, note.strip()));
            }
            if (impact != null) {
                changes.put(
                        "finish",
                        Arrays.asList(String.valueOf(impact.finishBefore()), String.valueOf(impact.finishAfter())));
            }
            activity.record(
                    access.projectId(), "change request", String.valueOf(current.id()), current.title(), changes);
            events.publishEvent(new ChangeRequestDecided(
                    access.projectId(), current.id(), current.title(), state, current.reason(), note, decider.id()));
        }
    }

    private ChangeImpact compute(CurrentUser user, ProjectAccess access, List<ProposedEdit> edits) {
        ProjectNetwork network = scheduler.network(access.projectId());
        if (network == null) {
            throw new Conflict(
                    "No tasks", "Project " + access.key() + " has no tasks yet: there is no plan to change.");
        }
        // Costs come from rates, which only owners and managers see.
        WhatIf.Money money = null;
        if (access.can(Permission.SEE_COSTS)) {
            money = new WhatIf.Money(
                    plannedCosts.taskCosts(access.projectId(), access.minutesPerDay(), access.minutesPerWeek()),
                    proposal -> plannedCosts.taskCosts(
                            access.projectId(), access.minutesPerDay(), access.minutesPerWeek(), proposal),
                    earnedValue.totalsOrNull(user, access.key(), 0));
        }
        return WhatIf.impact(network, staffing(user, access), edits, scheduler.planVersion(access.projectId()), money);
    }

    /** The project's assignments (materials too) and resources, as the what-if starts from them. */
    private WhatIf.Staffing staffing(CurrentUser user, ProjectAccess access) {
        Map<Long, List<WhatIf.Work>> byTask = new java.util.HashMap<>();
        for (Assignment assignment : resources.forProject(user, access.key())) {
            byTask.computeIfAbsent(assignment.taskId(), task -> new ArrayList<>())
                    .add(new WhatIf.Work(
                            assignment.resourceId(),
                            "WORK".equals(assignment.resourceKind()),
                            assignment.units(),
                            assignment.workMinutes(),
                            assignment.actualWorkMinutes()));
        }
        Map<Long, Boolean> people = new java.util.HashMap<>();
        for (Resource resource : resources.all(user, access.key())) {
            people.put(resource.id(), "WORK".equals(resource.kind()));
        }
        return new WhatIf.Staffing(byTask, people, assignments.effortDrivenTasks(user, access.key()));
    }

    /** The edits must name tasks and links the plan has and leave it schedulable (400 naming the edit). */
    private void checkAgainstPlan(CurrentUser user, ProjectAccess access, List<ProposedEdit> edits) {
        if (edits.isEmpty()) {
            return;
        }
        ProjectNetwork network = scheduler.network(access.projectId());
        if (network == null) {
            InvalidInput.Collector problems = new InvalidInput.Collector();
            for (int i = 0; i < edits.size(); i++) {
                if (!"ADD_TASK".equals(edits.get(i).type())
                        || !list(edits.get(i).predecessorIds()).isEmpty()
                        || !list(edits.get(i).successorIds()).isEmpty()
                        || edits.get(i).parentId() != null) {
                    problems.add("edits[" + i + "]", "names a task, but project " + access.key() + " has no tasks yet");
                }
            }
            problems.throwIfAny();
            return;
        }
        WhatIf.impact(network, staffing(user, access), edits, null, null);
    }

    /** A fixed cost is money, as rates are: only those who see costs propose one (as only they set one). */
    private static void requireMoneyRights(ProjectAccess access, List<ProposedEdit> edits) {
        if (!access.can(Permission.SEE_COSTS) && edits.stream().anyMatch(edit -> edit.fixedCost() != null)) {
            throw new Forbidden(
                    "Fixed costs are money: only the project's owners and managers propose changes to them.");
        }
    }

    /** The request as the caller may see it: proposed fixed costs only for those who see costs. */
    private static ChangeRequest visible(ProjectAccess access, ChangeRequest request) {
        if (access.can(Permission.SEE_COSTS) || request.edits().stream().allMatch(edit -> edit.fixedCost() == null)) {
            return request;
        }
        List<ProposedEdit> edits = request.edits().stream()
                .map(edit -> edit.fixedCost() == null ? edit : edit.withoutMoney())
                .toList();
        return new ChangeRequest(
                request.id(),
                request.title(),
                request.description(),
                request.reason(),
                request.requestedBy(),
                request.state(),
                edits,
                request.decisionNote(),
                request.decidedById(),
                request.decidedByName(),
                request.decidedAt(),
                request.baselineSlot(),
                request.impact(),
                request.createdById(),
                request.createdByName(),
                request.createdAt(),
                request.updatedAt(),
                request.version());
    }

    private static ChangeDecision decision(ChangeDecision body) {
        ChangeDecision decision = body == null ? new ChangeDecision(null, null, null, null) : body;
        InvalidInput.Collector problems = new InvalidInput.Collector();
        text("note", decision.note(), MAXIMUM_TEXT, problems);
        text("planVersion", decision.planVersion(), 100, problems);
        problems.throwIfAny();
        return decision;
    }

    private void checkVersion(ProjectAccess access, ChangeRequest current, ChangeDecision decision) {
        if (decision.version() != null && decision.version() != current.version()) {
            throw new StaleVersion("Change request " + current.id(), visible(access, current));
        }
    }

    private static void requireState(ProjectAccess access, ChangeRequest current, String verb, String... states) {
        if (!Arrays.asList(states).contains(current.state())) {
            throw new Conflict(
                    "Wrong state",
                    "Change request " + current.id() + " is " + current.state() + "; only a request that is "
                            + String.join(" or ", states) + " can be asked to " + verb + ".",
                    Map.of("current", visible(access, current)));
        }
    }

    private ChangeRequest find(ProjectAccess access, long id) {
        return jdbc.sql(SELECT + " and c.id = :id")
                .param("project", access.projectId())
                .param("id", id)
                .query(ChangeRequestService::changeRequest)
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no change request " + id + "."));
    }

    static void text(String field, String value, int maximum, InvalidInput.Collector problems) {
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

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static ChangeRequest changeRequest(ResultSet rs, int row) throws SQLException {
        long decider = rs.getLong("decided_by");
        Long decidedBy = rs.wasNull() ? null : decider;
        long creator = rs.getLong("created_by");
        Long createdBy = rs.wasNull() ? null : creator;
        int slot = rs.getInt("baseline_slot");
        Integer baselineSlot = rs.wasNull() ? null : slot;
        ChangeRequest.ImpactSummary impact = null;
        if (rs.getString("impact_plan_version") != null) {
            impact = new ChangeRequest.ImpactSummary(
                    rs.getString("impact_plan_version"),
                    instant(rs.getTimestamp("impact_computed_at")),
                    rs.getObject("impact_finish_before", LocalDateTime.class),
                    rs.getObject("impact_finish_after", LocalDateTime.class),
                    plain(rs.getBigDecimal("impact_finish_delta_days")),
                    rs.getInt("impact_moved_tasks"),
                    rs.getInt("impact_added_tasks"),
                    rs.getInt("impact_removed_tasks"));
        }
        return new ChangeRequest(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("reason"),
                rs.getString("requested_by"),
                rs.getString("state"),
                JSON.readValue(rs.getString("edits"), EDITS),
                rs.getString("decision_note"),
                decidedBy,
                rs.getString("decided_by_name"),
                instant(rs.getTimestamp("decided_at")),
                baselineSlot,
                impact,
                createdBy,
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
