package org.gantry.server.timesheet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timesheet grid: a person's week over the tasks they are assigned to, have logged time on that week,
 * or added, in the projects where they log time. Saving the grid checks every cell first and writes
 * nothing when one is refused; then each changed cell creates, changes or deletes its one entry.
 */
@Service
public class TimesheetService {
    private static final int MAXIMUM_EXTRA = 50;
    private static final int NOTE_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final TimeEntryService entries;
    private final ActivityTypes activityTypes;

    TimesheetService(JdbcClient jdbc, TimeEntryService entries, ActivityTypes activityTypes) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.activityTypes = activityTypes;
    }

    /** A task one may log time on, for the "Add a task" list. */
    public record LoggableTask(long id, String label) {}

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private record Entry(
            long id,
            long task,
            LocalDate day,
            int minutes,
            int version,
            String state,
            String note,
            Long activityTypeId,
            boolean billable) {

        boolean open() {
            return state.equals("OPEN");
        }
    }

    private record TaskRow(long id, long projectId, String projectKey, String wbs, String name) {}

    @Transactional(readOnly = true)
    public TimesheetWeek week(CurrentUser user, LocalDate anyDay, List<Long> extra, boolean copyLastWeek) {
        return week(user, anyDay, extra, copyLastWeek, Map.of(), Map.of());
    }

    /** The week, showing {@code typed} values and {@code errors} in place of the stored ones where given. */
    TimesheetWeek week(
            CurrentUser user,
            LocalDate anyDay,
            List<Long> extra,
            boolean copyLastWeek,
            Map<String, String> typed,
            Map<String, String> errors) {
        LocalDate monday = monday(anyDay);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(monday.plusDays(i));
        }
        List<Entry> logged = entries(user, monday);
        Set<Long> wanted = new LinkedHashSet<>(extra.size() > MAXIMUM_EXTRA ? extra.subList(0, MAXIMUM_EXTRA) : extra);
        if (copyLastWeek) {
            wanted.addAll(
                    jdbc.sql("select distinct task_id from time_entry where user_id = ? and entry_date between ? and ?")
                            .params(user.id(), monday.minusDays(7), monday.minusDays(1))
                            .query(Long.class)
                            .list());
        }
        List<TaskRow> tasks = jdbc.sql("""
                select t.id, p.id, p.project_key, array_to_string(t.outline_path, '.'), t.name
                from task t join project p on p.id = t.project_id join project_member m on m.project_id =
                p.id and m.user_id = :me and m.role in ('OWNER', 'MANAGER', 'MEMBER')
                where not p.archived and (exists (select 1 from task_assignee a where a.task_id = t.id and
                a.user_id = :me) or exists (select 1 from time_entry e where e.task_id = t.id and e.user_id
                = :me and e.entry_date between :from and :to) or t.id = any(:extra))
                order by p.project_key, t.outline_path
                """)
                .param("me", user.id())
                .param("from", monday)
                .param("to", monday.plusDays(6))
                .param("extra", wanted.toArray(Long[]::new))
                .query((rs, n) ->
                        new TaskRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        Map<String, List<Entry>> byCell = new HashMap<>();
        for (Entry entry : logged) {
            byCell.computeIfAbsent(cellName(entry.task(), entry.day()), k -> new ArrayList<>())
                    .add(entry);
        }
        int[] dayMinutes = new int[7];
        List<TimesheetWeek.Row> rows = new ArrayList<>();
        Map<Long, List<ActivityType>> typesByProject = new HashMap<>();
        for (TaskRow task : tasks) {
            List<ActivityType> types = typesByProject.computeIfAbsent(task.projectId(), activityTypes::of);
            List<TimesheetWeek.Cell> cells = new ArrayList<>();
            int rowMinutes = 0;
            for (int i = 0; i < 7; i++) {
                String name = cellName(task.id(), days.get(i));
                List<Entry> here = byCell.getOrDefault(name, List.of());
                // Submitted and approved hours are locked: shown beside the input, which holds the open ones
                // (a correction of an approved day is a new, open entry).
                List<Entry> open = here.stream().filter(Entry::open).toList();
                int openMinutes = open.stream().mapToInt(Entry::minutes).sum();
                int lockedMinutes = here.stream()
                        .filter(e -> !e.open())
                        .mapToInt(Entry::minutes)
                        .sum();
                rowMinutes += openMinutes + lockedMinutes;
                dayMinutes[i] += openMinutes + lockedMinutes;
                String value = typed.containsKey(name)
                        ? typed.get(name)
                        : openMinutes == 0 ? "" : Hours.of(openMinutes).toPlainString();
                String locked = lockedMinutes == 0
                        ? null
                        : Hours.of(lockedMinutes).toPlainString()
                                + (here.stream().anyMatch(e -> e.state().equals("SUBMITTED"))
                                        ? " submitted"
                                        : " approved");
                Entry only = open.size() == 1 ? open.get(0) : null;
                String suffix = name.substring(1);
                TimesheetWeek.Details details = new TimesheetWeek.Details(
                        typed.containsKey("n" + suffix)
                                ? typed.get("n" + suffix)
                                : only == null || only.note() == null ? "" : only.note(),
                        typed.containsKey("a" + suffix)
                                ? typed.get("a" + suffix)
                                : only == null || only.activityTypeId() == null
                                        ? ""
                                        : String.valueOf(only.activityTypeId()),
                        typed.containsKey("b" + suffix)
                                ? typed.get("b" + suffix)
                                : only == null ? "" : only.billable() ? "yes" : "no",
                        errors.get("n" + suffix));
                cells.add(new TimesheetWeek.Cell(
                        name, days.get(i), value, open.size() <= 1, errors.get(name), locked, details));
            }
            rows.add(new TimesheetWeek.Row(
                    task.id(),
                    task.projectKey(),
                    task.wbs(),
                    task.name(),
                    cells,
                    Hours.of(rowMinutes).toPlainString(),
                    types));
        }
        List<String> dayTotals = new ArrayList<>();
        int week = 0;
        for (int minutes : dayMinutes) {
            dayTotals.add(Hours.of(minutes).toPlainString());
            week += minutes;
        }
        return new TimesheetWeek(monday, days, rows, dayTotals, Hours.of(week).toPlainString());
    }

    /** The tasks one may log time on (projects one works in), for adding a row. */
    @Transactional(readOnly = true)
    public List<LoggableTask> loggableTasks(CurrentUser user) {
        return jdbc.sql("""
                select t.id, p.project_key || ' ' || array_to_string(t.outline_path, '.') || ' ' || t.name
                from task t join project p on p.id = t.project_id join project_member m on m.project_id =
                p.id and m.user_id = ? and m.role in ('OWNER', 'MANAGER', 'MEMBER') where not p.archived
                order by p.project_key, t.outline_path limit 500
                """)
                .params(user.id())
                .query((rs, n) -> new LoggableTask(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /**
     * Saves the grid's cells: {@code h_<task>_<date>} to the hours typed, and the cell's details beside it,
     * {@code n_...} its note, {@code a_...} its activity type id (empty for none) and {@code b_...} billable
     * ({@code yes}, {@code no}, or empty for what the activity type says). Every cell is checked first; if
     * one is refused, nothing is written and the problems come back by field name.
     */
    @Transactional
    public Map<String, String> save(CurrentUser user, LocalDate anyDay, Map<String, String> form) {
        LocalDate monday = monday(anyDay);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : form.entrySet()) {
            if (!cell.getKey().startsWith("h_") || parseCell(cell.getKey(), monday) == null) {
                continue;
            }
            String text = cell.getValue() == null ? "" : cell.getValue().strip();
            Integer minutes = text.isEmpty() ? Integer.valueOf(0) : Hours.minutes(text);
            if (minutes == null) {
                errors.put(cell.getKey(), "hours such as 1.5 or 1:30");
            } else if (minutes > Hours.MAXIMUM_MINUTES) {
                errors.put(cell.getKey(), "at most 24 hours a day");
            } else {
                wanted.put(cell.getKey(), minutes);
            }
        }
        Map<Long, Long> projectOfTask = projectsOf(wanted.keySet(), monday);
        Map<Long, List<ActivityType>> typesByProject = new HashMap<>();
        Map<String, Wanted> details = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> cell : wanted.entrySet()) {
            String suffix = cell.getKey().substring(1);
            long task = (Long) parseCell(cell.getKey(), monday)[0];
            String note = form.getOrDefault("n" + suffix, null);
            String activity = form.getOrDefault("a" + suffix, null);
            String billable = form.getOrDefault("b" + suffix, null);
            note = note == null ? null : note.strip();
            ActivityType type = null;
            if (activity != null && !activity.isBlank()) {
                Long project = projectOfTask.get(task);
                long id;
                try {
                    id = Long.parseLong(activity.strip());
                } catch (NumberFormatException e) {
                    id = -1;
                }
                long chosen = id;
                type = project == null
                        ? null
                        : typesByProject.computeIfAbsent(project, activityTypes::of).stream()
                                .filter(t -> t.id() == chosen)
                                .findFirst()
                                .orElse(null);
                if (type == null) {
                    errors.put("n" + suffix, "the activity type is not one of this project's");
                    continue;
                }
            }
            if (note != null && note.length() > NOTE_LENGTH) {
                errors.put("n" + suffix, "a note has at most " + NOTE_LENGTH + " characters");
            } else if (note != null && note.indexOf('\0') >= 0) {
                errors.put("n" + suffix, "a note cannot hold NUL characters");
            } else if (cell.getValue() == 0
                    && note != null
                    && !note.isEmpty()
                    && !hasOpenEntry(user, cell.getKey(), monday)) {
                errors.put(cell.getKey(), "type the hours this note is for");
            }
            Boolean flag = billable == null || billable.isBlank()
                    ? null
                    : billable.strip().equals("yes");
            details.put(
                    cell.getKey(),
                    new Wanted(cell.getValue(), note, activity == null ? null : type, activity != null, flag));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Map<String, List<Entry>> byCell = new HashMap<>();
        for (Entry entry : entries(user, monday)) {
            if (!entry.open()) {
                continue; // locked: the cell edits only its open entry
            }
            byCell.computeIfAbsent(cellName(entry.task(), entry.day()), k -> new ArrayList<>())
                    .add(entry);
        }
        for (Map.Entry<String, Wanted> cell : details.entrySet()) {
            Object[] key = parseCell(cell.getKey(), monday);
            long task = (Long) key[0];
            LocalDate day = (LocalDate) key[1];
            List<Entry> here = byCell.getOrDefault(cell.getKey(), List.of());
            Wanted want = cell.getValue();
            int minutes = want.minutes();
            try {
                if (here.isEmpty() && minutes > 0) {
                    entries.create(
                            user,
                            new NewTimeEntry(
                                    task,
                                    day,
                                    Hours.of(minutes).toPlainString(),
                                    want.note(),
                                    want.billable(),
                                    null,
                                    want.activity() == null
                                            ? null
                                            : want.activity().id()));
                } else if (here.size() == 1 && minutes == 0) {
                    entries.delete(user, here.get(0).id(), here.get(0).version());
                } else if (here.size() == 1) {
                    Entry entry = here.get(0);
                    Long activity = want.activitySent()
                            ? (want.activity() == null
                                    ? Long.valueOf(0)
                                    : Long.valueOf(want.activity().id()))
                            : null;
                    boolean activityChanged = activity != null
                            && !java.util.Objects.equals(activity == 0 ? null : activity, entry.activityTypeId());
                    // "As its activity type" follows a newly chosen type; otherwise billable stays as it was.
                    Boolean billable = want.billable() != null
                            ? want.billable()
                            : activityChanged && want.activity() != null
                                    ? Boolean.valueOf(want.activity().billable())
                                    : null;
                    boolean changed = minutes != entry.minutes()
                            || (want.note() != null && !want.note().equals(entry.note() == null ? "" : entry.note()))
                            || activityChanged
                            || (billable != null && billable != entry.billable());
                    if (changed) {
                        entries.update(
                                user,
                                entry.id(),
                                new TimeEntryChanges(
                                        null,
                                        null,
                                        Hours.of(minutes).toPlainString(),
                                        want.note(),
                                        billable,
                                        entry.version(),
                                        activityChanged ? activity : null));
                    }
                }
            } catch (InvalidInput | Conflict e) {
                throw new InvalidInput(cell.getKey(), e.getMessage());
            }
        }
        return Map.of();
    }

    /** What a cell asks for: hours, note (null: not sent), activity type (sent or not) and billable (null: its type's). */
    private record Wanted(int minutes, String note, ActivityType activity, boolean activitySent, Boolean billable) {}

    private boolean hasOpenEntry(CurrentUser user, String cell, LocalDate monday) {
        Object[] key = parseCell(cell, monday);
        return jdbc.sql("""
                select count(*) from time_entry where user_id = ? and task_id = ? and entry_date = ?
                and state = 'OPEN'
                """).params(user.id(), key[0], key[1]).query(Long.class).single() > 0;
    }

    /** The project of each task the cells name. */
    private Map<Long, Long> projectsOf(java.util.Collection<String> cells, LocalDate monday) {
        Long[] tasks = cells.stream()
                .map(cell -> (Long) parseCell(cell, monday)[0])
                .distinct()
                .toArray(Long[]::new);
        Map<Long, Long> projects = new HashMap<>();
        jdbc.sql("select id, project_id from task where id = any(?)")
                .params((Object) tasks)
                .query(rs -> {
                    projects.put(rs.getLong(1), rs.getLong(2));
                });
        return projects;
    }

    private List<Entry> entries(CurrentUser user, LocalDate monday) {
        return jdbc.sql("""
                select id, task_id, entry_date, minutes, version, state, note, activity_type_id, billable
                from time_entry where user_id = ? and entry_date between ? and ? order by id
                """)
                .params(user.id(), monday, monday.plusDays(6))
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, Long.class),
                        rs.getBoolean(9)))
                .list();
    }

    static String cellName(long task, LocalDate day) {
        return "h_" + task + "_" + day;
    }

    /** {task id, day} of a cell name within the week, or null for anything else. */
    private static Object[] parseCell(String name, LocalDate monday) {
        String[] parts = name.split("_");
        if (parts.length != 3 || !parts[0].equals("h")) {
            return null;
        }
        try {
            long task = Long.parseLong(parts[1]);
            LocalDate day = LocalDate.parse(parts[2]);
            if (day.isBefore(monday) || day.isAfter(monday.plusDays(6))) {
                return null;
            }
            return new Object[] {task, day};
        } catch (RuntimeException e) {
            return null;
        }
    }
}
