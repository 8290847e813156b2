package org.gantry.server.interchange;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gantry.interchange.ArchiveLimits;
import org.gantry.interchange.ColumnMapping;
import org.gantry.interchange.DateDifference;
import org.gantry.interchange.ImportFailure;
import org.gantry.interchange.ImportedPlan;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanAssignment;
import org.gantry.interchange.PlanBaseline;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanCalendarException;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanFixedCost;
import org.gantry.interchange.PlanLink;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanReader;
import org.gantry.interchange.PlanResource;
import org.gantry.interchange.PlanTask;
import org.gantry.interchange.PlanTaskKind;
import org.gantry.interchange.PlanWorkWeek;
import org.gantry.interchange.Spreadsheet;
import org.gantry.interchange.TableImport;
import org.gantry.interchange.TableImportResult;
import org.gantry.interchange.UnsupportedField;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.StoredCalendars;
import org.gantry.server.task.DurationUnit;
import org.gantry.server.task.LinkType;
import org.gantry.server.task.Priority;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an uploaded file into a new project (or adds it to one): the project through the project service, its
 * tasks and links through {@link TaskTableWriter}, its calendars, resources, assignments and baselines through
 * {@link PlanDetailsWriter}, in batches, all in one transaction, so any failure (a link loop, a database error)
 * rolls back the project with everything in it. Publishes {@link PlanImported} before the transaction ends.
 */
@Service
public class PlanImport {
    private static final int MAXIMUM_NAME = 500;
    private static final int MAXIMUM_NOTES = 50_000;
    private static final String NO_NAME = "(no name)";

    private final ProjectService projects;
    private final TaskTableWriter writer;
    private final PlanDetailsWriter details;
    private final ApplicationEventPublisher events;
    private final ArchiveLimits limits;

    PlanImport(
            ProjectService projects,
            TaskTableWriter writer,
            PlanDetailsWriter details,
            ApplicationEventPublisher events,
            ArchiveLimits limits) {
        this.projects = projects;
        this.writer = writer;
        this.details = details;
        this.events = events;
        this.limits = limits;
    }

    /** What an uploaded archive (an .xlsx, a zip) may hold. */
    ArchiveLimits limits() {
        return limits;
    }

    /** Reads the file and reports what an import would create; writes nothing. */
    public ImportSummary report(InputStream file, String fileName) throws ImportFailure {
        ImportedPlan imported = PlanReader.readWithReport(file, fileName, limits);
        Plan plan = imported.plan();
        return summary(null, plan, imported, notKept(plan));
    }

    /** Creates a project from the file; {@code key} may be null (derived from the name). */
    @Transactional(rollbackFor = Exception.class)
    public ImportSummary importFile(CurrentUser user, InputStream file, String fileName, String key, DateChoice dates)
            throws ImportFailure {
        return importPlan(user, PlanReader.readWithReport(file, fileName, limits), fileName, key, dates, null);
    }

    /** Adds the file's tasks and links after the existing tasks of a project the user may edit. */
    @Transactional(rollbackFor = Exception.class)
    public ImportSummary importInto(
            CurrentUser user, String projectRef, InputStream file, String fileName, DateChoice dates)
            throws ImportFailure {
        Project existing = projects.get(user, projectRef);
        return importPlan(user, PlanReader.readWithReport(file, fileName, limits), fileName, null, dates, existing);
    }

    /**
     * Creates a project from a spreadsheet with the user's column mapping; when any row is wrong nothing is
     * created and {@link TableRowsRejected} lists every problem with its row and column.
     */
    @Transactional(rollbackFor = Exception.class)
    public ImportSummary importTable(
            CurrentUser user, Spreadsheet sheet, ColumnMapping mapping, String fileName, String name, String key) {
        TableImportResult result = TableImport.preview(sheet, mapping, tableOptions(fileName, name));
        if (!result.succeeded()) {
            throw new TableRowsRejected(result.errors());
        }
        return importPlan(user, new ImportedPlan(result.plan(), null), fileName, key, DateChoice.FILE, null);
    }

    /** Creates a project from a plan already read (no date report, so the file's dates are kept). */
    @Transactional(rollbackFor = Exception.class)
    ImportSummary importPlan(CurrentUser user, Plan plan, String fileName) {
        return importPlan(user, new ImportedPlan(plan, null), fileName, null, DateChoice.FILE, null);
    }

    /** What a spreadsheet import would create with this mapping, or its row errors; writes nothing. */
    public TableImportResult previewTable(Spreadsheet sheet, ColumnMapping mapping, String fileName, String name) {
        return TableImport.preview(sheet, mapping, tableOptions(fileName, name));
    }

    private static TableImport.Options tableOptions(String fileName, String name) {
        String projectName = name != null && !name.isBlank()
                ? name.strip()
                : fileName == null ? "Imported plan" : fileName.replaceFirst("\\.[^.]*$", "");
        boolean excel = fileName != null && fileName.toLowerCase(Locale.ROOT).matches(".*\\.xlsx?$");
        return new TableImport.Options(projectName, null, excel ? "Excel" : "CSV");
    }

    private ImportSummary importPlan(
            CurrentUser user, ImportedPlan imported, String fileName, String key, DateChoice dates, Project existing) {
        Plan plan = imported.plan();
        Map<String, DateDifference> gantryDates = new HashMap<>();
        if (dates == DateChoice.GANTRY && imported.report() != null) {
            imported.report().differences().forEach(d -> gantryDates.put(d.taskKey(), d));
        }
        String name = plan.properties().name() == null
                ? "Imported plan"
                : truncate(plan.properties().name(), 200);
        LocalDateTime start = plan.properties().start();
        PlanCalendar fileCalendar = projectCalendar(plan);
        Project project = existing != null
                ? existing
                : projects.create(
                        user,
                        new NewProject(
                                key == null || key.isBlank() ? keyFor(user, name) : key,
                                name,
                                "Imported from " + (fileName == null ? "a file" : fileName),
                                start == null ? null : start.toLocalDate(),
                                null,
                                currency(plan.properties().currencyCode()),
                                fileCalendar == null ? null : SimpleCalendar.of(fileCalendar, plan.calendars())));
        String projectKey = project.key();
        long projectId =
                projects.access(user, projectKey).require(Permission.EDIT_TASKS).projectId();
        details.pauseActivity();
        List<String> notKept = notKept(plan);
        Adjustments adjusted = new Adjustments();

        // Calendars keep their keys unless the project already uses one (an import into a project).
        Map<String, String> calendarKeys = new HashMap<>();
        Set<String> taken = new HashSet<>(existing == null ? List.of() : details.calendarKeys(projectId));
        int position = existing == null ? 0 : details.nextCalendarPosition(projectId);
        for (PlanCalendar calendar : plan.calendars()) {
            if (calendarKeys.containsKey(calendar.key())) {
                continue;
            }
            String stored = truncate(calendar.key(), MAXIMUM_NAME);
            for (int n = 2; taken.contains(stored); n++) {
                stored = truncate(calendar.key(), MAXIMUM_NAME) + "-" + n;
            }
            taken.add(stored);
            calendarKeys.put(calendar.key(), stored);
        }
        List<PlanDetailsWriter.CalendarRow> calendarRows = new ArrayList<>();
        Set<String> written = new HashSet<>();
        int renamed = 0;
        for (PlanCalendar calendar : plan.calendars()) {
            if (!written.add(calendar.key())) {
                continue; // a second calendar with the same key: references cannot tell them apart
            }
            String stored = calendarKeys.get(calendar.key());
            if (!stored.equals(calendar.key())) {
                renamed++;
            }
            String base = calendar.baseKey() == null ? null : calendarKeys.get(calendar.baseKey());
            PlanCalendar kept = storable(calendar, stored, base);
            calendarRows.add(new PlanDetailsWriter.CalendarRow(
                    stored,
                    calendar.name() == null ? "" : truncate(calendar.name(), MAXIMUM_NAME),
                    base,
                    StoredCalendars.write(kept),
                    position++));
        }
        details.writeCalendars(projectId, calendarRows);
        if (existing == null) {
            if (fileCalendar != null) {
                details.useCalendar(projectId, calendarKeys.get(fileCalendar.key()));
            }
            if (plan.properties().statusDate() != null) {
                details.useStatusDate(projectId, plan.properties().statusDate());
            }
        } else {
            if (fileCalendar != null) {
                notKept.add("the file's project calendar '" + fileCalendar.name() + "' as this project's calendar"
                        + " (kept as calendar " + calendarKeys.get(fileCalendar.key())
                        + " for the tasks and resources that name it; the project keeps its own)");
            }
            if (renamed > 0) {
                notKept.add(renamed + " calendar keys the project already used (the file's calendars were"
                        + " given new keys: " + String.join(", ", renamedKeys(calendarKeys)) + ")");
            }
        }

        List<PlanLink> keptLinks = TaskTableWriter.checkedLinks(plan.tasks(), plan.links(), notKept);
        Map<String, PlanTask> byKey = new HashMap<>();
        List<TaskTableWriter.TaskRow> rows = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            byKey.put(task.key(), task);
            DateDifference moved = gantryDates.get(task.key());
            LocalDateTime taskStart = moved == null ? task.start() : moved.gantryStart();
            LocalDateTime taskFinish = moved == null ? task.finish() : moved.gantryFinish();
            if (taskStart != null && taskFinish != null && taskFinish.isBefore(taskStart)) {
                taskFinish = taskStart;
            }
            rows.add(new TaskTableWriter.TaskRow(
                    task.key(),
                    task.parentKey(),
                    task.name().isBlank() ? NO_NAME : truncate(task.name().strip(), MAXIMUM_NAME),
                    task.notes() == null ? null : truncate(task.notes(), MAXIMUM_NOTES),
                    task.kind() == PlanTaskKind.MILESTONE,
                    priority(task.priority()).name(),
                    adjusted.atLeastZero(task.duration().minutes()),
                    unit(task.duration()).name(),
                    taskStart,
                    taskFinish,
                    (int) Math.round(task.percentComplete()),
                    task.constraintType().name(),
                    task.constraintDate(),
                    task.deadline(),
                    task.taskType().name(),
                    task.workMinutes() == null ? null : adjusted.atLeastZero(task.workMinutes()),
                    task.calendarKey() == null ? null : calendarKeys.get(task.calendarKey()),
                    task.manuallyScheduled(),
                    task.active(),
                    task.actualStart(),
                    task.actualFinish(),
                    (int) adjusted.between(task.priority(), 0, 1000),
                    task.wbs(),
                    sourceUnit(task.duration()),
                    task.levellingDelay() == null
                            ? 0
                            : Math.max(0, task.levellingDelay().minutes()),
                    task.effortDriven()));
        }
        List<TaskTableWriter.LinkRow> linkRows = new ArrayList<>();
        for (PlanLink link : keptLinks) {
            long lagMinutes = link.lag().minutes();
            DurationUnit lagUnit = unit(link.lag());
            if (link.lagPercent() != null) {
                // A percentage of the predecessor's duration, fixed at its current length.
                lagMinutes =
                        Math.round(byKey.get(link.predecessorKey()).duration().minutes() * link.lagPercent() / 100.0);
                lagUnit = DurationUnit.DAYS;
            }
            linkRows.add(new TaskTableWriter.LinkRow(
                    link.predecessorKey(),
                    link.successorKey(),
                    linkType(link.type()).code(),
                    lagMinutes,
                    lagUnit.name()));
        }
        Map<String, Long> ids = writer.write(projectId, rows, linkRows);

        List<PlanDetailsWriter.ResourceRow> resourceRows = new ArrayList<>();
        Set<String> resourceKeys = new HashSet<>();
        for (PlanResource resource : plan.resources()) {
            if (!resourceKeys.add(resource.key())) {
                continue;
            }
            resourceRows.add(new PlanDetailsWriter.ResourceRow(
                    resource.key(),
                    truncate(resource.name(), MAXIMUM_NAME),
                    text(resource.initials()),
                    text(resource.email()),
                    text(resource.group()),
                    resource.kind().name(),
                    text(resource.materialLabel()),
                    adjusted.units(resource.maxUnits()),
                    resource.standardRate() == null
                            ? null
                            : adjusted.money(resource.standardRate().amount()),
                    resource.standardRate() == null
                            ? null
                            : resource.standardRate().per().name(),
                    resource.overtimeRate() == null
                            ? null
                            : adjusted.money(resource.overtimeRate().amount()),
                    resource.overtimeRate() == null
                            ? null
                            : resource.overtimeRate().per().name(),
                    resource.costPerUse() == null ? null : adjusted.money(resource.costPerUse()),
                    resource.calendarKey() == null ? null : calendarKeys.get(resource.calendarKey()),
                    resource.notes() == null ? null : truncate(resource.notes(), MAXIMUM_NOTES)));
        }
        Map<String, Long> resourceIds = details.writeResources(projectId, resourceRows);

        List<PlanDetailsWriter.AssignmentRow> assignmentRows = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        int unplaced = 0;
        int doubled = 0;
        for (PlanAssignment assignment : plan.assignments()) {
            Long taskId = ids.get(assignment.taskKey());
            Long resourceId = resourceIds.get(assignment.resourceKey());
            if (taskId == null || resourceId == null) {
                unplaced++;
                continue;
            }
            if (!pairs.add(taskId + "/" + resourceId)) {
                doubled++;
                continue;
            }
            assignmentRows.add(new PlanDetailsWriter.AssignmentRow(
                    taskId,
                    resourceId,
                    adjusted.units(assignment.units()),
                    adjusted.atLeastZero(assignment.workMinutes()),
                    adjusted.atLeastZero(assignment.actualWorkMinutes()),
                    adjusted.atLeastZero(assignment.remainingWorkMinutes()),
                    assignment.start(),
                    assignment.finish(),
                    assignment.contour().name(),
                    text(assignment.key()),
                    adjusted.atLeastZero(assignment.levellingDelayMinutes())));
        }
        details.writeAssignments(projectId, assignmentRows);
        if (unplaced > 0) {
            notKept.add(new UnsupportedField(
                            "assignment", "assignments to a task or resource the file does not hold", unplaced, null)
                    .describe());
        }
        if (doubled > 0) {
            notKept.add(new UnsupportedField(
                            "assignment",
                            "second assignments of the same resource to the same task (the first is kept)",
                            doubled,
                            null)
                    .describe());
        }

        List<PlanDetailsWriter.BaselineRow> baselineRows = new ArrayList<>();
        Set<String> slots = new HashSet<>();
        for (PlanBaseline baseline : plan.baselines()) {
            Long taskId = ids.get(baseline.taskKey());
            if (taskId == null || !slots.add(taskId + "/" + baseline.slot())) {
                continue;
            }
            baselineRows.add(new PlanDetailsWriter.BaselineRow(
                    taskId,
                    baseline.slot(),
                    baseline.start(),
                    baseline.finish(),
                    baseline.duration() == null ? null : baseline.duration().minutes(),
                    baseline.duration() == null
                            ? null
                            : baseline.duration().unit().name(),
                    baseline.workMinutes(),
                    baseline.cost() == null ? null : adjusted.signedMoney(baseline.cost())));
        }
        details.writeBaselines(projectId, baselineRows);
        Map<Long, PlanFixedCost> fixedCosts = new HashMap<>();
        for (PlanFixedCost cost : plan.fixedCosts()) {
            Long taskId = ids.get(cost.taskKey());
            if (taskId != null && cost.amount().signum() > 0) {
                fixedCosts.put(
                        taskId, new PlanFixedCost(cost.taskKey(), adjusted.money(cost.amount()), cost.accrual()));
            }
        }
        details.writeFixedCosts(projectId, fixedCosts);
        if (adjusted.count() > 0) {
            notKept.add(adjusted.count() + " numbers out of range (negative work, units or rates, or amounts too"
                    + " large to store) set to the nearest value Gantry accepts");
        }

        // Synchronous: the schedule module reschedules inside this transaction, before the import commits.
        events.publishEvent(new PlanImported(projectId, dates == DateChoice.FILE));

        details.recordImport(
                projectId, fileName, ids.size(), linkRows.size(), resourceRows.size(), assignmentRows.size());
        ImportSummary summary = summary(project, plan, imported, notKept);
        return new ImportSummary(
                summary.projectKey(),
                summary.projectName(),
                summary.sourceFormat(),
                ids.size(),
                linkRows.size(),
                summary.dateDifferences(),
                summary.scheduleProblem(),
                summary.notKept(),
                calendarRows.size(),
                resourceRows.size(),
                assignmentRows.size(),
                baselineRows.size());
    }

    private static List<String> renamedKeys(Map<String, String> calendarKeys) {
        List<String> renamed = new ArrayList<>();
        calendarKeys.forEach((from, to) -> {
            if (!from.equals(to)) {
                renamed.add(from + " -> " + to);
            }
        });
        return renamed;
    }

    /** The calendar the file's project follows, when the file names one it holds. */
    private static PlanCalendar projectCalendar(Plan plan) {
        String key = plan.properties().calendarKey();
        return key == null
                ? null
                : plan.calendars().stream()
                        .filter(c -> c.key().equals(key))
                        .findFirst()
                        .orElse(null);
    }

    private static ImportSummary summary(Project project, Plan plan, ImportedPlan imported, List<String> notKept) {
        return new ImportSummary(
                project == null ? null : project.key(),
                project == null ? plan.properties().name() : project.name(),
                plan.properties().sourceFormat(),
                plan.tasks().size(),
                plan.links().size(),
                imported.report() == null ? List.of() : imported.report().differences(),
                imported.report() == null ? null : imported.report().problem(),
                notKept,
                plan.calendars().size(),
                plan.resources().size(),
                plan.assignments().size(),
                plan.baselines().size());
    }

    /**
     * How many tasks carry a WBS code that is not their outline number. Gantry shows the number it derives from
     * the outline (the task's position among its siblings, joined with dots); a file's own scheme, such as
     * Microsoft Project's WBS masks or Primavera's codes, is kept beside it (task.source_wbs) and exported while
     * the task keeps the outline number it was imported at.
     */
    static int customWbsCodes(List<PlanTask> tasks) {
        Map<String, String> numbers = new HashMap<>();
        Map<String, Integer> children = new HashMap<>();
        int custom = 0;
        for (PlanTask task : tasks) {
            String parent = task.parentKey();
            int position = children.merge(parent == null ? "" : parent, 1, Integer::sum);
            String parentNumber = parent == null ? null : numbers.get(parent);
            String number = parentNumber == null ? String.valueOf(position) : parentNumber + "." + position;
            numbers.put(task.key(), number);
            if (task.wbs() != null && !task.wbs().isBlank() && !task.wbs().equals(number)) {
                custom++;
            }
        }
        return custom;
    }

    /**
     * What the file holds that the project does not keep as the file had it, in words for the import report:
     * the fields the reader could not map, and what the server's own model changes (units it does not show,
     * percentage lags, whole-number progress, names it needs). Everything else (calendars, resources with
     * rates, assignments, baselines, constraints, deadlines, progress) is stored.
     */
    static List<String> notKept(Plan plan) {
        List<String> notKept = new ArrayList<>();
        plan.unsupported().forEach(field -> notKept.add(field.describe()));
        int elapsed = 0;
        int months = 0;
        String elapsedExample = null;
        // A task's month unit is kept (an export gives it back while the task keeps its length); a link's is not.
        // A task's elapsed unit is kept the same way, but the server still schedules the minutes as working time.
        for (PlanTask task : plan.tasks()) {
            if (elapsed(task.duration())) {
                elapsed++;
                elapsedExample = elapsedExample == null ? task.name() : elapsedExample;
            }
        }
        int percentLags = 0;
        for (PlanLink link : plan.links()) {
            if (link.lagPercent() != null) {
                percentLags++;
            } else if (elapsed(link.lag())) {
                elapsed++;
            } else if (months(link.lag())) {
                months++;
            }
        }
        if (elapsed > 0) {
            notKept.add(
                    "elapsed durations and lags on " + elapsed + (elapsed == 1 ? " task or link" : " tasks and links")
                            + (elapsedExample == null ? "" : ", e.g. '" + elapsedExample + "'")
                            + " (Gantry counts the same number of minutes as working time and shows them in working"
                            + " units; an export gives tasks their elapsed unit back while their length is unchanged)");
        }
        if (months > 0) {
            notKept.add("lags in months on " + months + (months == 1 ? " link" : " links")
                    + " (shown in weeks; the length is kept)");
        }
        if (percentLags > 0) {
            notKept.add(new UnsupportedField(
                            "link",
                            "lags as a percentage of the predecessor's duration (fixed at that duration in the file)",
                            percentLags,
                            null)
                    .describe());
        }
        // WBS codes other than the outline number (customWbsCodes) are kept beside Gantry's own numbering and
        // exported while the task stays where the file had it, so they are not listed here.
        long fractional = plan.tasks().stream()
                .filter(t -> t.percentComplete() != Math.rint(t.percentComplete()))
                .count();
        if (fractional > 0) {
            notKept.add(new UnsupportedField(
                            "task",
                            "percent complete with decimals (rounded to a whole percent)",
                            (int) fractional,
                            null)
                    .describe());
        }
        long unnamed = plan.tasks().stream().filter(t -> t.name().isBlank()).count();
        if (unnamed > 0) {
            notKept.add(
                    new UnsupportedField("task", "no name (named '" + NO_NAME + "')", (int) unnamed, null).describe());
        }
        long longNames = plan.tasks().stream()
                        .filter(t -> t.name().strip().length() > MAXIMUM_NAME)
                        .count()
                + plan.resources().stream()
                        .filter(r -> r.name().length() > MAXIMUM_NAME)
                        .count();
        if (longNames > 0) {
            notKept.add(new UnsupportedField(
                            "task or resource",
                            "names longer than " + MAXIMUM_NAME + " characters (cut short)",
                            (int) longNames,
                            null)
                    .describe());
        }
        long longNotes = plan.tasks().stream()
                        .filter(t -> t.notes() != null && t.notes().length() > MAXIMUM_NOTES)
                        .count()
                + plan.resources().stream()
                        .filter(r -> r.notes() != null && r.notes().length() > MAXIMUM_NOTES)
                        .count();
        if (longNotes > 0) {
            notKept.add(new UnsupportedField(
                            "task or resource",
                            "notes longer than " + MAXIMUM_NOTES + " characters (cut short)",
                            (int) longNotes,
                            null)
                    .describe());
        }
        PlanProperties properties = plan.properties();
        if (properties.author() != null && !properties.author().isBlank()) {
            notKept.add("the project's author ('" + properties.author() + "')");
        }
        if (properties.scheduledFromFinish()) {
            notKept.add("scheduling backwards from the project's finish (Gantry schedules forwards from its start)");
        }
        if (properties.minutesPerDay() != PlanProperties.STANDARD_MINUTES_PER_DAY
                || properties.minutesPerWeek() != PlanProperties.STANDARD_MINUTES_PER_WEEK
                || properties.daysPerMonth() != PlanProperties.STANDARD_DAYS_PER_MONTH) {
            notKept.add("the file's length of a day (" + hours(properties.minutesPerDay()) + "), week ("
                    + hours(properties.minutesPerWeek()) + ") and month (" + properties.daysPerMonth()
                    + " days) for showing durations (Gantry shows days of the project calendar's hours; every"
                    + " duration keeps its length in minutes)");
        }
        return notKept;
    }

    private static String hours(int minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : String.format(Locale.ROOT, "%.2f h", minutes / 60.0);
    }

    private static boolean elapsed(PlanDuration duration) {
        return duration.unit().name().startsWith("ELAPSED_");
    }

    private static boolean months(PlanDuration duration) {
        return duration.unit() == org.gantry.engine.DurationUnit.MONTHS;
    }

    private static String text(String value) {
        return value == null ? null : truncate(value, MAXIMUM_NAME);
    }

    /**
     * Numbers a file may hold that the tables do not accept (negative work or units, amounts beyond
     * numeric(19, 4)): each is set to the nearest accepted value and counted, so the report can say so
     * instead of the database refusing the whole import.
     */
    private static final class Adjustments {
        private static final BigDecimal MAXIMUM_UNITS = new BigDecimal("9999999999.99");
        private static final BigDecimal MAXIMUM_MONEY = new BigDecimal("999999999999999.9999");
        private int count;

        int count() {
            return count;
        }

        long atLeastZero(long value) {
            if (value < 0) {
                count++;
                return 0;
            }
            return value;
        }

        long between(long value, long lowest, long highest) {
            if (value < lowest || value > highest) {
                count++;
                return Math.max(lowest, Math.min(highest, value));
            }
            return value;
        }

        BigDecimal units(double value) {
            if (Double.isNaN(value) || value < 0) {
                count++;
                return BigDecimal.ZERO;
            }
            BigDecimal units = BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
            if (units.compareTo(MAXIMUM_UNITS) > 0) {
                count++;
                return MAXIMUM_UNITS;
            }
            return units;
        }

        BigDecimal money(BigDecimal value) {
            if (value.signum() < 0) {
                count++;
                return BigDecimal.ZERO;
            }
            return signedMoney(value);
        }

        BigDecimal signedMoney(BigDecimal value) {
            if (value.abs().compareTo(MAXIMUM_MONEY) > 0) {
                count++;
                return value.signum() < 0 ? MAXIMUM_MONEY.negate() : MAXIMUM_MONEY;
            }
            return value;
        }
    }

    /** A free project key from the name: its first letters and digits, numbered if taken. */
    private String keyFor(CurrentUser user, String name) {
        StringBuilder letters = new StringBuilder();
        for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (letters.length() > 0 && c >= '0' && c <= '9')) {
                letters.append(c);
            }
            if (letters.length() == 6) {
                break;
            }
        }
        String base = letters.length() < 2 ? "IMP" : letters.toString();
        for (int n = 1; n < 10_000; n++) {
            String candidate = n == 1 ? base : base + n;
            if (!exists(user, candidate)) {
                return candidate;
            }
        }
        return base + System.currentTimeMillis() % 10_000;
    }

    /**
     * Whether this user sees a project with the key (asked through the list, since a failed lookup would
     * mark the import's transaction for rollback). A project of someone else's can still hold the key; then
     * the import fails with the project service's conflict and the user picks a key.
     */
    private boolean exists(CurrentUser user, String key) {
        return projects.list(user, key, true, 0, 50).items().stream()
                .anyMatch(project -> project.key().equalsIgnoreCase(key));
    }

    private static String currency(String code) {
        return code != null && code.matches("[A-Z]{3}") ? code : null;
    }

    /**
     * The text cut to the length, without NUL characters: PostgreSQL refuses them in text and jsonb, and a
     * binary file can carry them in a name, which must not fail the whole import.
     */
    private static String truncate(String text, int length) {
        String clean = text.indexOf('\0') >= 0 ? text.replace("\0", "") : text;
        return clean.length() <= length ? clean : clean.substring(0, length);
    }

    /** The calendar under its stored key, with names PostgreSQL can hold. */
    private static PlanCalendar storable(PlanCalendar calendar, String key, String baseKey) {
        List<PlanWorkWeek> workWeeks = calendar.workWeeks().stream()
                .map(week -> new PlanWorkWeek(text(week.name()), week.from(), week.to(), week.week()))
                .toList();
        List<PlanCalendarException> exceptions = calendar.exceptions().stream()
                .map(exception -> new PlanCalendarException(
                        text(exception.name()),
                        exception.from(),
                        exception.to(),
                        exception.periods(),
                        exception.recurrence()))
                .toList();
        return new PlanCalendar(key, text(calendar.name()), baseKey, calendar.week(), workWeeks, exceptions);
    }

    static Priority priority(int value) {
        if (value < 400) {
            return Priority.LOW;
        }
        if (value < 600) {
            return Priority.NORMAL;
        }
        return value < 800 ? Priority.HIGH : Priority.CRITICAL;
    }

    /** The file's unit where the server shows the task in another one (months, elapsed units), else null. */
    static String sourceUnit(PlanDuration duration) {
        String name = duration.unit().name();
        return name.equals(unit(duration).name()) ? null : name;
    }

    /** The server shows minutes, hours, days and weeks; months and elapsed units show as their nearest. */
    static DurationUnit unit(PlanDuration duration) {
        return switch (duration.unit()) {
            case MINUTES, ELAPSED_MINUTES -> DurationUnit.MINUTES;
            case HOURS, ELAPSED_HOURS -> DurationUnit.HOURS;
            case WEEKS, MONTHS, ELAPSED_WEEKS, ELAPSED_MONTHS -> DurationUnit.WEEKS;
            default -> DurationUnit.DAYS;
        };
    }

    private static LinkType linkType(org.gantry.engine.LinkType type) {
        return switch (type) {
            case FINISH_START -> LinkType.FINISH_START;
            case START_START -> LinkType.START_START;
            case FINISH_FINISH -> LinkType.FINISH_FINISH;
            case START_FINISH -> LinkType.START_FINISH;
        };
    }
}
