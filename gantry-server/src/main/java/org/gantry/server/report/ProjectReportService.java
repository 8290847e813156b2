package org.gantry.server.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.gantry.engine.WorkingTime;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.schedule.ProjectScheduler;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.workload.Workload;
import org.gantry.server.workload.WorkloadService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-click reports: schedule, milestones, late tasks, baseline variance and workload, each computed at a
 * date (the given day at 23:59, else the project's status date, else now) from the schedule the engine last
 * stored (dates, total slack, critical flags), the chosen baseline and, for the workload, the same computation
 * as the Workload tab. Anyone who reads the project reads them (stakeholders too): they hold no costs; the
 * workload, like the Workload tab's, is for owners and managers (the Workload computation refuses others).
 * Working days are the project calendar's, one decimal, positive when later than the baseline or the date.
 */
@Service
class ProjectReportService {

    static final List<ProjectReport.Kind> KINDS = List.of(
            new ProjectReport.Kind(
                    "schedule",
                    "Schedule report",
                    "Every task with its duration, dates, % complete, total slack and whether it is critical."),
            new ProjectReport.Kind(
                    "milestones",
                    "Milestone report",
                    "Every milestone with its date, its baseline date, the variance and whether it is done, late or"
                            + " upcoming."),
            new ProjectReport.Kind(
                    "late-tasks",
                    "Late task report",
                    "Unfinished tasks whose finish is before the report date, most days late first, with their"
                            + " assignees."),
            new ProjectReport.Kind(
                    "baseline-variance",
                    "Baseline variance report",
                    "Every task against the chosen baseline: start, finish and duration variance, tasks added since."),
            new ProjectReport.Kind(
                    "workload",
                    "Workload report",
                    "Hours per person and resource for four weeks from the report date's week, against their"
                            + " capacity (owners and managers: it shows people's load across all their projects)."));

    static final List<String> FORMATS = List.of("json", "pdf", "xlsx");
    static final int WORKLOAD_WEEKS = 4;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ProjectScheduler scheduler;
    private final WorkloadService workload;

    ProjectReportService(
            JdbcClient jdbc, ProjectService projects, ProjectScheduler scheduler, WorkloadService workload) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.scheduler = scheduler;
        this.workload = workload;
    }

    static ProjectReport.Kind kind(String kind) {
        return KINDS.stream().filter(k -> k.kind().equals(kind)).findFirst().orElse(null);
    }

    /**
     * A request as typed (the page's form and the API's query take texts, so a typo is a 400 naming the field
     * rather than a failed binding; a kind that is none of the reports is a 404): {@code date} a day such as 2026-03-13 (empty: the status date, else
     * now), {@code baseline} 0 to 10 (empty: 0), {@code format} json, pdf or xlsx (empty: json).
     */
    record Request(String kind, LocalDate date, int baselineSlot, String format) {

        static Request parse(String kind, String date, String baseline, String format) {
            var problems = new InvalidInput.Collector();
            String wantedKind = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
            if (ProjectReportService.kind(wantedKind) == null) {
                // The kind is part of the address: like any address that names nothing, it is a 404.
                throw new NotFound("There is no report '" + kind + "'. The one-click reports are schedule, milestones,"
                        + " late-tasks, baseline-variance and workload.");
            }
            String wantedFormat =
                    format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
            if (!FORMATS.contains(wantedFormat)) {
                problems.add("format", "must be json, pdf or xlsx");
            }
            LocalDate day = null;
            if (date != null && !date.isBlank()) {
                try {
                    day = LocalDate.parse(date.strip());
                    PlanDates.check("date", day, problems);
                } catch (DateTimeParseException e) {
                    problems.add("date", "must be a date such as 2026-03-13");
                }
            }
            int slot = 0;
            if (baseline != null && !baseline.isBlank()) {
                try {
                    slot = Integer.parseInt(baseline.strip());
                    if (slot < 0 || slot > 10) {
                        problems.add("baseline", "must be between 0 (Baseline) and 10 (Baseline 10)");
                    }
                } catch (NumberFormatException e) {
                    problems.add("baseline", "must be a whole number between 0 and 10");
                }
            }
            problems.throwIfAny();
            return new Request(wantedKind, day, slot, wantedFormat);
        }
    }

    /** A task as the reports need it, with its dates in the chosen baseline. */
    private record TaskRow(
            long id,
            String wbs,
            String name,
            boolean summary,
            boolean milestone,
            long duration,
            int percent,
            LocalDateTime start,
            LocalDateTime finish,
            long totalSlack,
            boolean critical,
            boolean inBaseline,
            LocalDateTime baselineStart,
            LocalDateTime baselineFinish,
            Long baselineDuration) {}

    @Transactional(readOnly = true)
    public ProjectReport report(CurrentUser user, String projectRef, Request request) {
        String kind = request.kind();
        LocalDate date = request.date();
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        String projectName = projects.get(user, access.key()).name();
        int baselineSlot = request.baselineSlot();
        LocalDateTime statusDate = jdbc.sql("select status_date from project where id = ?")
                .param(access.projectId())
                .query((rs, n) -> rs.getObject(1, LocalDateTime.class))
                .optional()
                .orElse(null);
        // A given day reports at its end, as status reports do: what finishes that day is not late yet.
        LocalDateTime asOf = date != null
                ? date.atTime(23, 59)
                : statusDate != null
                        ? statusDate
                        : LocalDateTime.now(access.timeZone()).withSecond(0).withNano(0);
        String asOfSource = date != null ? "report date" : statusDate != null ? "status date" : "today";
        WorkingTime time = scheduler.workingTime(access.projectId());
        double minutesPerDay = Math.max(1, access.minutesPerDay());
        List<TaskRow> tasks = tasks(access.projectId(), baselineSlot);
        boolean baselineSet = tasks.stream().anyMatch(TaskRow::inBaseline);
        Days days = new Days(time, minutesPerDay);
        ProjectReport.Kind chosen = kind(kind);
        Table table =
                switch (kind) {
                    case "schedule" -> schedule(tasks, days);
                    case "milestones" -> milestones(tasks, asOf, days, baselineSet);
                    case "late-tasks" -> lateTasks(access.projectId(), tasks, asOf, days);
                    case "baseline-variance" -> variance(tasks, days, baselineSet, baselineSlot);
                    default -> workload(user, access, asOf);
                };
        return new ProjectReport(
                access.key(),
                projectName,
                chosen.kind(),
                chosen.title(),
                asOf,
                asOfSource,
                baselineSlot,
                baselineSet,
                table.figures(),
                table.columns(),
                table.rows(),
                table.note());
    }

    private record Table(
            List<ProjectReport.Figure> figures,
            List<ProjectReport.Column> columns,
            List<Map<String, Object>> rows,
            String note) {}

    /** Working days of the project calendar between two instants, one decimal. */
    private record Days(WorkingTime time, double minutesPerDay) {
        BigDecimal between(LocalDateTime from, LocalDateTime to) {
            if (from == null || to == null) {
                return null;
            }
            return of(time.workBetween(from, to));
        }

        BigDecimal of(long minutes) {
            return BigDecimal.valueOf(minutes / minutesPerDay).setScale(1, RoundingMode.HALF_UP);
        }
    }

    private List<TaskRow> tasks(long projectId, int slot) {
        return jdbc.sql("""
                select t.id, array_to_string(t.outline_path, '.'), t.name,
                exists (select 1 from task c where c.parent_id = t.id), t.milestone, t.duration_minutes,
                t.percent_complete, t.start_at, t.finish_at, t.total_slack_minutes, t.critical,
                b.task_id is not null, b.start_at, b.finish_at, b.duration_minutes from task t
                left join task_baseline b on b.task_id = t.id and b.slot = ? where t.project_id = ?
                and t.active order by t.outline_path
                """)
                .params(slot, projectId)
                .query((rs, n) -> new TaskRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        rs.getLong(6),
                        rs.getInt(7),
                        rs.getObject(8, LocalDateTime.class),
                        rs.getObject(9, LocalDateTime.class),
                        rs.getLong(10),
                        rs.getBoolean(11),
                        rs.getBoolean(12),
                        rs.getObject(13, LocalDateTime.class),
                        rs.getObject(14, LocalDateTime.class),
                        rs.getObject(15) == null ? null : rs.getLong(15)))
                .list();
    }

    // ----- schedule -----

    private static Table schedule(List<TaskRow> tasks, Days days) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TaskRow t : tasks) {
            rows.add(row(
                    "taskId", t.id(),
                    "wbs", t.wbs(),
                    "name", t.name(),
                    "type", type(t),
                    "durationDays", days.of(t.duration()),
                    "start", date(t.start()),
                    "finish", date(t.finish()),
                    "percentComplete", t.percent(),
                    "totalSlackDays", t.summary() ? null : days.of(t.totalSlack()),
                    "critical", t.critical() && !t.summary() ? "yes" : "no"));
        }
        List<TaskRow> leaves = tasks.stream().filter(t -> !t.summary()).toList();
        return new Table(
                List.of(
                        figure("tasks", "Tasks (without summary tasks)", leaves.size()),
                        figure(
                                "milestones",
                                "Milestones",
                                leaves.stream().filter(TaskRow::milestone).count()),
                        figure(
                                "criticalTasks",
                                "Critical tasks",
                                leaves.stream().filter(TaskRow::critical).count()),
                        figure("start", "Start", date(first(tasks))),
                        figure("finish", "Finish", date(last(tasks))),
                        figure(
                                "lengthDays",
                                "Length (working days)",
                                first(tasks) == null ? null : days.between(first(tasks), last(tasks)))),
                List.of(
                        text("wbs", "WBS"),
                        text("name", "Task"),
                        text("type", "Type"),
                        column("durationDays", "Duration (days)", "days"),
                        column("start", "Start", "date"),
                        column("finish", "Finish", "date"),
                        column("percentComplete", "% complete", "percent"),
                        column("totalSlackDays", "Total slack (days)", "days"),
                        text("critical", "Critical")),
                rows,
                tasks.isEmpty() ? "The plan has no task." : null);
    }

    // ----- milestones -----

    private static Table milestones(List<TaskRow> tasks, LocalDateTime asOf, Days days, boolean baselineSet) {
        List<TaskRow> milestones = tasks.stream()
                .filter(TaskRow::milestone)
                .sorted(Comparator.comparing(TaskRow::finish, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(TaskRow::wbs))
                .toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        int done = 0;
        int late = 0;
        int slipped = 0;
        TaskRow next = null;
        for (TaskRow m : milestones) {
            BigDecimal variance = days.between(m.baselineFinish(), m.finish());
            String state;
            if (m.percent() >= 100) {
                state = "done";
                done++;
            } else if (m.finish() != null && m.finish().isBefore(asOf)) {
                state = "late";
                late++;
            } else {
                state = "upcoming";
                if (next == null) {
                    next = m;
                }
            }
            if (variance != null && variance.signum() > 0) {
                slipped++;
            }
            rows.add(row(
                    "taskId", m.id(),
                    "wbs", m.wbs(),
                    "name", m.name(),
                    "date", date(m.finish()),
                    "baselineDate", date(m.baselineFinish()),
                    "varianceDays", variance,
                    "percentComplete", m.percent(),
                    "state", state));
        }
        return new Table(
                List.of(
                        figure("milestones", "Milestones", milestones.size()),
                        figure("done", "Done", done),
                        figure("late", "Late (not done, date passed)", late),
                        figure("slipped", "Later than the baseline", slipped),
                        figure("next", "Next milestone", next == null ? null : next.wbs() + " " + next.name()),
                        figure("nextDate", "Next milestone's date", next == null ? null : date(next.finish()))),
                List.of(
                        text("wbs", "WBS"),
                        text("name", "Milestone"),
                        column("date", "Date", "date"),
                        column("baselineDate", "Baseline date", "date"),
                        column("varianceDays", "Variance (days)", "days"),
                        column("percentComplete", "% complete", "percent"),
                        text("state", "State")),
                rows,
                milestones.isEmpty()
                        ? "The plan has no milestone."
                        : baselineSet ? null : "This baseline is not set: milestones have no baseline date.");
    }

    // ----- late tasks -----

    private Table lateTasks(long projectId, List<TaskRow> tasks, LocalDateTime asOf, Days days) {
        Map<Long, List<String>> assignees = new HashMap<>();
        jdbc.sql("""
                select a.task_id, u.name from task_assignee a join task t on t.id = a.task_id
                join app_user u on u.id = a.user_id where t.project_id = ? order by u.name
                """).param(projectId).query(rs -> {
            assignees.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        record Late(TaskRow task, BigDecimal daysLate) {}
        List<Late> late = tasks.stream()
                .filter(t -> !t.summary()
                        && t.percent() < 100
                        && t.finish() != null
                        && t.finish().isBefore(asOf))
                .map(t -> new Late(t, days.between(t.finish(), asOf)))
                .sorted(Comparator.comparing(Late::daysLate).reversed().thenComparing(l -> l.task()
                        .wbs()))
                .toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Late l : late) {
            TaskRow t = l.task();
            rows.add(row(
                    "taskId", t.id(),
                    "wbs", t.wbs(),
                    "name", t.name(),
                    "start", date(t.start()),
                    "finish", date(t.finish()),
                    "daysLate", l.daysLate(),
                    "percentComplete", t.percent(),
                    "critical", t.critical() ? "yes" : "no",
                    "assignees", String.join(", ", assignees.getOrDefault(t.id(), List.of()))));
        }
        long notStarted = tasks.stream()
                .filter(t -> !t.summary()
                        && !t.milestone()
                        && t.percent() == 0
                        && t.start() != null
                        && t.start().isBefore(asOf))
                .count();
        return new Table(
                List.of(
                        figure("lateTasks", "Late tasks", late.size()),
                        figure(
                                "lateCritical",
                                "Of them critical",
                                late.stream().filter(l -> l.task().critical()).count()),
                        figure(
                                "mostDaysLate",
                                "Most days late",
                                late.isEmpty() ? null : late.get(0).daysLate()),
                        figure("notStarted", "Should have started, not started", notStarted)),
                List.of(
                        text("wbs", "WBS"),
                        text("name", "Task"),
                        column("start", "Start", "date"),
                        column("finish", "Finish", "date"),
                        column("daysLate", "Days late", "days"),
                        column("percentComplete", "% complete", "percent"),
                        text("critical", "Critical"),
                        text("assignees", "Assignees")),
                rows,
                late.isEmpty() ? "No task is late at this date." : null);
    }

    // ----- baseline variance -----

    private static Table variance(List<TaskRow> tasks, Days days, boolean baselineSet, int slot) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int inBaseline = 0;
        int onPlan = 0;
        int moved = 0;
        int added = 0;
        LocalDateTime finish = last(tasks);
        LocalDateTime baselineFinish = tasks.stream()
                .map(TaskRow::baselineFinish)
                .filter(Objects::nonNull)
                .max(LocalDateTime::compareTo)
                .orElse(null);
        if (baselineSet) {
            for (TaskRow t : tasks) {
                String change;
                BigDecimal startVariance = null;
                BigDecimal finishVariance = null;
                BigDecimal durationVariance = null;
                if (!t.inBaseline()) {
                    change = "added";
                    added++;
                } else {
                    inBaseline++;
                    startVariance = days.between(t.baselineStart(), t.start());
                    finishVariance = days.between(t.baselineFinish(), t.finish());
                    durationVariance =
                            t.baselineDuration() == null ? null : days.of(t.duration() - t.baselineDuration());
                    if (zero(startVariance) && zero(finishVariance) && zero(durationVariance)) {
                        change = "on plan";
                        onPlan++;
                    } else {
                        change = "moved";
                        moved++;
                    }
                }
                rows.add(row(
                        "taskId", t.id(),
                        "wbs", t.wbs(),
                        "name", t.name(),
                        "baselineStart", date(t.baselineStart()),
                        "start", date(t.start()),
                        "startVarianceDays", startVariance,
                        "baselineFinish", date(t.baselineFinish()),
                        "finish", date(t.finish()),
                        "finishVarianceDays", finishVariance,
                        "durationVarianceDays", durationVariance,
                        "change", change));
            }
        }
        return new Table(
                List.of(
                        figure("tasksInBaseline", "Tasks in the baseline", inBaseline),
                        figure("onPlan", "On plan", onPlan),
                        figure("moved", "Moved", moved),
                        figure("added", "Added since", added),
                        figure("baselineFinish", "Baseline finish", date(baselineFinish)),
                        figure("finish", "Finish", date(finish)),
                        figure("finishVarianceDays", "Finish variance (days)", days.between(baselineFinish, finish))),
                List.of(
                        text("wbs", "WBS"),
                        text("name", "Task"),
                        column("baselineStart", "Baseline start", "date"),
                        column("start", "Start", "date"),
                        column("startVarianceDays", "Start var. (days)", "days"),
                        column("baselineFinish", "Baseline finish", "date"),
                        column("finish", "Finish", "date"),
                        column("finishVarianceDays", "Finish var. (days)", "days"),
                        column("durationVarianceDays", "Duration var. (days)", "days"),
                        text("change", "Change")),
                rows,
                baselineSet
                        ? null
                        : (slot == 0 ? "The baseline" : "Baseline " + slot)
                                + " is not set: there is nothing to compare with.");
    }

    // ----- workload -----

    /** The Workload tab's computation for the project, weekly from the Monday of the report date's week. */
    private Table workload(CurrentUser user, ProjectAccess access, LocalDateTime asOf) {
        LocalDate monday = asOf.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Workload table =
                workload.workload(user, new WorkloadService.Query(access.key(), monday, WORKLOAD_WEEKS, "WEEK", null));
        List<ProjectReport.Column> columns = new ArrayList<>();
        columns.add(text("name", "Person or resource"));
        for (int i = 0; i < table.periods().size(); i++) {
            columns.add(
                    column("week" + (i + 1) + "Hours", table.periods().get(i).label() + " hours", "hours"));
            columns.add(
                    column("week" + (i + 1) + "Percent", table.periods().get(i).label() + " load", "percent"));
        }
        columns.add(column("totalHours", "Total hours", "hours"));
        columns.add(column("capacityHours", "Capacity hours", "hours"));
        columns.add(column("overDays", "Days over-allocated", "number"));
        List<Map<String, Object>> rows = new ArrayList<>();
        long totalMinutes = 0;
        int overAllocated = 0;
        for (Workload.Row r : table.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            long minutes = 0;
            long capacity = 0;
            for (int i = 0; i < r.cells().size(); i++) {
                Workload.Cell cell = r.cells().get(i);
                row.put("week" + (i + 1) + "Hours", hours(cell.minutes()));
                row.put("week" + (i + 1) + "Percent", cell.percent());
                minutes += cell.minutes();
                capacity += cell.capacityMinutes();
            }
            row.put("totalHours", hours(minutes));
            row.put("capacityHours", hours(capacity));
            row.put("overDays", r.overDays());
            rows.add(row);
            totalMinutes += minutes;
            if (r.overDays() > 0) {
                overAllocated++;
            }
        }
        return new Table(
                List.of(
                        figure("from", "From", table.from()),
                        figure("to", "To", table.to()),
                        figure("people", "People and resources", rows.size()),
                        figure("overAllocated", "Over-allocated", overAllocated),
                        figure("totalHours", "Hours of work", hours(totalMinutes))),
                List.copyOf(columns),
                rows,
                rows.isEmpty() ? "Nobody is assigned in this project." : null);
    }

    // ----- helpers -----

    private static String type(TaskRow t) {
        return t.milestone() ? "milestone" : t.summary() ? "summary" : "task";
    }

    private static LocalDateTime first(List<TaskRow> tasks) {
        return tasks.stream()
                .map(TaskRow::start)
                .filter(Objects::nonNull)
                .min(LocalDateTime::compareTo)
                .orElse(null);
    }

    private static LocalDateTime last(List<TaskRow> tasks) {
        return tasks.stream()
                .map(TaskRow::finish)
                .filter(Objects::nonNull)
                .max(LocalDateTime::compareTo)
                .orElse(null);
    }

    private static boolean zero(BigDecimal value) {
        return value == null || value.signum() == 0;
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes / 60.0).setScale(1, RoundingMode.HALF_UP);
    }

    private static LocalDate date(LocalDateTime value) {
        return value == null ? null : value.toLocalDate();
    }

    private static ProjectReport.Figure figure(String id, String label, Object value) {
        return new ProjectReport.Figure(id, label, value);
    }

    private static ProjectReport.Column text(String id, String label) {
        return new ProjectReport.Column(id, label, "text");
    }

    private static ProjectReport.Column column(String id, String label, String type) {
        return new ProjectReport.Column(id, label, type);
    }

    /** A row from id-value pairs, in column order; null values stay (the table shows a dash). */
    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
