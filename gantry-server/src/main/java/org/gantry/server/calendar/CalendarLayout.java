package org.gantry.server.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gantry.engine.WorkingTime;
import org.gantry.server.task.Task;

/**
 * Lays tasks out on weeks of seven days (Monday to Sunday): each task becomes one bar per week it
 * touches, and bars are packed into lanes so that no two bars of a week overlap. Pure arithmetic, so
 * it is tested without a server. Public with its records only because the template reads them (SpEL
 * cannot call accessors of package-private types).
 */
public final class CalendarLayout {

    private CalendarLayout() {}

    /** A day cell. */
    public record Day(LocalDate date, boolean working, String holiday, boolean today, boolean inPeriod) {
        public String iso() {
            return date.toString();
        }
    }

    /**
     * A task's piece within one week: from column {@code column} (0 = Monday) over {@code span} days,
     * in lane {@code lane} (0 = top). {@code continuesBefore}/{@code continuesAfter} say the task goes
     * on in the previous or next week, drawn as an open end.
     */
    public record Bar(
            Task task,
            LocalDate first,
            LocalDate last,
            int column,
            int span,
            int lane,
            boolean continuesBefore,
            boolean continuesAfter) {
        /** The CSS grid placement: day cells take row 1, lanes start at row 2. */
        public String gridStyle() {
            return "grid-column: " + (column + 1) + " / span " + span + "; grid-row: " + (lane + 2) + ";";
        }
    }

    public record Week(LocalDate monday, List<Day> days, List<Bar> bars, int lanes) {
        /** Day cells run over the whole height of the week, behind the bars. */
        public String dayRows() {
            return "grid-row: 1 / span " + (lanes + 1) + ";";
        }
    }

    /** The days a task occupies on the calendar, or null when it has no dates yet. */
    static LocalDate[] daysOf(Task task) {
        LocalDateTime start = task.start() != null ? task.start() : task.finish();
        LocalDateTime finish = task.finish() != null ? task.finish() : task.start();
        if (start == null) {
            return null;
        }
        LocalDate first = start.toLocalDate();
        // A finish at midnight means work ended the day before (a 24-hour calendar's day end).
        LocalDate last = finish.toLocalTime().equals(LocalTime.MIDNIGHT) && finish.isAfter(start)
                ? finish.toLocalDate().minusDays(1)
                : finish.toLocalDate();
        if (task.milestone() || last.isBefore(first)) {
            last = first;
        }
        return new LocalDate[] {first, last};
    }

    /** A day with any working time on the project's calendar (the engine's, imported calendars included). */
    static boolean isWorkingDay(WorkingTime workingTime, LocalDate day) {
        return workingTime.workBetween(day.atStartOfDay(), day.plusDays(1).atStartOfDay()) > 0;
    }

    /** Where a task dropped on {@code day} starts: the first working moment on or after that day. */
    static LocalDateTime startOfWorkOnOrAfter(WorkingTime workingTime, LocalDate day) {
        return workingTime.nextWorkStart(day.atStartOfDay());
    }

    /** The weeks from the Monday on or before {@code from} to the Sunday on or after {@code to}. */
    static List<Week> weeks(
            LocalDate from,
            LocalDate to,
            LocalDate periodStart,
            LocalDate periodEnd,
            List<Task> tasks,
            WorkingTime workingTime,
            java.util.Map<LocalDate, String> holidays,
            LocalDate today) {
        LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastSunday = to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<Week> weeks = new ArrayList<>();
        for (LocalDate start = monday; !start.isAfter(lastSunday); start = start.plusWeeks(1)) {
            weeks.add(week(start, periodStart, periodEnd, tasks, workingTime, holidays, today));
        }
        return weeks;
    }

    private static Week week(
            LocalDate monday,
            LocalDate periodStart,
            LocalDate periodEnd,
            List<Task> tasks,
            WorkingTime workingTime,
            java.util.Map<LocalDate, String> holidays,
            LocalDate today) {
        LocalDate sunday = monday.plusDays(6);
        List<Day> days = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            days.add(new Day(
                    date,
                    isWorkingDay(workingTime, date),
                    holidays.get(date),
                    date.equals(today),
                    !date.isBefore(periodStart) && !date.isAfter(periodEnd)));
        }
        record Piece(Task task, LocalDate first, LocalDate last, int column, int span) {}
        List<Piece> pieces = new ArrayList<>();
        for (Task task : tasks) {
            LocalDate[] span = daysOf(task);
            if (span == null || span[1].isBefore(monday) || span[0].isAfter(sunday)) {
                continue;
            }
            LocalDate from = span[0].isBefore(monday) ? monday : span[0];
            LocalDate to = span[1].isAfter(sunday) ? sunday : span[1];
            pieces.add(new Piece(
                    task,
                    span[0],
                    span[1],
                    (int) ChronoUnit.DAYS.between(monday, from),
                    (int) ChronoUnit.DAYS.between(from, to) + 1));
        }
        // Earlier bars first, longer before shorter at the same start: the usual greedy packing that
        // keeps long bars on the top lanes. Ties keep the outline (WBS) order the tasks came in.
        pieces.sort(Comparator.comparingInt(Piece::column)
                .thenComparing(Comparator.comparingInt(Piece::span).reversed()));
        List<Integer> laneEnds = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (Piece piece : pieces) {
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) >= piece.column()) {
                lane++;
            }
            int end = piece.column() + piece.span() - 1;
            if (lane == laneEnds.size()) {
                laneEnds.add(end);
            } else {
                laneEnds.set(lane, end);
            }
            bars.add(new Bar(
                    piece.task(),
                    piece.first(),
                    piece.last(),
                    piece.column(),
                    piece.span(),
                    lane,
                    piece.first().isBefore(monday),
                    piece.last().isAfter(sunday)));
        }
        return new Week(monday, days, bars, laneEnds.size());
    }
}
