package org.gantry.server.interchange;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gantry.interchange.ColumnMapping;
import org.gantry.interchange.DateDifference;
import org.gantry.interchange.ImportFailure;
import org.gantry.interchange.ImportedPlan;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanLink;
import org.gantry.interchange.PlanReader;
import org.gantry.interchange.PlanTask;
import org.gantry.interchange.PlanTaskKind;
import org.gantry.interchange.Spreadsheet;
import org.gantry.interchange.TableImport;
import org.gantry.interchange.TableImportResult;
import org.gantry.interchange.UnsupportedField;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.task.DurationUnit;
import org.gantry.server.task.LinkType;
import org.gantry.server.task.Priority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an uploaded file into a new project: the project through the project service, its tasks and links
 * through {@link TaskTableWriter} in batches, all in one transaction, so any failure (a link loop, a
 * database error) rolls back the project with everything in it.
 */
@Service
public class PlanImport {
    private static final int MAXIMUM_NAME = 500;
    private static final int MAXIMUM_NOTES = 50_000;

    private final ProjectService projects;
    private final TaskTableWriter writer;

    PlanImport(ProjectService projects, TaskTableWriter writer) {
        this.projects = projects;
        this.writer = writer;
    }

    /** Reads the file and reports what an import would create; writes nothing. */
    public ImportSummary report(InputStream file, String fileName) throws ImportFailure {
        ImportedPlan imported = PlanReader.readWithReport(file, fileName);
        Plan plan = imported.plan();
        return summary(null, plan, imported, notKept(plan));
    }

    /** Creates a project from the file; {@code key} may be null (derived from the name). */
    @Transactional(rollbackFor = Exception.class)
    public ImportSummary importFile(CurrentUser user, InputStream file, String fileName, String key, DateChoice dates)
            throws ImportFailure {
        return importPlan(user, PlanReader.readWithReport(file, fileName), fileName, key, dates, null);
    }

    /** Adds the file's tasks and links after the existing tasks of a project the user may edit. */
    @Transactional(rollbackFor = Exception.class)
    public ImportSummary importInto(
            CurrentUser user, String projectRef, InputStream file, String fileName, DateChoice dates)
            throws ImportFailure {
        Project existing = projects.get(user, projectRef);
        return importPlan(user, PlanReader.readWithReport(file, fileName), fileName, null, dates, existing);
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
                                null));
        String projectKey = project.key();
        long projectId =
                projects.access(user, projectKey).require(Permission.EDIT_TASKS).projectId();
        List<String> notKept = notKept(plan);
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
            boolean summary = task.kind() == PlanTaskKind.SUMMARY;
            rows.add(new TaskTableWriter.TaskRow(
                    task.key(),
                    task.parentKey(),
                    task.name().isBlank() ? "(no name)" : truncate(task.name().strip(), MAXIMUM_NAME),
                    task.notes() == null ? null : truncate(task.notes(), MAXIMUM_NOTES),
                    task.kind() == PlanTaskKind.MILESTONE,
                    priority(task.priority()).name(),
                    summary ? 0 : Math.max(0, task.duration().minutes()),
                    unit(task.duration()).name(),
                    taskStart,
                    taskFinish,
                    (int) Math.round(task.percentComplete())));
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
        int linkCount = linkRows.size();
        ImportSummary summary = summary(project, plan, imported, notKept);
        return new ImportSummary(
                summary.projectKey(),
                summary.projectName(),
                summary.sourceFormat(),
                ids.size(),
                linkCount,
                summary.dateDifferences(),
                summary.scheduleProblem(),
                summary.notKept());
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
                notKept);
    }

    /** What the file holds that this project does not store (yet), in words for the import report. */
    static List<String> notKept(Plan plan) {
        List<String> notKept = new ArrayList<>();
        plan.unsupported().forEach(field -> notKept.add(field.describe()));
        if (!plan.resources().isEmpty()) {
            notKept.add(new UnsupportedField(
                            "resource",
                            "resources, rates and assignments (not stored by projects yet)",
                            plan.resources().size(),
                            plan.resources().get(0).name())
                    .describe());
        }
        if (!plan.baselines().isEmpty()) {
            notKept.add(new UnsupportedField(
                            "task",
                            "baselines (not stored by projects yet)",
                            plan.baselines().size(),
                            null)
                    .describe());
        }
        long constrained = plan.tasks().stream()
                .filter(t -> t.constraintType() != org.gantry.engine.ConstraintType.AS_SOON_AS_POSSIBLE)
                .count();
        if (constrained > 0) {
            notKept.add(new UnsupportedField("task", "constraints (not stored by tasks yet)", (int) constrained, null)
                    .describe());
        }
        long deadlines = plan.tasks().stream().filter(t -> t.deadline() != null).count();
        if (deadlines > 0) {
            notKept.add(new UnsupportedField("task", "deadlines (not stored by tasks yet)", (int) deadlines, null)
                    .describe());
        }
        if (plan.calendars().stream()
                .anyMatch(c -> !c.exceptions().isEmpty() || !c.workWeeks().isEmpty())) {
            notKept.add("calendar exceptions and work weeks (the project keeps the standard week)");
        }
        return notKept;
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

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static Priority priority(int value) {
        if (value < 400) {
            return Priority.LOW;
        }
        if (value < 600) {
            return Priority.NORMAL;
        }
        return value < 800 ? Priority.HIGH : Priority.CRITICAL;
    }

    /** The server shows minutes, hours, days and weeks; months and elapsed units show as their nearest. */
    private static DurationUnit unit(PlanDuration duration) {
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
