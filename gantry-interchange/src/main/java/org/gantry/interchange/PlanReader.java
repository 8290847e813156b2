package org.gantry.interchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.LinkType;
import org.gantry.engine.TaskType;
import org.gantry.engine.WorkContour;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.Rate;
import org.mpxj.Relation;
import org.mpxj.Resource;
import org.mpxj.ResourceAssignment;
import org.mpxj.ScheduleFrom;
import org.mpxj.TaskMode;
import org.mpxj.TimeUnit;
import org.mpxj.reader.UniversalProjectReader;
import org.mpxj.reader.UniversalProjectReader.ProjectReaderProxy;

/**
 * Reads any file MPXJ reads (Microsoft Project MPP/MSPDI/MPX, Primavera XER/PMXML, GanttProject, Phoenix,
 * Asta, ProjectLibre...) into a {@link Plan}. The source's structure is kept as it is (base calendars,
 * recurring exceptions, work weeks, the outline) rather than flattened, because this is what Gantry stores
 * and what it writes back out.
 */
public final class PlanReader {
    /** Larger uploads are refused before parsing: no real plan comes near it and parsing holds it in memory. */
    public static final long MAXIMUM_BYTES = 256L * 1024 * 1024;

    static final String READABLE_FORMATS = "Microsoft Project (.mpp, .mpt, .xml, .mpx), Primavera P6 (.xer, .xml),"
            + " GanttProject (.gan), ProjectLibre (.pod), Phoenix, Asta Powerproject, Planner, SureTrak, P3,"
            + " ConceptDraw, FastTrack, Deltek Open Plan and others";

    private final ProjectFile file;
    private final PlanProperties properties;
    private final List<UnsupportedField> unsupported = new ArrayList<>();
    private final PlanCalendarReader calendarReader;
    private final OutlineNumbers outlineNumbers = new OutlineNumbers();
    private int commaNames;
    private String firstCommaName;

    private PlanReader(ProjectFile file, String fallbackName) {
        this.file = file;
        this.properties = properties(file, fallbackName);
        this.calendarReader = new PlanCalendarReader(file);
    }

    public static Plan read(Path path) throws ImportFailure {
        checkSize(size(path));
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.getFileName().toString());
        } catch (IOException e) {
            throw new ImportFailure(ImportFailure.Reason.DAMAGED, "The file could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads a file from a stream (an upload); the name is only used for the plan's name and messages. */
    public static Plan read(InputStream in, String fileName) throws ImportFailure {
        Plan plan = readAny(in, fileName);
        if (plan.tasks().isEmpty() && plan.resources().isEmpty()) {
            throw new ImportFailure(
                    ImportFailure.Reason.NO_PROJECT,
                    "The file holds no tasks and no resources; it may be damaged or cut short.");
        }
        return plan;
    }

    /** Reads a file that may hold no tasks at all (a calendar file, say). */
    static Plan readAny(Path path) throws ImportFailure {
        checkSize(size(path));
        try (InputStream in = Files.newInputStream(path)) {
            return readAny(in, path.getFileName().toString());
        } catch (IOException e) {
            throw new ImportFailure(ImportFailure.Reason.DAMAGED, "The file could not be read: " + e.getMessage(), e);
        }
    }

    private static long size(Path path) throws ImportFailure {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new ImportFailure(ImportFailure.Reason.DAMAGED, "The file could not be opened: " + e.getMessage(), e);
        }
    }

    static Plan readAny(InputStream in, String fileName) throws ImportFailure {
        return readImport(in, fileName, false, ArchiveLimits.DEFAULT).plan();
    }

    /**
     * Reads an upload into a plan and the import report: every task whose stored dates differ from what
     * Gantry's engine computes, with both values and the reason. Refuses files without tasks or resources.
     */
    public static ImportedPlan readWithReport(InputStream in, String fileName) throws ImportFailure {
        return readWithReport(in, fileName, ArchiveLimits.DEFAULT);
    }

    /** {@link #readWithReport(InputStream, String)} with the server's limits on archives. */
    public static ImportedPlan readWithReport(InputStream in, String fileName, ArchiveLimits limits)
            throws ImportFailure {
        ImportedPlan imported = readImport(in, fileName, true, limits);
        if (imported.plan().tasks().isEmpty() && imported.plan().resources().isEmpty()) {
            throw new ImportFailure(
                    ImportFailure.Reason.NO_PROJECT,
                    "The file holds no tasks and no resources; it may be damaged or cut short.");
        }
        return imported;
    }

    private static ImportedPlan readImport(InputStream in, String fileName, boolean report, ArchiveLimits limits)
            throws ImportFailure {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAXIMUM_BYTES + 1));
        } catch (IOException e) {
            throw new ImportFailure(ImportFailure.Reason.DAMAGED, "The file could not be read: " + e.getMessage(), e);
        }
        checkSize(bytes.length);
        if (bytes.length == 0) {
            throw new ImportFailure(ImportFailure.Reason.EMPTY, "The file is empty: it holds no project.");
        }
        limits.check(new ByteArrayInputStream(bytes));
        List<ProjectFile> projects;
        UniversalProjectReader reader = new UniversalProjectReader();
        try (ProjectReaderProxy proxy = reader.getProjectReaderProxy(new ByteArrayInputStream(bytes))) {
            projects = proxy == null ? List.of() : proxy.readAll();
        } catch (Exception | LinkageError e) {
            throw failure(e);
        } finally {
            ReaderCleanup.release(reader);
        }
        if (projects == null || projects.isEmpty() || projects.get(0) == null) {
            throw new ImportFailure(
                    ImportFailure.Reason.UNRECOGNISED_FORMAT,
                    "Gantry does not recognise this file's format. It reads " + READABLE_FORMATS + ".");
        }
        Plan plan;
        try {
            plan = fromProjectFile(projects.get(0), baseName(fileName));
        } catch (RuntimeException e) {
            throw new ImportFailure(
                    ImportFailure.Reason.DAMAGED,
                    "The file was read but its contents do not make a consistent plan: " + e.getMessage(),
                    e);
        }
        if (projects.size() > 1) {
            List<UnsupportedField> notes = new ArrayList<>(plan.unsupported());
            notes.add(new UnsupportedField(
                    "project",
                    "further projects in the same file (only the first was imported)",
                    projects.size() - 1,
                    projects.get(1).getProjectProperties().getName()));
            plan = new Plan(
                    plan.properties(),
                    plan.calendars(),
                    plan.tasks(),
                    plan.links(),
                    plan.resources(),
                    plan.assignments(),
                    plan.baselines(),
                    notes,
                    plan.fixedCosts());
        }
        return new ImportedPlan(plan, report ? ImportReport.of(projects.get(0)) : null);
    }

    private static void checkSize(long size) throws ImportFailure {
        if (size > MAXIMUM_BYTES) {
            throw new ImportFailure(
                    ImportFailure.Reason.TOO_LARGE,
                    "The file is larger than " + MAXIMUM_BYTES / (1024 * 1024)
                            + " MB; no project plan is that large, so it is probably not one.");
        }
    }

    private static ImportFailure failure(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("password")) {
            return new ImportFailure(
                    ImportFailure.Reason.PASSWORD_PROTECTED,
                    "The file is protected by a password. Open it in the tool that saved it, remove the password"
                            + " and save it again.",
                    e);
        }
        return new ImportFailure(
                ImportFailure.Reason.DAMAGED,
                "The file could not be read; it may be damaged or cut short ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").",
                e);
    }

    private static String baseName(String fileName) {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The plan a file read by MPXJ holds. */
    public static Plan fromProjectFile(ProjectFile file, String fallbackName) {
        return new PlanReader(file, fallbackName).plan();
    }

    private Plan plan() {
        List<PlanCalendar> calendars = calendarReader.calendars();
        List<PlanTask> tasks = new ArrayList<>();
        List<PlanBaseline> baselines = new ArrayList<>();
        List<PlanLink> links = new ArrayList<>();
        List<PlanFixedCost> fixedCosts = new ArrayList<>();
        int blankRows = 0;
        for (org.mpxj.Task source : file.getTasks()) {
            if (source.getNull()) {
                blankRows++;
                continue;
            }
            if (!ProjectFileImport.included(source)) {
                continue;
            }
            PlanTask task = task(source);
            String outlineNumber = outlineNumbers.next(task.outlineLevel());
            if (task.wbs() == null || task.wbs().isBlank()) {
                task = task.withWbs(outlineNumber);
            }
            tasks.add(task);
            Number fixedCost = source.getFixedCost();
            if (fixedCost != null && fixedCost.doubleValue() > 0) {
                // A summary task's own fixed cost comes in too: its cost is its subtasks' plus that.
                fixedCosts.add(new PlanFixedCost(
                        task.key(),
                        new BigDecimal(fixedCost.toString()).setScale(2, RoundingMode.HALF_UP),
                        CostCheck.accrual(source.getFixedCostAccrual())));
            }
            baselines.addAll(baselines(source));
            for (Relation relation : source.getPredecessors()) {
                PlanLink link = link(relation);
                if (link != null) {
                    links.add(link);
                }
            }
        }
        if (blankRows > 0) {
            unsupported.add(new UnsupportedField("task", "blank rows (left out)", blankRows, null));
        }
        List<PlanResource> resources = new ArrayList<>();
        for (Resource resource : file.getResources()) {
            if (includedResource(resource)) {
                resources.add(resource(resource));
            }
        }
        List<PlanAssignment> assignments = new ArrayList<>();
        for (ResourceAssignment assignment : file.getResourceAssignments()) {
            PlanAssignment converted = assignment(assignment);
            if (converted != null) {
                assignments.add(converted);
            }
        }
        if (commaNames > 0) {
            unsupported.add(new UnsupportedField(
                    "resource", "comma in the name (replaced by ';')", commaNames, firstCommaName));
        }
        unsupported.addAll(UnsupportedFields.of(file, resources.size()));
        PlanProperties project = properties;
        if (project.finish() == null) {
            project = withFinish(project, tasks);
        }
        return new Plan(project, calendars, tasks, links, resources, assignments, baselines, unsupported, fixedCosts);
    }

    // ----- project -----

    private static PlanProperties properties(ProjectFile file, String fallbackName) {
        ProjectProperties source = file.getProjectProperties();
        String name = firstText(source.getProjectTitle(), source.getName(), summaryName(file), fallbackName);
        ProjectCalendar calendar = source.getDefaultCalendar();
        String format = firstText(
                join(source.getFileApplication(), source.getFileType()), source.getFileApplication(), null, null);
        return new PlanProperties(
                name,
                text(source.getAuthor()),
                source.getStartDate(),
                source.getFinishDate(),
                source.getStatusDate(),
                calendar == null ? null : key(calendar),
                positive(source.getMinutesPerDay(), PlanProperties.STANDARD_MINUTES_PER_DAY),
                positive(source.getMinutesPerWeek(), PlanProperties.STANDARD_MINUTES_PER_WEEK),
                positive(source.getDaysPerMonth(), PlanProperties.STANDARD_DAYS_PER_MONTH),
                text(source.getCurrencyCode()),
                text(source.getCurrencySymbol()),
                source.getScheduleFrom() == ScheduleFrom.FINISH,
                format);
    }

    private static String summaryName(ProjectFile file) {
        for (org.mpxj.Task task : file.getTasks()) {
            if (task.getID() != null && task.getID() == 0 && !ProjectFileImport.included(task)) {
                return task.getName();
            }
        }
        return null;
    }

    private static String join(String first, String second) {
        return first == null || second == null ? null : first + " " + second;
    }

    private static String firstText(String a, String b, String c, String d) {
        for (String candidate : new String[] {a, b, c, d}) {
            String cleaned = text(candidate);
            if (cleaned != null && !cleaned.isBlank()) {
                return cleaned;
            }
        }
        return null;
    }

    private static int positive(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }

    // ----- tasks -----

    private PlanTask task(org.mpxj.Task source) {
        org.mpxj.Task parent = source.getParentTask();
        boolean hasParent = parent != null && ProjectFileImport.included(parent);
        int level = 1;
        for (org.mpxj.Task up = parent; up != null && ProjectFileImport.included(up); up = up.getParentTask()) {
            level++;
        }
        boolean summary = false;
        for (org.mpxj.Task child : source.getChildTasks()) {
            if (ProjectFileImport.included(child)) {
                summary = true;
                break;
            }
        }
        PlanTaskKind kind =
                summary ? PlanTaskKind.SUMMARY : source.getMilestone() ? PlanTaskKind.MILESTONE : PlanTaskKind.TASK;
        ConstraintType constraint = constraintType(source.getConstraintType());
        LocalDateTime constraintDate = source.getConstraintDate();
        if (constraint == ConstraintType.AS_SOON_AS_POSSIBLE || constraint == ConstraintType.AS_LATE_AS_POSSIBLE) {
            constraintDate = null;
        } else if (constraintDate == null) {
            constraint = ConstraintType.AS_SOON_AS_POSSIBLE;
        }
        PlanDuration duration = duration(source.getDuration());
        Number percent = source.getPercentageComplete();
        ProjectCalendar calendar = source.getCalendar();
        return new PlanTask(
                key(source),
                hasParent ? key(parent) : null,
                level,
                text(source.getWBS()),
                text(source.getName()),
                notes(source.getNotes()),
                kind,
                source.getTaskMode() == TaskMode.MANUALLY_SCHEDULED,
                source.getActive(),
                taskType(source.getType()),
                source.getEffortDriven(),
                duration == null ? PlanDuration.ZERO_DAYS : duration,
                nonZero(work(source.getWork())),
                source.getStart(),
                finish(source),
                constraint,
                constraintDate,
                source.getDeadline(),
                // Whole percentages, as Project shows them and as MSPDI stores them.
                percent == null ? 0 : Math.max(0, Math.min(100, Math.round(percent.doubleValue()))),
                source.getActualStart(),
                source.getActualFinish(),
                source.getPriority() == null
                        ? PlanTask.DEFAULT_PRIORITY
                        : source.getPriority().getValue(),
                calendarReader.calendarKey(calendar),
                levellingDelay(source.getLevelingDelay()));
    }

    /**
     * Project keeps levelling delay in elapsed units; a delay given in working units is taken as elapsed too
     * (as {@code ProjectFileImport} schedules it, so the server computes the dates the import report promised).
     */
    private PlanDuration levellingDelay(Duration delay) {
        if (delay == null || delay.getDuration() <= 0 || delay.getUnits() == TimeUnit.PERCENT) {
            return null;
        }
        PlanDuration converted = duration(delay);
        if (converted == null || converted.minutes() <= 0) {
            return null;
        }
        // Shown in elapsed days, as Project shows it by default and as Gantry exports it.
        return new PlanDuration(converted.minutes(), DurationUnit.ELAPSED_DAYS);
    }

    /**
     * The finish the file stored; files that keep only start and duration (Project 98 MPX) get the finish
     * their calendar gives.
     */
    private static LocalDateTime finish(org.mpxj.Task source) {
        LocalDateTime finish = source.getFinish();
        if (finish != null || source.getStart() == null || source.getDuration() == null) {
            return finish;
        }
        ProjectCalendar calendar = source.getEffectiveCalendar();
        if (calendar == null || source.getDuration().getDuration() == 0) {
            return source.getStart();
        }
        try {
            return calendar.getDate(source.getStart(), source.getDuration());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A project without a stored finish finishes with its last task. */
    private static PlanProperties withFinish(PlanProperties properties, List<PlanTask> tasks) {
        LocalDateTime last = null;
        for (PlanTask task : tasks) {
            if (task.finish() != null && (last == null || task.finish().isAfter(last))) {
                last = task.finish();
            }
        }
        return new PlanProperties(
                properties.name(),
                properties.author(),
                properties.start(),
                last,
                properties.statusDate(),
                properties.calendarKey(),
                properties.minutesPerDay(),
                properties.minutesPerWeek(),
                properties.daysPerMonth(),
                properties.currencyCode(),
                properties.currencySymbol(),
                properties.scheduledFromFinish(),
                properties.sourceFormat());
    }

    static ConstraintType constraintType(org.mpxj.ConstraintType type) {
        if (type == null) {
            return ConstraintType.AS_SOON_AS_POSSIBLE;
        }
        return switch (type) {
            case AS_LATE_AS_POSSIBLE -> ConstraintType.AS_LATE_AS_POSSIBLE;
            case START_NO_EARLIER_THAN -> ConstraintType.START_NO_EARLIER_THAN;
            case START_NO_LATER_THAN -> ConstraintType.START_NO_LATER_THAN;
            case FINISH_NO_EARLIER_THAN -> ConstraintType.FINISH_NO_EARLIER_THAN;
            case FINISH_NO_LATER_THAN -> ConstraintType.FINISH_NO_LATER_THAN;
            case MUST_START_ON, START_ON -> ConstraintType.MUST_START_ON;
            case MUST_FINISH_ON, FINISH_ON -> ConstraintType.MUST_FINISH_ON;
            default -> ConstraintType.AS_SOON_AS_POSSIBLE;
        };
    }

    private static TaskType taskType(org.mpxj.TaskType type) {
        if (type == null) {
            return TaskType.FIXED_UNITS;
        }
        return switch (type) {
            case FIXED_DURATION -> TaskType.FIXED_DURATION;
            case FIXED_WORK -> TaskType.FIXED_WORK;
            default -> TaskType.FIXED_UNITS;
        };
    }

    private List<PlanBaseline> baselines(org.mpxj.Task source) {
        List<PlanBaseline> result = new ArrayList<>();
        for (int slot = 0; slot < PlanBaseline.SLOTS; slot++) {
            LocalDateTime start = slot == 0 ? source.getBaselineStart() : source.getBaselineStart(slot);
            LocalDateTime finish = slot == 0 ? source.getBaselineFinish() : source.getBaselineFinish(slot);
            Duration duration = slot == 0 ? source.getBaselineDuration() : source.getBaselineDuration(slot);
            Duration work = slot == 0 ? source.getBaselineWork() : source.getBaselineWork(slot);
            Number cost = slot == 0 ? source.getBaselineCost() : source.getBaselineCost(slot);
            Long workMinutes = work(work);
            BigDecimal money = money(cost);
            if (workMinutes != null && workMinutes == 0) {
                workMinutes = null;
            }
            if (money != null && money.signum() == 0) {
                money = null;
            }
            if (duration != null && duration.getDuration() == 0) {
                duration = null;
            }
            if (start == null && finish == null && duration == null && workMinutes == null && money == null) {
                continue;
            }
            result.add(new PlanBaseline(slot, key(source), start, finish, duration(duration), workMinutes, money));
        }
        return result;
    }

    private PlanLink link(Relation relation) {
        org.mpxj.Task predecessor = relation.getPredecessorTask();
        org.mpxj.Task successor = relation.getSuccessorTask();
        if (predecessor == null
                || successor == null
                || predecessor == successor
                || !ProjectFileImport.included(predecessor)
                || !ProjectFileImport.included(successor)
                || predecessor.getNull()
                || successor.getNull()) {
            return null;
        }
        LinkType type =
                switch (relation.getType()) {
                    case START_START -> LinkType.START_START;
                    case FINISH_FINISH -> LinkType.FINISH_FINISH;
                    case START_FINISH -> LinkType.START_FINISH;
                    default -> LinkType.FINISH_START;
                };
        Duration lag = relation.getLag();
        if (lag != null && (lag.getUnits() == TimeUnit.PERCENT || lag.getUnits() == TimeUnit.ELAPSED_PERCENT)) {
            return new PlanLink(key(predecessor), key(successor), type, PlanDuration.ZERO_DAYS, lag.getDuration());
        }
        PlanDuration converted = duration(lag);
        // No lag has no unit worth keeping; files disagree on which unit to give it.
        if (converted == null || converted.minutes() == 0) {
            converted = PlanDuration.ZERO_DAYS;
        }
        return new PlanLink(key(predecessor), key(successor), type, converted, null);
    }

    // ----- resources and assignments -----

    /** Microsoft Project keeps a nameless resource 0 as a placeholder; it is nobody. */
    static boolean includedResource(Resource resource) {
        if (resource.getNull()) {
            return false;
        }
        Integer id = resource.getUniqueID();
        return !(id != null
                && id == 0
                && (resource.getName() == null || resource.getName().isBlank()));
    }

    private PlanResource resource(Resource resource) {
        PlanResourceKind kind =
                switch (resource.getType() == null ? org.mpxj.ResourceType.WORK : resource.getType()) {
                    case MATERIAL -> PlanResourceKind.MATERIAL;
                    case COST -> PlanResourceKind.COST;
                    default -> PlanResourceKind.WORK;
                };
        Number maxUnits = resource.getMaxUnits();
        ProjectCalendar calendar = resource.getCalendar();
        return new PlanResource(
                key(resource),
                resourceName(resource),
                text(resource.getInitials()),
                text(resource.getEmailAddress()),
                text(resource.getGroup()),
                kind,
                kind == PlanResourceKind.MATERIAL ? text(resource.getMaterialLabel()) : null,
                maxUnits == null ? 100 : round(maxUnits.doubleValue(), 4),
                rate(resource.getStandardRate()),
                rate(resource.getOvertimeRate()),
                nonZero(money(resource.getCostPerUse())),
                calendarReader.calendarKey(calendar),
                notes(resource.getNotes()));
    }

    /**
     * Microsoft Project allows no comma in a resource name: it separates the names in the Resource Names
     * column (and in Gantry's CSV). Its MSPDI writer turns one into a semicolon, so the plan does so from the
     * start and says so in the import report.
     */
    private String resourceName(Resource resource) {
        String name = text(resource.getName());
        if (name == null || name.indexOf(',') < 0) {
            return name;
        }
        commaNames++;
        if (commaNames == 1) {
            firstCommaName = name;
        }
        return name.replace(',', ';');
    }

    private PlanAssignment assignment(ResourceAssignment assignment) {
        org.mpxj.Task task = assignment.getTask();
        Resource resource = assignment.getResource();
        if (task == null
                || resource == null
                || task.getNull()
                || !ProjectFileImport.included(task)
                || !includedResource(resource)) {
            return null;
        }
        Number units = assignment.getUnits();
        Long work = work(assignment.getWork());
        Long actual = work(assignment.getActualWork());
        Long remaining = work(assignment.getRemainingWork());
        Long levellingDelay = work(assignment.getLevelingDelay());
        return new PlanAssignment(
                String.valueOf(assignment.getUniqueID()),
                key(task),
                key(resource),
                units == null ? 100 : round(units.doubleValue(), 4),
                work == null ? 0 : work,
                actual == null ? 0 : actual,
                remaining == null ? 0 : remaining,
                assignment.getStart() != null ? assignment.getStart() : task.getStart(),
                assignment.getFinish() != null ? assignment.getFinish() : finish(task),
                contour(assignment.getWorkContour()),
                levellingDelay == null ? 0 : Math.max(0, levellingDelay));
    }

    static WorkContour contour(org.mpxj.WorkContour contour) {
        if (contour == null || contour == org.mpxj.WorkContour.FLAT) {
            return WorkContour.FLAT;
        }
        if (contour == org.mpxj.WorkContour.BACK_LOADED) {
            return WorkContour.BACK_LOADED;
        }
        if (contour == org.mpxj.WorkContour.FRONT_LOADED) {
            return WorkContour.FRONT_LOADED;
        }
        if (contour == org.mpxj.WorkContour.DOUBLE_PEAK) {
            return WorkContour.DOUBLE_PEAK;
        }
        if (contour == org.mpxj.WorkContour.EARLY_PEAK) {
            return WorkContour.EARLY_PEAK;
        }
        if (contour == org.mpxj.WorkContour.LATE_PEAK) {
            return WorkContour.LATE_PEAK;
        }
        if (contour == org.mpxj.WorkContour.BELL) {
            return WorkContour.BELL;
        }
        if (contour == org.mpxj.WorkContour.TURTLE) {
            return WorkContour.TURTLE;
        }
        return contour.isContourManual() ? WorkContour.CONTOURED : WorkContour.FLAT;
    }

    // ----- values -----

    static String key(org.mpxj.Task task) {
        return String.valueOf(task.getUniqueID());
    }

    static String key(Resource resource) {
        return String.valueOf(resource.getUniqueID());
    }

    static String key(ProjectCalendar calendar) {
        return String.valueOf(calendar.getUniqueID());
    }

    /** A duration in its unit; years become twelve months, since Gantry shows no year unit. */
    PlanDuration duration(Duration duration) {
        if (duration == null || duration.getUnits() == null) {
            return null;
        }
        double value = duration.getDuration();
        DurationUnit unit =
                switch (duration.getUnits()) {
                    case MINUTES -> DurationUnit.MINUTES;
                    case HOURS -> DurationUnit.HOURS;
                    case DAYS -> DurationUnit.DAYS;
                    case WEEKS -> DurationUnit.WEEKS;
                    case MONTHS -> DurationUnit.MONTHS;
                    case YEARS -> {
                        value *= 12;
                        yield DurationUnit.MONTHS;
                    }
                    case ELAPSED_MINUTES -> DurationUnit.ELAPSED_MINUTES;
                    case ELAPSED_HOURS -> DurationUnit.ELAPSED_HOURS;
                    case ELAPSED_DAYS -> DurationUnit.ELAPSED_DAYS;
                    case ELAPSED_WEEKS -> DurationUnit.ELAPSED_WEEKS;
                    case ELAPSED_MONTHS -> DurationUnit.ELAPSED_MONTHS;
                    case ELAPSED_YEARS -> {
                        value *= 365;
                        yield DurationUnit.ELAPSED_DAYS;
                    }
                    default -> null;
                };
        if (unit == null) {
            return null;
        }
        return PlanDuration.of(value, unit, properties);
    }

    /** Work in minutes, null when absent. */
    Long work(Duration work) {
        PlanDuration converted = duration(work);
        return converted == null ? null : converted.minutes();
    }

    private PlanRate rate(Rate rate) {
        if (rate == null || rate.getUnits() == null || rate.getAmount() == 0) {
            return null;
        }
        DurationUnit per =
                switch (rate.getUnits()) {
                    case MINUTES, ELAPSED_MINUTES -> DurationUnit.MINUTES;
                    case DAYS, ELAPSED_DAYS -> DurationUnit.DAYS;
                    case WEEKS, ELAPSED_WEEKS -> DurationUnit.WEEKS;
                    case MONTHS, ELAPSED_MONTHS, YEARS, ELAPSED_YEARS -> DurationUnit.MONTHS;
                    default -> DurationUnit.HOURS;
                };
        double amount = rate.getAmount();
        if (rate.getUnits() == TimeUnit.YEARS || rate.getUnits() == TimeUnit.ELAPSED_YEARS) {
            amount /= 12;
        }
        return new PlanRate(BigDecimal.valueOf(amount).setScale(4, RoundingMode.HALF_UP), per);
    }

    static BigDecimal money(Number amount) {
        if (amount == null) {
            return null;
        }
        return BigDecimal.valueOf(amount.doubleValue()).setScale(2, RoundingMode.HALF_UP);
    }

    private static Long nonZero(Long value) {
        return value == null || value == 0 ? null : value;
    }

    private static BigDecimal nonZero(BigDecimal value) {
        return value == null || value.signum() == 0 ? null : value;
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Text without control characters (which no XML or spreadsheet can carry), null for nothing. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder cleaned = new StringBuilder(value.length());
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c >= 0x20 || c == '\t' || c == '\n') {
                cleaned.append(c);
            } else if (c == '\r') {
                if (k + 1 >= value.length() || value.charAt(k + 1) != '\n') {
                    cleaned.append('\n');
                }
            }
        }
        return cleaned.toString();
    }

    /** Notes with Unix line ends and no trailing blank lines; empty notes are no notes. */
    static String notes(String value) {
        String cleaned = text(value);
        if (cleaned == null) {
            return null;
        }
        cleaned = cleaned.stripTrailing();
        return cleaned.isEmpty() ? null : cleaned;
    }
}
