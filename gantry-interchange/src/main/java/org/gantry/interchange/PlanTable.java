package org.gantry.interchange;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.LinkType;

/**
 * A plan's tasks as one table, a row per task in outline order, with the columns Microsoft Project's own
 * "Export to Excel" uses: the CSV and Excel exports write it and the CSV and Excel imports read it back.
 * Predecessors and resource names use Project's notation ("3SS+2d", "Alice[50%],Bob"); rows are referred to
 * by their ID, the row number.
 */
final class PlanTable {
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    static final List<TableColumn> COLUMNS = List.of(
            TableColumn.ID,
            TableColumn.UNIQUE_ID,
            TableColumn.OUTLINE_LEVEL,
            TableColumn.WBS,
            TableColumn.NAME,
            TableColumn.TYPE,
            TableColumn.DURATION,
            TableColumn.START,
            TableColumn.FINISH,
            TableColumn.PREDECESSORS,
            TableColumn.RESOURCE_NAMES,
            TableColumn.PERCENT_COMPLETE,
            TableColumn.CONSTRAINT_TYPE,
            TableColumn.CONSTRAINT_DATE,
            TableColumn.DEADLINE,
            TableColumn.NOTES);

    /** One cell: text, or a date, or a number, so a spreadsheet can keep dates and numbers typed. */
    record Cell(String text, LocalDateTime date, Double number) {
        static Cell text(String text) {
            return new Cell(text == null ? "" : text, null, null);
        }

        static Cell date(LocalDateTime date) {
            return new Cell(date == null ? "" : DATE_TIME.format(date), date, null);
        }

        static Cell number(double number) {
            return new Cell(formatNumber(number), null, number);
        }
    }

    private PlanTable() {}

    static List<String> headers() {
        return COLUMNS.stream().map(TableColumn::header).toList();
    }

    static List<List<Cell>> rows(Plan plan) {
        PlanProperties properties = plan.properties();
        Map<String, Integer> rowIds = new HashMap<>();
        for (int k = 0; k < plan.tasks().size(); k++) {
            rowIds.put(plan.tasks().get(k).key(), k + 1);
        }
        Map<String, List<String>> predecessors = new HashMap<>();
        for (PlanLink link : plan.links()) {
            Integer id = rowIds.get(link.predecessorKey());
            if (id != null) {
                predecessors
                        .computeIfAbsent(link.successorKey(), k -> new ArrayList<>())
                        .add(predecessor(id, link, properties));
            }
        }
        Map<String, String> resourceNames = new HashMap<>();
        plan.resources().forEach(r -> resourceNames.put(r.key(), r.name()));
        Map<String, List<String>> assigned = new HashMap<>();
        for (PlanAssignment assignment : plan.assignments()) {
            String name = resourceNames.get(assignment.resourceKey());
            if (name != null) {
                String units =
                        Math.abs(assignment.units() - 100) < 0.005 ? "" : "[" + formatNumber(assignment.units()) + "%]";
                assigned.computeIfAbsent(assignment.taskKey(), k -> new ArrayList<>())
                        .add(name + units);
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int k = 0; k < plan.tasks().size(); k++) {
            PlanTask task = plan.tasks().get(k);
            List<Cell> row = new ArrayList<>();
            row.add(Cell.number(k + 1));
            row.add(Cell.text(task.key()));
            row.add(Cell.number(task.outlineLevel()));
            row.add(Cell.text(task.wbs()));
            row.add(Cell.text(task.name()));
            row.add(Cell.text(kindName(task.kind())));
            row.add(Cell.text(duration(task.duration(), properties)));
            row.add(Cell.date(task.start()));
            row.add(Cell.date(task.finish()));
            row.add(Cell.text(String.join(",", predecessors.getOrDefault(task.key(), List.of()))));
            row.add(Cell.text(String.join(",", assigned.getOrDefault(task.key(), List.of()))));
            row.add(Cell.number(task.percentComplete()));
            row.add(Cell.text(constraintName(task.constraintType())));
            row.add(Cell.date(task.constraintDate()));
            row.add(Cell.date(task.deadline()));
            row.add(Cell.text(task.notes()));
            rows.add(row);
        }
        return rows;
    }

    private static String predecessor(int id, PlanLink link, PlanProperties properties) {
        String type = linkTypeName(link.type());
        if (link.lagPercent() != null && link.lagPercent() != 0) {
            return id + type + sign(link.lagPercent()) + formatNumber(Math.abs(link.lagPercent())) + "%";
        }
        if (link.lag().minutes() == 0) {
            return link.type() == LinkType.FINISH_START ? String.valueOf(id) : id + type;
        }
        String lag = duration(link.lag(), properties);
        return id + type + (lag.startsWith("-") ? lag : "+" + lag);
    }

    private static String sign(double value) {
        return value < 0 ? "-" : "+";
    }

    static String linkTypeName(LinkType type) {
        return switch (type) {
            case FINISH_START -> "FS";
            case START_START -> "SS";
            case FINISH_FINISH -> "FF";
            case START_FINISH -> "SF";
        };
    }

    static String kindName(PlanTaskKind kind) {
        return switch (kind) {
            case SUMMARY -> "Summary";
            case TASK -> "Task";
            case MILESTONE -> "Milestone";
        };
    }

    static String constraintName(ConstraintType type) {
        return switch (type) {
            case AS_SOON_AS_POSSIBLE -> "As Soon As Possible";
            case AS_LATE_AS_POSSIBLE -> "As Late As Possible";
            case START_NO_EARLIER_THAN -> "Start No Earlier Than";
            case START_NO_LATER_THAN -> "Start No Later Than";
            case FINISH_NO_EARLIER_THAN -> "Finish No Earlier Than";
            case FINISH_NO_LATER_THAN -> "Finish No Later Than";
            case MUST_START_ON -> "Must Start On";
            case MUST_FINISH_ON -> "Must Finish On";
        };
    }

    /** "5d", "2.5h", "3ed": Microsoft Project's abbreviations, "e" for elapsed. */
    static String duration(PlanDuration duration, PlanProperties properties) {
        return formatNumber(duration.value(properties)) + unitAbbreviation(duration.unit());
    }

    static String unitAbbreviation(DurationUnit unit) {
        return switch (unit) {
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> "d";
            case WEEKS -> "w";
            case MONTHS -> "mo";
            case ELAPSED_MINUTES -> "em";
            case ELAPSED_HOURS -> "eh";
            case ELAPSED_DAYS -> "ed";
            case ELAPSED_WEEKS -> "ew";
            case ELAPSED_MONTHS -> "emo";
            case PERCENT -> "%";
        };
    }

    static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        while (text.endsWith("0")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
