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

    private final JdbcClient jdbc;
    private final TimeEntryService entries;

    TimesheetService(JdbcClient jdbc, TimeEntryService entries) {
        this.jdbc = jdbc;
        this.entries = entries;
    }

    /** A task one may log time on, for the "Add a task" list. */
    public record LoggableTask(long id, String label) {}

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private record Entry(long id, long task, LocalDate day, int minutes, int version, String state) {

        boolean open() {
            return state.equals("OPEN");
        }
    }

    private record TaskRow(long id, String projectKey, String wbs, String name) {}

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
        List<TaskRow> tasks = jdbc.sql("select t.id, p.project_key, array_to_string(t.outline_path, '.'), t.name"
                        + " from task t join project p on p.id = t.project_id join project_member m on m.project_id ="
                        + " p.id and m.user_id = :me and m.role in ('OWNER', 'MANAGER', 'MEMBER')"
                        + " where not p.archived and (exists (select 1 from task_assignee a where a.task_id = t.id and"
                        + " a.user_id = :me) or exists (select 1 from time_entry e where e.task_id = t.id and e.user_id"
                        + " = :me and e.entry_date between :from and :to) or t.id = any(:extra))"
                        + " order by p.project_key, t.outline_path")
                .param("me", user.id())
                .param("from", monday)
                .param("to", monday.plusDays(6))
                .param("extra", wanted.toArray(Long[]::new))
                .query((rs, n) -> new TaskRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        Map<String, List<Entry>> byCell = new HashMap<>();
        for (Entry entry : logged) {
            byCell.computeIfAbsent(cellName(entry.task(), entry.day()), k -> new ArrayList<>())
                    .add(entry);
        }
        int[] dayMinutes = new int[7];
        List<TimesheetWeek.Row> rows = new ArrayList<>();
        for (TaskRow task : tasks) {
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
                cells.add(new TimesheetWeek.Cell(name, days.get(i), value, open.size() <= 1, errors.get(name), locked));
            }
            rows.add(new TimesheetWeek.Row(
                    task.id(),
                    task.projectKey(),
                    task.wbs(),
                    task.name(),
                    cells,
                    Hours.of(rowMinutes).toPlainString()));
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
        return jdbc.sql("select t.id, p.project_key || ' ' || array_to_string(t.outline_path, '.') || ' ' || t.name"
                        + " from task t join project p on p.id = t.project_id join project_member m on m.project_id ="
                        + " p.id and m.user_id = ? and m.role in ('OWNER', 'MANAGER', 'MEMBER') where not p.archived"
                        + " order by p.project_key, t.outline_path limit 500")
                .params(user.id())
                .query((rs, n) -> new LoggableTask(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /**
     * Saves the grid's cells ({@code h_<task>_<date>} to the hours typed). Every cell is checked first; if
     * one is refused, nothing is written and the problems come back by cell name.
     */
    @Transactional
    public Map<String, String> save(CurrentUser user, LocalDate anyDay, Map<String, String> cells) {
        LocalDate monday = monday(anyDay);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String text = cell.getValue() == null ? "" : cell.getValue().strip();
            Integer minutes = text.isEmpty() ? Integer.valueOf(0) : Hours.minutes(text);
            if (parseCell(cell.getKey(), monday) == null) {
                continue;
            }
            if (minutes == null) {
                errors.put(cell.getKey(), "hours such as 1.5 or 1:30");
            } else if (minutes > Hours.MAXIMUM_MINUTES) {
                errors.put(cell.getKey(), "at most 24 hours a day");
            } else {
                wanted.put(cell.getKey(), minutes);
            }
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
        for (Map.Entry<String, Integer> cell : wanted.entrySet()) {
            Object[] key = parseCell(cell.getKey(), monday);
            long task = (Long) key[0];
            LocalDate day = (LocalDate) key[1];
            List<Entry> here = byCell.getOrDefault(cell.getKey(), List.of());
            int minutes = cell.getValue();
            try {
                if (here.isEmpty() && minutes > 0) {
                    entries.create(
                            user,
                            new NewTimeEntry(task, day, Hours.of(minutes).toPlainString(), null, null, null, null));
                } else if (here.size() == 1 && minutes == 0) {
                    entries.delete(user, here.get(0).id(), here.get(0).version());
                } else if (here.size() == 1 && minutes != here.get(0).minutes()) {
                    entries.update(
                            user,
                            here.get(0).id(),
                            new TimeEntryChanges(
                                    null,
                                    null,
                                    Hours.of(minutes).toPlainString(),
                                    null,
                                    null,
                                    here.get(0).version(),
                                    null));
                }
            } catch (InvalidInput | Conflict e) {
                throw new InvalidInput(cell.getKey(), e.getMessage());
            }
        }
        return Map.of();
    }

    private List<Entry> entries(CurrentUser user, LocalDate monday) {
        return jdbc.sql("select id, task_id, entry_date, minutes, version, state from time_entry where user_id = ?"
                        + " and entry_date between ? and ? order by id")
                .params(user.id(), monday, monday.plusDays(6))
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getString(6)))
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
