package org.gantry.server.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gantry.engine.WorkingTime;
import org.gantry.server.dashboard.Dashboard;
import org.gantry.server.dashboard.DashboardService;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.project.ProjectService;
import org.gantry.server.risk.RaidEntry;
import org.gantry.server.risk.RaidService;
import org.gantry.server.risk.Risk;
import org.gantry.server.risk.RiskService;
import org.gantry.server.schedule.ProjectScheduler;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, edits, publishes and reads status reports. Creating one computes the dashboard at the report
 * date and every section from the plan, the risk register and the RAID log, and stores them as a JSON
 * snapshot: nothing is recomputed when the report is read. Owners and managers create, edit, publish and
 * delete drafts; members read every report, stakeholders the published ones only. A published report
 * takes no change and is not deleted (409): it is what the sponsor was told.
 */
@Service
public class StatusReportService {

    static final List<String> AREAS = List.of("schedule", "cost", "scope", "risk");
    static final List<String> RAGS = List.of("GREEN", "AMBER", "RED", "GREY");
    static final int MAXIMUM_TITLE = 200;
    static final int MAXIMUM_SUMMARY = 5000;
    static final int MAXIMUM_COMMENT = 2000;
    static final int DEFAULT_NEXT_PERIOD_DAYS = 14;
    private static final int LISTED = 50;
    private static final int KEY_RISKS = 5;
    private static final String COSTS_HIDDEN = "Costs are shown to the project's owners and managers.";

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String SELECT = """
        select r.id, r.title, r.summary, r.state, r.status_date, r.baseline_slot,
        r.next_period_days, r.areas::text as areas, r.created_by, c.name as created_by_name, r.created_at,
        r.updated_at, p.name as published_by_name, r.published_at, r.version
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final DashboardService dashboards;
    private final RiskService risks;
    private final RaidService raid;
    private final ProjectScheduler scheduler;
    private final GanttExcerpts gantt;

    StatusReportService(
            JdbcClient jdbc,
            ProjectService projects,
            DashboardService dashboards,
            RiskService risks,
            RaidService raid,
            ProjectScheduler scheduler,
            GanttExcerpts gantt) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.dashboards = dashboards;
        this.risks = risks;
        this.raid = raid;
        this.scheduler = scheduler;
        this.gantt = gantt;
    }

    /** An area's RAG as stored: the computed colour and reason live in the snapshot's dashboard health. */
    record StoredArea(String area, String rag, String comment) {}

    // ----- reading -----

    /** The project's reports, newest report date first; stakeholders see the published ones only. */
    @Transactional(readOnly = true)
    public List<StatusReport.Line> list(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        String sql = "select r.id, r.title, r.state, r.status_date, r.areas::text as areas, r.snapshot #>"
                + " '{dashboard,health}' as health, c.name as created_by_name, r.created_at, r.published_at, r.version"
                + " from status_report r left join app_user c on c.id = r.created_by where r.project_id = ?"
                + (publishedOnly(access) ? " and r.state = 'PUBLISHED'" : "")
                + " order by r.status_date desc, r.id desc";
        return jdbc.sql(sql)
                .param(access.projectId())
                .query((rs, n) -> {
                    List<Dashboard.Health> health =
                            List.of(JSON.readValue(rs.getString("health"), Dashboard.Health[].class));
                    return new StatusReport.Line(
                            rs.getLong("id"),
                            rs.getString("title"),
                            rs.getString("state"),
                            rs.getObject("status_date", LocalDateTime.class),
                            areas(readAreas(rs.getString("areas")), health, access),
                            rs.getString("created_by_name"),
                            instant(rs, "created_at"),
                            instant(rs, "published_at"),
                            rs.getInt("version"));
                })
                .list();
    }

    @Transactional(readOnly = true)
    public StatusReport get(CurrentUser user, String projectRef, long reportId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        StatusReport report = find(access, reportId);
        if (publishedOnly(access) && !report.state().equals("PUBLISHED")) {
            throw new Forbidden(
                    "Stakeholders read published status reports only; report " + reportId + " is still a draft.");
        }
        return report;
    }

    /** A published report as {@code access} may read it (for share links: 404 unless it is published). */
    @Transactional(readOnly = true)
    StatusReport published(ProjectAccess access, long reportId) {
        StatusReport report = find(access, reportId);
        if (!report.state().equals("PUBLISHED")) {
            throw new NotFound("Project " + access.key() + " has no published status report " + reportId + ".");
        }
        return report;
    }

    /** Whether the caller may create, edit, publish and delete reports (for the pages). */
    boolean canEdit(ProjectAccess access) {
        return access.can(Permission.EDIT_PROJECT) && !access.archived();
    }

    private static boolean publishedOnly(ProjectAccess access) {
        return !access.user().systemAdmin() && access.role() == ProjectRole.STAKEHOLDER;
    }

    private StatusReport find(ProjectAccess access, long reportId) {
        return jdbc.sql(SELECT + ", r.snapshot::text as snapshot from status_report r"
                        + " left join app_user c on c.id = r.created_by left join app_user p on p.id = r.published_by"
                        + " where r.id = ? and r.project_id = ?")
                .params(reportId, access.projectId())
                .query((rs, n) -> report(rs, access))
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no status report " + reportId + "."));
    }

    private static StatusReport report(ResultSet rs, ProjectAccess access) throws SQLException {
        ReportSnapshot snapshot = redact(JSON.readValue(rs.getString("snapshot"), ReportSnapshot.class), access);
        long createdBy = rs.getLong("created_by");
        Long createdById = rs.wasNull() ? null : createdBy;
        return new StatusReport(
                rs.getLong("id"),
                access.key(),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("state"),
                rs.getObject("status_date", LocalDateTime.class),
                rs.getInt("baseline_slot"),
                rs.getInt("next_period_days"),
                areas(readAreas(rs.getString("areas")), snapshot.dashboard().health(), access),
                snapshot,
                createdById,
                rs.getString("created_by_name"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getString("published_by_name"),
                instant(rs, "published_at"),
                rs.getInt("version"));
    }

    /**
     * The reported RAG beside the computed one. The computed cost reason quotes the cost performance index
     * and variance, which members and stakeholders do not see: for them it says so instead (the colour stays,
     * it is what the report tells them).
     */
    private static List<StatusReport.Area> areas(
            List<StoredArea> stored, List<Dashboard.Health> health, ProjectAccess access) {
        Map<String, Dashboard.Health> computed = new LinkedHashMap<>();
        health.forEach(h -> computed.put(h.area(), h));
        List<StatusReport.Area> areas = new ArrayList<>();
        for (StoredArea area : stored) {
            Dashboard.Health h = computed.get(area.area());
            String reason = h == null ? null : h.reason();
            if (area.area().equals("cost") && !access.can(Permission.SEE_COSTS)) {
                reason = COSTS_HIDDEN;
            }
            areas.add(new StatusReport.Area(
                    area.area(), area.rag(), area.comment(), h == null ? "GREY" : h.colour(), reason));
        }
        return areas;
    }

    /** The snapshot as this reader may see it: the cost tile hidden from members and stakeholders. */
    private static ReportSnapshot redact(ReportSnapshot snapshot, ProjectAccess access) {
        if (access.can(Permission.SEE_COSTS)) {
            return snapshot;
        }
        Dashboard hidden = withoutCosts(snapshot.dashboard());
        return new ReportSnapshot(
                snapshot.projectName(),
                snapshot.takenAt(),
                hidden,
                snapshot.milestones(),
                snapshot.keyRisks(),
                snapshot.openIssues(),
                snapshot.accomplishedSince(),
                snapshot.accomplishments(),
                snapshot.nextStepsUntil(),
                snapshot.nextSteps(),
                snapshot.variance(),
                snapshot.gantt());
    }

    /** A dashboard as members and stakeholders see it: the cost tile and the cost health's figures hidden. */
    static Dashboard withoutCosts(Dashboard d) {
        return new Dashboard(
                d.project(),
                d.asOf(),
                d.asOfSource(),
                d.baselineSet(),
                d.health().stream()
                        .map(h -> h.area().equals("cost") ? new Dashboard.Health("cost", h.colour(), COSTS_HIDDEN) : h)
                        .toList(),
                d.progress(),
                d.finish(),
                d.criticalPath(),
                d.milestones(),
                d.tasks(),
                d.workload(),
                new Dashboard.Cost("HIDDEN", COSTS_HIDDEN, null, null, null, null, null, null, null, null, null, null),
                d.risk(),
                d.thresholds(),
                d.computedMillis());
    }

    // ----- creating -----

    @Transactional
    public StatusReport create(CurrentUser user, String projectRef, NewStatusReport body) {
        NewStatusReport wanted = body == null ? new NewStatusReport(null, null, null, null) : body;
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String title = wanted.title() == null ? null : wanted.title().strip();
        if (title != null && title.isEmpty()) {
            problems.add("title", "must not be empty (leave it out for the default)");
        }
        text("title", title, MAXIMUM_TITLE, problems);
        PlanDates.check("statusDate", wanted.statusDate(), problems);
        int slot = wanted.baselineSlot() == null ? 0 : wanted.baselineSlot();
        if (slot < 0 || slot > 10) {
            problems.add("baselineSlot", "must be between 0 (Baseline) and 10 (Baseline 10)");
        }
        int period = wanted.nextPeriodDays() == null ? DEFAULT_NEXT_PERIOD_DAYS : wanted.nextPeriodDays();
        if (period < 1 || period > 92) {
            problems.add("nextPeriodDays", "must be between 1 and 92 days");
        }
        problems.throwIfAny();
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        String projectName = projects.get(user, access.key()).name();

        // A given date reports at the end of that day: what is finished that day counts as done.
        LocalDateTime reportDate =
                wanted.statusDate() == null ? null : wanted.statusDate().atTime(23, 59);
        Dashboard dashboard = dashboards.dashboard(user, access.key(), reportDate);
        LocalDateTime asOf = dashboard.asOf();
        LocalDateTime previous = jdbc.sql("""
                select max(status_date) from status_report where project_id = ?
                and state = 'PUBLISHED' and status_date < ?
                """)
                .params(access.projectId(), asOf)
                .query((rs, n) -> rs.getObject(1, LocalDateTime.class))
                .optional()
                .orElse(null);
        // Without a published report before this one, accomplishments look back one period.
        LocalDateTime since = previous != null ? previous : asOf.minusDays(period);
        LocalDateTime until = asOf.plusDays(period);

        WorkingTime time = scheduler.workingTime(access.projectId());
        double minutesPerDay = Math.max(1, access.minutesPerDay());
        List<TaskRow> tasks = tasks(access.projectId(), slot);
        ReportSnapshot snapshot = new ReportSnapshot(
                projectName,
                Instant.now(),
                dashboard,
                milestones(tasks, time, minutesPerDay),
                keyRisks(user, access),
                openIssues(user, access),
                since,
                accomplishments(tasks, since),
                until,
                nextSteps(tasks, asOf, until),
                variance(tasks, slot, time, minutesPerDay),
                gantt.topLevelsAndCritical(access.projectId(), slot, asOf));
        List<StoredArea> areas = new ArrayList<>();
        for (String area : AREAS) {
            String colour = dashboard.health().stream()
                    .filter(h -> h.area().equals(area))
                    .map(Dashboard.Health::colour)
                    .findFirst()
                    .orElse("GREY");
            areas.add(new StoredArea(area, colour, ""));
        }
        String finalTitle =
                title != null ? title : "Status report " + asOf.toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        long id = jdbc.sql("""
                insert into status_report (project_id, title, status_date, baseline_slot, next_period_days,
                areas, snapshot, created_by) values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) returning id
                """)
                .params(
                        access.projectId(),
                        finalTitle,
                        asOf,
                        slot,
                        period,
                        JSON.writeValueAsString(areas),
                        JSON.writeValueAsString(snapshot),
                        user.id())
                .query(Long.class)
                .single();
        return find(access, id);
    }

    /** A task as the sections need it, with its dates in the chosen baseline. */
    private record TaskRow(
            long id,
            boolean summary,
            String wbs,
            String name,
            boolean milestone,
            long duration,
            int percent,
            LocalDateTime start,
            LocalDateTime finish,
            LocalDateTime actualFinish,
            boolean inBaseline,
            LocalDateTime baselineStart,
            LocalDateTime baselineFinish,
            Long baselineDuration) {

        /** The day the task was done: its actual finish when recorded, else its scheduled finish. */
        LocalDateTime doneAt() {
            return actualFinish != null ? actualFinish : finish;
        }
    }

    private List<TaskRow> tasks(long projectId, int slot) {
        return jdbc.sql("""
                select t.id, exists (select 1 from task c where c.parent_id = t.id),
                array_to_string(t.outline_path, '.'), t.name, t.milestone, t.duration_minutes,
                t.percent_complete, t.start_at, t.finish_at, t.actual_finish, b.task_id is not null,
                b.start_at, b.finish_at, b.duration_minutes from task t left join task_baseline b
                on b.task_id = t.id and b.slot = ? where t.project_id = ? and t.active
                order by t.outline_path
                """)
                .params(slot, projectId)
                .query((rs, n) -> new TaskRow(
                        rs.getLong(1),
                        rs.getBoolean(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getLong(6),
                        rs.getInt(7),
                        rs.getObject(8, LocalDateTime.class),
                        rs.getObject(9, LocalDateTime.class),
                        rs.getObject(10, LocalDateTime.class),
                        rs.getBoolean(11),
                        rs.getObject(12, LocalDateTime.class),
                        rs.getObject(13, LocalDateTime.class),
                        rs.getObject(14) == null ? null : rs.getLong(14)))
                .list();
    }

    private static List<ReportSnapshot.MilestoneLine> milestones(
            List<TaskRow> tasks, WorkingTime time, double minutesPerDay) {
        return tasks.stream()
                .filter(TaskRow::milestone)
                .sorted(Comparator.comparing(TaskRow::finish, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(LISTED)
                .map(t -> new ReportSnapshot.MilestoneLine(
                        t.id(),
                        t.wbs(),
                        t.name(),
                        t.finish(),
                        t.baselineFinish(),
                        signedDays(time, t.baselineFinish(), t.finish(), minutesPerDay),
                        t.percent()))
                .toList();
    }

    private List<ReportSnapshot.RiskLine> keyRisks(CurrentUser user, ProjectAccess access) {
        return risks.list(user, access.key(), null, "THREAT", null, null, null, null).stream()
                .filter(r -> r.status().equals("OPEN") || r.status().equals("MONITORING"))
                .sorted(Comparator.comparingInt(Risk::score).reversed().thenComparing(Risk::id))
                .limit(KEY_RISKS)
                .map(r -> new ReportSnapshot.RiskLine(
                        r.id(), r.title(), r.score(), r.level(), r.status(), r.ownerName(), r.response()))
                .toList();
    }

    private List<ReportSnapshot.IssueLine> openIssues(CurrentUser user, ProjectAccess access) {
        return raid.list(user, access.key(), "ISSUE", null, null, null).stream()
                .filter(e -> e.status().equals("OPEN") || e.status().equals("IN_PROGRESS"))
                .sorted(Comparator.comparing(RaidEntry::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RaidEntry::id))
                .limit(LISTED)
                .map(e -> new ReportSnapshot.IssueLine(e.id(), e.title(), e.status(), e.ownerName(), e.dueOn()))
                .toList();
    }

    /**
     * Tasks done (100 %) after the previous report's date. A task finished ahead of its scheduled date counts
     * too: Gantry records no finish for it, and it is done either way.
     */
    private static List<ReportSnapshot.TaskLine> accomplishments(List<TaskRow> tasks, LocalDateTime since) {
        return tasks.stream()
                .filter(t -> !t.summary()
                        && t.percent() >= 100
                        && t.doneAt() != null
                        && t.doneAt().isAfter(since))
                .sorted(Comparator.comparing(TaskRow::doneAt))
                .limit(LISTED)
                .map(t -> new ReportSnapshot.TaskLine(t.id(), t.wbs(), t.name(), t.doneAt(), t.percent()))
                .toList();
    }

    /** Unfinished tasks whose finish falls in the next period after the report date. */
    private static List<ReportSnapshot.TaskLine> nextSteps(
            List<TaskRow> tasks, LocalDateTime asOf, LocalDateTime until) {
        return tasks.stream()
                .filter(t -> !t.summary()
                        && t.percent() < 100
                        && t.finish() != null
                        && !t.finish().isBefore(asOf)
                        && !t.finish().isAfter(until))
                .sorted(Comparator.comparing(TaskRow::finish))
                .limit(LISTED)
                .map(t -> new ReportSnapshot.TaskLine(t.id(), t.wbs(), t.name(), t.finish(), t.percent()))
                .toList();
    }

    private static ReportSnapshot.Variance variance(
            List<TaskRow> tasks, int slot, WorkingTime time, double minutesPerDay) {
        int inBaseline = 0;
        int onPlan = 0;
        int added = 0;
        boolean baselineSet = tasks.stream().anyMatch(TaskRow::inBaseline);
        List<ReportSnapshot.VarianceLine> moved = new ArrayList<>();
        for (TaskRow t : tasks) {
            if (!t.inBaseline()) {
                if (baselineSet) {
                    added++;
                }
                continue;
            }
            inBaseline++;
            BigDecimal startVariance = signedDays(time, t.baselineStart(), t.start(), minutesPerDay);
            BigDecimal finishVariance = signedDays(time, t.baselineFinish(), t.finish(), minutesPerDay);
            BigDecimal durationVariance =
                    t.baselineDuration() == null ? null : days(t.duration() - t.baselineDuration(), minutesPerDay);
            if (isZero(startVariance) && isZero(finishVariance) && isZero(durationVariance)) {
                onPlan++;
                continue;
            }
            moved.add(new ReportSnapshot.VarianceLine(
                    t.id(),
                    t.wbs(),
                    t.name(),
                    t.baselineStart(),
                    t.start(),
                    startVariance,
                    t.baselineFinish(),
                    t.finish(),
                    finishVariance,
                    durationVariance));
        }
        moved.sort(Comparator.comparing((ReportSnapshot.VarianceLine v) -> v.finishVarianceDays() == null
                        ? BigDecimal.ZERO
                        : v.finishVarianceDays().abs())
                .reversed()
                .thenComparing(ReportSnapshot.VarianceLine::wbs));
        int omitted = Math.max(0, moved.size() - LISTED);
        return new ReportSnapshot.Variance(
                slot,
                baselineSet,
                inBaseline,
                onPlan,
                added,
                List.copyOf(moved.subList(0, Math.min(LISTED, moved.size()))),
                omitted);
    }

    // ----- editing -----

    @Transactional
    public StatusReport update(CurrentUser user, String projectRef, long reportId, StatusReportChanges changes) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        StatusReport current = find(access, reportId);
        access.require(Permission.EDIT_PROJECT);
        if (changes == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String title =
                changes.title() == null ? current.title() : changes.title().strip();
        if (title.isEmpty()) {
            problems.add("title", "must not be empty");
        }
        text("title", title, MAXIMUM_TITLE, problems);
        String summary = changes.summary() == null
                ? current.summary()
                : changes.summary().strip();
        text("summary", summary, MAXIMUM_SUMMARY, problems);
        Map<String, StoredArea> areas = new LinkedHashMap<>();
        for (StatusReport.Area area : current.areas()) {
            areas.put(area.area(), new StoredArea(area.area(), area.rag(), area.comment()));
        }
        if (changes.areas() != null) {
            for (Map.Entry<String, StatusReportChanges.AreaChange> entry :
                    changes.areas().entrySet()) {
                String name =
                        entry.getKey() == null ? "" : entry.getKey().strip().toLowerCase(Locale.ROOT);
                StatusReportChanges.AreaChange change = entry.getValue();
                if (!AREAS.contains(name)) {
                    problems.add("areas", "names schedule, cost, scope and risk, not '" + entry.getKey() + "'");
                    continue;
                }
                if (change == null) {
                    continue;
                }
                StoredArea was = areas.get(name);
                String rag = was.rag();
                if (change.rag() != null) {
                    rag = change.rag().strip().toUpperCase(Locale.ROOT);
                    if (!RAGS.contains(rag)) {
                        problems.add("areas." + name + ".rag", "must be GREEN, AMBER, RED or GREY (not judged)");
                    }
                }
                String comment = change.comment() == null
                        ? was.comment()
                        : change.comment().strip();
                text("areas." + name + ".comment", comment, MAXIMUM_COMMENT, problems);
                areas.put(name, new StoredArea(name, rag, comment));
            }
        }
        problems.throwIfAny();
        refuseIfPublished(current);
        int updated = jdbc.sql("""
                update status_report set title = ?, summary = ?, areas = ?::jsonb, updated_at = now(),
                version = version + 1 where id = ? and project_id = ? and version = ? and state = 'DRAFT'
                """)
                .params(
                        title,
                        summary,
                        JSON.writeValueAsString(List.copyOf(areas.values())),
                        reportId,
                        access.projectId(),
                        changes.version())
                .update();
        if (updated == 0) {
            throw stale(access, reportId);
        }
        return find(access, reportId);
    }

    @Transactional
    public StatusReport publish(CurrentUser user, String projectRef, long reportId, PublishStatusReport body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        StatusReport current = find(access, reportId);
        access.require(Permission.EDIT_PROJECT);
        if (body == null || body.version() == null) {
            throw new InvalidInput("version", "is required: send the version you last read");
        }
        refuseIfPublished(current);
        int updated = jdbc.sql("""
                update status_report set state = 'PUBLISHED', published_by = ?, published_at = now(),
                updated_at = now(), version = version + 1 where id = ? and project_id = ? and version = ?
                and state = 'DRAFT'
                """)
                .params(user.id(), reportId, access.projectId(), body.version())
                .update();
        if (updated == 0) {
            throw stale(access, reportId);
        }
        return find(access, reportId);
    }

    @Transactional
    public void delete(CurrentUser user, String projectRef, long reportId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        StatusReport current = find(access, reportId);
        access.require(Permission.EDIT_PROJECT);
        refuseIfPublished(current);
        jdbc.sql("delete from status_report where id = ? and project_id = ? and state = 'DRAFT'")
                .params(reportId, access.projectId())
                .update();
    }

    private static void refuseIfPublished(StatusReport report) {
        if (report.state().equals("PUBLISHED")) {
            throw new Conflict(
                    "Report published",
                    "Status report " + report.id() + " was published and never changes. Create a new report to"
                            + " report again.",
                    Map.of("current", report));
        }
    }

    /** After a refused conditional update: published meanwhile, or edited by someone else. */
    private RuntimeException stale(ProjectAccess access, long reportId) {
        StatusReport now = find(access, reportId);
        if (now.state().equals("PUBLISHED")) {
            return new Conflict(
                    "Report published",
                    "Status report " + reportId + " was published meanwhile and never changes.",
                    Map.of("current", now));
        }
        return new StaleVersion("Status report " + reportId, now);
    }

    // ----- helpers -----

    private static List<StoredArea> readAreas(String json) {
        return List.of(JSON.readValue(json, StoredArea[].class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void text(String field, String value, int maximum, InvalidInput.Collector problems) {
        if (value == null) {
            return;
        }
        if (value.length() > maximum) {
            problems.add(field, "must be at most " + maximum + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            problems.add(field, "must not contain NUL characters");
        }
    }

    private static BigDecimal signedDays(
            WorkingTime time, LocalDateTime planned, LocalDateTime actual, double minutesPerDay) {
        if (planned == null || actual == null) {
            return null;
        }
        return days(time.workBetween(planned, actual), minutesPerDay);
    }

    private static BigDecimal days(long minutes, double minutesPerDay) {
        return BigDecimal.valueOf(minutes / minutesPerDay).setScale(1, RoundingMode.HALF_UP);
    }

    private static boolean isZero(BigDecimal value) {
        return value == null || value.signum() == 0;
    }
}
