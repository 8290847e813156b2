package org.gantry.interchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.LinkType;
import org.gantry.engine.TaskType;
import org.gantry.engine.WorkContour;

/**
 * Turns a spreadsheet (CSV or Excel) into a plan with a column mapping. Every cell is checked and every
 * problem is reported with its row and column; the plan exists only when there are none, so an import
 * either creates everything or nothing.
 *
 * <p>The notation is Microsoft Project's: durations "5d", "2.5h", "1w", "3ed" (elapsed); predecessors
 * "3", "3SS", "3FS+2d", "3FF-1d", "3FS+50%" referring to the ID column (or the row's position when there is
 * none); resource names "Alice[50%],Bob". A task with a start and no constraint column is held to start no
 * earlier than that date, as Project does when it imports a start date.
 */
public final class TableImport {
    /** The project the rows become: its name, its start (null: the earliest task start), where it came from. */
    public record Options(String projectName, LocalDateTime projectStart, String sourceFormat) {}

    private static final Pattern DURATION = Pattern.compile(
            "(-?\\d+(?:[.,]\\d+)?)\\s*(e|elapsed\\s*)?(m|min|mins|minutes?|h|hrs?|hours?|d|dys?|days?|w|wks?|weeks?"
                    + "|mo|mons?|months?)?\\??",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PREDECESSOR =
            Pattern.compile("([^\\s+\\-]+?)\\s*(FS|SS|FF|SF)?\\s*(?:([+-])\\s*(.+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSIGNMENT = Pattern.compile("(.+?)\\s*(?:\\[\\s*(\\d+(?:[.,]\\d+)?)\\s*%?\\s*])?");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]", Locale.ROOT));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT));
    private static final LocalTime DAY_START = LocalTime.of(8, 0);
    private static final LocalTime DAY_FINISH = LocalTime.of(17, 0);
    private static final PlanProperties UNITS = PlanProperties.standard(null, null);

    private final Spreadsheet sheet;
    private final ColumnMapping mapping;
    private final Options options;
    private final List<RowError> errors = new ArrayList<>();

    /** One row as read, before the outline and the references between rows are resolved. */
    private record Row(
            int number,
            String key,
            String id,
            int level,
            String wbs,
            String name,
            boolean milestone,
            PlanDuration duration,
            LocalDateTime start,
            LocalDateTime finish,
            String predecessors,
            String resources,
            double percentComplete,
            ConstraintType constraintType,
            LocalDateTime constraintDate,
            LocalDateTime deadline,
            String notes) {}

    private TableImport(Spreadsheet sheet, ColumnMapping mapping, Options options) {
        this.sheet = sheet;
        this.mapping = mapping;
        this.options = options;
    }

    /** The plan the rows make, or every problem found. Nothing is written either way. */
    public static TableImportResult preview(Spreadsheet sheet, ColumnMapping mapping, Options options) {
        return new TableImport(sheet, mapping, options).run();
    }

    private TableImportResult run() {
        if (mapping.indexOf(TableColumn.NAME) < 0) {
            errors.add(
                    new RowError(sheet.headerRow(), null, null, "no column is mapped to Name; every task needs one"));
            return new TableImportResult(null, errors);
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < sheet.rows().size(); k++) {
            List<String> values = sheet.rows().get(k);
            if (Spreadsheet.blank(values)) {
                continue;
            }
            rows.add(row(sheet.rowNumber(k), values, rows.size() + 1));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(sheet.headerRow() + 1, null, null, "there are no tasks below the header row"));
        }
        checkUnique(rows, TableColumn.UNIQUE_ID, Row::key);
        checkUnique(rows, TableColumn.ID, Row::id);
        List<PlanTask> tasks = outline(rows);
        Map<String, String> keysById = new HashMap<>();
        for (Row row : rows) {
            keysById.putIfAbsent(row.id(), row.key());
        }
        List<PlanLink> links = new ArrayList<>();
        for (Row row : rows) {
            links.addAll(links(row, keysById));
        }
        Map<String, PlanResource> resources = new LinkedHashMap<>();
        List<PlanAssignment> assignments = new ArrayList<>();
        for (Row row : rows) {
            assignments.addAll(assignments(row, resources));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            return new TableImportResult(null, errors);
        }
        LocalDateTime start = options.projectStart();
        if (start == null) {
            start = rows.stream()
                    .map(Row::start)
                    .filter(java.util.Objects::nonNull)
                    .min(LocalDateTime::compareTo)
                    .orElse(LocalDate.now().atTime(DAY_START));
        }
        PlanProperties properties = new PlanProperties(
                options.projectName(),
                null,
                start,
                null,
                null,
                "1",
                PlanProperties.STANDARD_MINUTES_PER_DAY,
                PlanProperties.STANDARD_MINUTES_PER_WEEK,
                PlanProperties.STANDARD_DAYS_PER_MONTH,
                null,
                null,
                false,
                options.sourceFormat());
        Plan plan = new Plan(
                properties,
                List.of(PlanCalendar.standard("1", "Standard")),
                tasks,
                links,
                new ArrayList<>(resources.values()),
                assignments,
                List.of(),
                List.of());
        return new TableImportResult(plan, List.of());
    }

    // ----- one row -----

    private Row row(int number, List<String> values, int ordinal) {
        String uniqueId = cell(values, TableColumn.UNIQUE_ID);
        String id = cell(values, TableColumn.ID);
        String name = cell(values, TableColumn.NAME);
        if (name.isBlank()) {
            error(number, TableColumn.NAME, name, "is empty; every task needs a name");
        }
        String wbs = cell(values, TableColumn.WBS);
        int level = 1;
        String levelText = cell(values, TableColumn.OUTLINE_LEVEL);
        if (!levelText.isBlank()) {
            Integer parsed = wholeNumber(levelText);
            if (parsed == null || parsed < 1) {
                error(number, TableColumn.OUTLINE_LEVEL, levelText, "is not an outline level (1, 2, 3...)");
            } else {
                level = parsed;
            }
        } else if (!wbs.isBlank()) {
            level = wbs.split("\\.").length;
        }
        String type = cell(values, TableColumn.TYPE).toLowerCase(Locale.ROOT);
        boolean milestone = type.startsWith("milestone") || yes(cell(values, TableColumn.MILESTONE));
        if (!type.isEmpty()
                && !type.startsWith("milestone")
                && !type.startsWith("task")
                && !type.startsWith("summary")) {
            error(number, TableColumn.TYPE, type, "is not a task type (Task, Milestone or Summary)");
        }
        LocalDateTime start = date(values, number, TableColumn.START, DAY_START);
        LocalDateTime finish = date(values, number, TableColumn.FINISH, DAY_FINISH);
        if (start != null && finish != null && finish.isBefore(start)) {
            error(number, TableColumn.FINISH, cell(values, TableColumn.FINISH), "is before the task's start");
        }
        String durationText = cell(values, TableColumn.DURATION);
        PlanDuration duration;
        if (!durationText.isBlank()) {
            duration = duration(durationText);
            if (duration == null) {
                error(number, TableColumn.DURATION, durationText, "is not a duration (write e.g. 5d, 3h, 2w, 1mo)");
                duration = PlanDuration.ZERO_DAYS;
            } else if (duration.minutes() < 0) {
                error(number, TableColumn.DURATION, durationText, "is negative");
            }
        } else if (milestone) {
            duration = PlanDuration.ZERO_DAYS;
        } else if (start != null && finish != null) {
            duration = new PlanDuration(
                    weekdaysBetween(start.toLocalDate(), finish.toLocalDate()) * 480L, DurationUnit.DAYS);
        } else {
            duration = new PlanDuration(480, DurationUnit.DAYS);
        }
        if (!durationText.isBlank() && duration.minutes() == 0) {
            milestone = true;
        }
        double percent = 0;
        String percentText = cell(values, TableColumn.PERCENT_COMPLETE);
        if (!percentText.isBlank()) {
            Double parsed = number(percentText.replace("%", ""));
            if (parsed == null || parsed < 0 || parsed > 100) {
                error(number, TableColumn.PERCENT_COMPLETE, percentText, "is not a percentage from 0 to 100");
            } else {
                percent = parsed;
            }
        }
        ConstraintType constraint = ConstraintType.AS_SOON_AS_POSSIBLE;
        LocalDateTime constraintDate = null;
        String constraintText = cell(values, TableColumn.CONSTRAINT_TYPE);
        if (!constraintText.isBlank()) {
            constraint = constraintType(constraintText);
            if (constraint == null) {
                error(
                        number,
                        TableColumn.CONSTRAINT_TYPE,
                        constraintText,
                        "is not a constraint (e.g. As Soon As Possible, Start No Earlier Than, MSO)");
                constraint = ConstraintType.AS_SOON_AS_POSSIBLE;
            }
            constraintDate = date(values, number, TableColumn.CONSTRAINT_DATE, DAY_START);
            boolean needsDate = constraint != ConstraintType.AS_SOON_AS_POSSIBLE
                    && constraint != ConstraintType.AS_LATE_AS_POSSIBLE;
            if (needsDate && constraintDate == null) {
                if (mapping.indexOf(TableColumn.CONSTRAINT_DATE) < 0) {
                    error(
                            number,
                            TableColumn.CONSTRAINT_TYPE,
                            constraintText,
                            "needs a date, but no column is mapped to Constraint Date");
                } else {
                    error(number, TableColumn.CONSTRAINT_DATE, "", "is empty, but " + constraintText + " needs a date");
                }
            }
            if (!needsDate) {
                constraintDate = null;
            }
        } else if (start != null && mapping.indexOf(TableColumn.CONSTRAINT_TYPE) < 0) {
            constraint = ConstraintType.START_NO_EARLIER_THAN;
            constraintDate = start;
        }
        String key = uniqueId.isBlank() ? String.valueOf(ordinal) : uniqueId.strip();
        String rowId = id.isBlank() ? String.valueOf(ordinal) : id.strip();
        String notes = cell(values, TableColumn.NOTES);
        return new Row(
                number,
                key,
                rowId,
                level,
                wbs.isBlank() ? null : wbs.strip(),
                name.strip(),
                milestone,
                duration,
                start,
                finish,
                cell(values, TableColumn.PREDECESSORS),
                cell(values, TableColumn.RESOURCE_NAMES),
                percent,
                constraint,
                constraintDate,
                date(values, number, TableColumn.DEADLINE, DAY_FINISH),
                notes.isBlank() ? null : notes);
    }

    private void checkUnique(List<Row> rows, TableColumn column, java.util.function.Function<Row, String> value) {
        if (mapping.indexOf(column) < 0) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            Integer first = seen.putIfAbsent(value.apply(row), row.number());
            if (first != null) {
                error(row.number(), column, value.apply(row), "is also on row " + first + "; each row needs its own");
            }
        }
    }

    // ----- outline -----

    private List<PlanTask> outline(List<Row> rows) {
        List<PlanTask> tasks = new ArrayList<>();
        OutlineNumbers outlineNumbers = new OutlineNumbers();
        Deque<Row> parents = new ArrayDeque<>();
        for (int k = 0; k < rows.size(); k++) {
            Row row = rows.get(k);
            int previous = parents.isEmpty() ? 0 : parents.peek().level();
            int level = row.level();
            if (level > previous + 1) {
                errorAt(
                        row.number(),
                        outlineColumn(),
                        String.valueOf(level),
                        "jumps from outline level " + previous + " to " + level + "; indent one level at a time");
                level = previous + 1;
            }
            while (!parents.isEmpty() && parents.peek().level() >= level) {
                parents.pop();
            }
            String parentKey = parents.isEmpty() ? null : parents.peek().key();
            boolean summary = k + 1 < rows.size() && rows.get(k + 1).level() > level;
            PlanTaskKind kind =
                    summary ? PlanTaskKind.SUMMARY : row.milestone() ? PlanTaskKind.MILESTONE : PlanTaskKind.TASK;
            ConstraintType constraint = summary
                            && row.constraintType() == ConstraintType.START_NO_EARLIER_THAN
                            && mapping.indexOf(TableColumn.CONSTRAINT_TYPE) < 0
                    ? ConstraintType.AS_SOON_AS_POSSIBLE
                    : row.constraintType();
            String outlineNumber = outlineNumbers.next(level);
            tasks.add(new PlanTask(
                    row.key(),
                    parentKey,
                    level,
                    row.wbs() == null ? outlineNumber : row.wbs(),
                    row.name(),
                    row.notes(),
                    kind,
                    false,
                    true,
                    TaskType.FIXED_UNITS,
                    false,
                    row.duration(),
                    null,
                    row.start(),
                    row.finish(),
                    constraint,
                    constraint == ConstraintType.AS_SOON_AS_POSSIBLE ? null : row.constraintDate(),
                    row.deadline(),
                    row.percentComplete(),
                    null,
                    null,
                    PlanTask.DEFAULT_PRIORITY,
                    null,
                    null));
            parents.push(new Row(
                    row.number(),
                    row.key(),
                    row.id(),
                    level,
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    null,
                    null,
                    null,
                    null));
        }
        return tasks;
    }

    private String outlineColumn() {
        return mapping.indexOf(TableColumn.OUTLINE_LEVEL) >= 0
                ? header(TableColumn.OUTLINE_LEVEL)
                : header(TableColumn.WBS);
    }

    // ----- references -----

    private List<PlanLink> links(Row row, Map<String, String> keysById) {
        List<PlanLink> links = new ArrayList<>();
        if (row.predecessors().isBlank()) {
            return links;
        }
        for (String entry : row.predecessors().split("[,;]")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher matcher = PREDECESSOR.matcher(text);
            if (!matcher.matches()) {
                error(row.number(), TableColumn.PREDECESSORS, text, "is not a predecessor (write e.g. 3, 3SS, 3FS+2d)");
                continue;
            }
            String predecessorKey = keysById.get(matcher.group(1));
            if (predecessorKey == null) {
                error(
                        row.number(),
                        TableColumn.PREDECESSORS,
                        text,
                        "refers to task " + matcher.group(1) + ", which is not in the file");
                continue;
            }
            if (predecessorKey.equals(row.key())) {
                error(row.number(), TableColumn.PREDECESSORS, text, "makes the task its own predecessor");
                continue;
            }
            LinkType type = matcher.group(2) == null ? LinkType.FINISH_START : linkType(matcher.group(2));
            PlanDuration lag = PlanDuration.ZERO_DAYS;
            Double lagPercent = null;
            if (matcher.group(3) != null) {
                String lagText = matcher.group(4).strip();
                boolean negative = matcher.group(3).equals("-");
                if (lagText.endsWith("%")) {
                    Double percent = number(lagText.substring(0, lagText.length() - 1));
                    if (percent == null) {
                        error(row.number(), TableColumn.PREDECESSORS, text, "has a lag that is not a percentage");
                        continue;
                    }
                    lagPercent = negative ? -percent : percent;
                } else {
                    PlanDuration parsed = duration(lagText);
                    if (parsed == null) {
                        error(
                                row.number(),
                                TableColumn.PREDECESSORS,
                                text,
                                "has a lag that is not a duration (write e.g. +2d, -4h)");
                        continue;
                    }
                    lag = negative ? new PlanDuration(-parsed.minutes(), parsed.unit()) : parsed;
                }
            }
            links.add(new PlanLink(predecessorKey, row.key(), type, lag, lagPercent));
        }
        return links;
    }

    private List<PlanAssignment> assignments(Row row, Map<String, PlanResource> resources) {
        List<PlanAssignment> assignments = new ArrayList<>();
        if (row.resources().isBlank()) {
            return assignments;
        }
        for (String entry : row.resources().split("[,;]")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher matcher = ASSIGNMENT.matcher(text);
            if (!matcher.matches()
                    || matcher.group(1).contains("[")
                    || matcher.group(1).contains("]")) {
                error(
                        row.number(),
                        TableColumn.RESOURCE_NAMES,
                        text,
                        "is not a resource (write e.g. Alice or Alice[50%])");
                continue;
            }
            String name = matcher.group(1).strip();
            double units = matcher.group(2) == null ? 100 : number(matcher.group(2));
            PlanResource resource = resources.computeIfAbsent(
                    name.toLowerCase(Locale.ROOT),
                    n -> PlanResource.person(String.valueOf(resources.size() + 1), name));
            String key = row.key() + "/" + resource.key();
            if (assignments.stream().anyMatch(a -> a.key().equals(key))) {
                error(row.number(), TableColumn.RESOURCE_NAMES, text, "names the same resource twice");
                continue;
            }
            long work = Math.round(row.duration().minutes() * units / 100.0);
            long actual = Math.round(work * row.percentComplete() / 100.0);
            assignments.add(new PlanAssignment(
                    key,
                    row.key(),
                    resource.key(),
                    units,
                    work,
                    actual,
                    work - actual,
                    row.start(),
                    row.finish(),
                    WorkContour.FLAT));
        }
        return assignments;
    }

    // ----- cells -----

    private String cell(List<String> values, TableColumn column) {
        int index = mapping.indexOf(column);
        if (index < 0 || index >= values.size() || values.get(index) == null) {
            return "";
        }
        String value = values.get(index);
        // CsvExport guards formulas with an apostrophe; take it off again.
        if (value.length() > 1 && value.charAt(0) == '\'' && CsvExport.FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1);
        }
        return value;
    }

    private String header(TableColumn column) {
        int index = mapping.indexOf(column);
        return index >= 0 && index < sheet.headers().size() ? sheet.headers().get(index) : column.header();
    }

    private void error(int row, TableColumn column, String value, String problem) {
        errors.add(new RowError(row, header(column), value, problem));
    }

    private void errorAt(int row, String column, String value, String problem) {
        errors.add(new RowError(row, column, value, problem));
    }

    private LocalDateTime date(List<String> values, int row, TableColumn column, LocalTime timeForDates) {
        String text = cell(values, column).strip();
        if (text.isEmpty()) {
            return null;
        }
        LocalDateTime parsed = parseDate(text, timeForDates);
        if (parsed == null) {
            error(row, column, text, "is not a date (write e.g. 2025-03-17 or 2025-03-17 08:00)");
        }
        return parsed;
    }

    static LocalDateTime parseDate(String text, LocalTime timeForDates) {
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).atTime(timeForDates);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    /** "5d", "2.5 days", "3h", "1w", "1mo", "3ed" (elapsed days); a bare number is days. */
    static PlanDuration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        double value = Double.parseDouble(matcher.group(1).replace(',', '.'));
        boolean elapsed = matcher.group(2) != null;
        String unit = matcher.group(3) == null ? "d" : matcher.group(3).toLowerCase(Locale.ROOT);
        DurationUnit working;
        if (unit.startsWith("mo")) {
            working = DurationUnit.MONTHS;
        } else if (unit.startsWith("m")) {
            working = DurationUnit.MINUTES;
        } else if (unit.startsWith("h")) {
            working = DurationUnit.HOURS;
        } else if (unit.startsWith("w")) {
            working = DurationUnit.WEEKS;
        } else {
            working = DurationUnit.DAYS;
        }
        DurationUnit chosen = elapsed
                ? switch (working) {
                    case MINUTES -> DurationUnit.ELAPSED_MINUTES;
                    case HOURS -> DurationUnit.ELAPSED_HOURS;
                    case WEEKS -> DurationUnit.ELAPSED_WEEKS;
                    case MONTHS -> DurationUnit.ELAPSED_MONTHS;
                    default -> DurationUnit.ELAPSED_DAYS;
                }
                : working;
        return PlanDuration.of(value, chosen, UNITS);
    }

    static ConstraintType constraintType(String text) {
        String normalised = TableColumn.normalise(text);
        return switch (normalised) {
            case "asap", "assoonaspossible" -> ConstraintType.AS_SOON_AS_POSSIBLE;
            case "alap", "aslateaspossible" -> ConstraintType.AS_LATE_AS_POSSIBLE;
            case "snet", "startnoearlierthan", "startonorafter" -> ConstraintType.START_NO_EARLIER_THAN;
            case "snlt", "startnolaterthan", "startonorbefore" -> ConstraintType.START_NO_LATER_THAN;
            case "fnet", "finishnoearlierthan", "finishonorafter" -> ConstraintType.FINISH_NO_EARLIER_THAN;
            case "fnlt", "finishnolaterthan", "finishonorbefore" -> ConstraintType.FINISH_NO_LATER_THAN;
            case "mso", "muststarton", "starton" -> ConstraintType.MUST_START_ON;
            case "mfo", "mustfinishon", "finishon" -> ConstraintType.MUST_FINISH_ON;
            default -> null;
        };
    }

    private static LinkType linkType(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "SS" -> LinkType.START_START;
            case "FF" -> LinkType.FINISH_FINISH;
            case "SF" -> LinkType.START_FINISH;
            default -> LinkType.FINISH_START;
        };
    }

    private static boolean yes(String text) {
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        return normalised.equals("yes")
                || normalised.equals("y")
                || normalised.equals("true")
                || normalised.equals("1")
                || normalised.equals("x");
    }

    private static Integer wholeNumber(String text) {
        Double value = number(text);
        return value == null || value != Math.rint(value) ? null : value.intValue();
    }

    private static Double number(String text) {
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Working days (Monday to Friday) from one date to another, both included. */
    private static long weekdaysBetween(LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate day = from; !day.isAfter(to) && days < 100_000; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return Math.max(days, 1);
    }
}
