package org.gantry.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A calendar turned into tables for fast arithmetic. Instants are minutes since 1970-01-01T00:00 (the
 * project's local time, no zones). Working time is measured as a "working offset": the signed number of
 * working minutes between a fixed anchor and an instant. Adding working time is adding to the offset and
 * converting back, so every operation is a table lookup plus a binary search over days.
 *
 * <p>Invariant: the tables are immutable snapshots; growing the covered date range swaps in a larger
 * snapshot under a lock, so one compiled calendar can be shared by threads and by successive reschedules.
 */
final class CompiledCalendar {
    static final long MINUTES_PER_DAY = 1440;
    /**
     * The days a table may cover: 1800-01-01 up to (not including) 2400-01-01. Outside them nothing is
     * working time, which stops runaway searches (a calendar with no working time, three centuries of
     * work). The bound is absolute, not relative to the dates seen so far: a compiled calendar is shared
     * by every project with the same working time (CalendarCache), and a bound that followed the first
     * dates asked for let one project's far dates make another's ordinary dates unschedulable. The server
     * accepts plan dates from 1900 to 2200; the century either side leaves room for durations and lags.
     */
    static final long FIRST_DAY = LocalDate.of(1800, 1, 1).toEpochDay();

    static final long END_DAY = LocalDate.of(2400, 1, 1).toEpochDay();

    /** Days tabulated by every compiled calendar since the cache was last emptied: its memory, roughly. */
    private static final AtomicLong TABULATED_DAYS = new AtomicLong();

    /** The calendar and its base calendars, nearest first. */
    private final List<WorkingCalendar> chain;

    private volatile Table table;

    /** For the intersection of two calendars: the two, whose common working time this one is. */
    private final CompiledCalendar[] parts;

    CompiledCalendar(List<WorkingCalendar> chain, long hintDay) {
        this.chain = chain;
        this.parts = null;
        index();
        this.table = buildAround(hintDay);
    }

    /**
     * The working time two calendars have in common: Microsoft Project schedules a resource's work on a
     * task that has its own calendar only when both the task's and the resource's calendars say work.
     */
    CompiledCalendar(CompiledCalendar first, CompiledCalendar second, long hintDay) {
        this.chain = first.chain;
        this.parts = new CompiledCalendar[] {first, second};
        this.table = buildAround(hintDay);
    }

    static long toMinutes(LocalDateTime instant) {
        return Math.floorDiv(instant.toEpochSecond(ZoneOffset.UTC), 60);
    }

    static LocalDateTime toInstant(long minutes) {
        return LocalDateTime.ofEpochSecond(minutes * 60, 0, ZoneOffset.UTC);
    }

    /** Working minutes between the anchor and {@code instant} (negative before the anchor). */
    long workingOffset(long instant) {
        long day = Math.floorDiv(instant, MINUTES_PER_DAY);
        Table t = tableCovering(day);
        int index = (int) (day - t.firstDay);
        int minuteOfDay = (int) (instant - day * MINUTES_PER_DAY);
        int[] periods = t.patterns[t.dayPattern[index]];
        long within = 0;
        for (int i = 0; i < periods.length; i += 2) {
            if (minuteOfDay <= periods[i]) {
                break;
            }
            within += Math.min(minuteOfDay, periods[i + 1]) - periods[i];
        }
        return t.cumulative[index] + within;
    }

    /** The instant at which working minute {@code offset} begins: always inside working time. */
    long startOfMinute(long offset) {
        Table t = table;
        while (true) {
            if (offset < t.cumulative[0]) {
                t = grow(t.firstDay - 366 * 2);
                continue;
            }
            int last = t.cumulative.length - 1;
            if (offset >= t.cumulative[last] + t.totals[t.dayPattern[last]]) {
                t = grow(t.firstDay + last + 366 * 2);
                continue;
            }
            break;
        }
        long[] cumulative = t.cumulative;
        // Jump to the bucket of working minutes holding the offset, then step over the few days in it.
        int low = t.bucketDay[(int) ((offset - cumulative[0]) >>> BUCKET_SHIFT)];
        int last = cumulative.length - 1;
        while (low < last && cumulative[low + 1] <= offset) {
            low++;
        }
        // low is the last day starting at or before the offset; zero-length days share their successor's
        // cumulative value, so the last such day is the one that really holds the minute.
        int[] periods = t.patterns[t.dayPattern[low]];
        long remaining = offset - cumulative[low];
        long dayStart = (t.firstDay + low) * MINUTES_PER_DAY;
        for (int i = 0; i < periods.length; i += 2) {
            int length = periods[i + 1] - periods[i];
            if (remaining < length) {
                return dayStart + periods[i] + remaining;
            }
            remaining -= length;
        }
        throw new IllegalStateException("working-time table is inconsistent");
    }

    /** The next instant at or after {@code instant} that is working time (start of a working minute). */
    long nextWorkStart(long instant) {
        return startOfMinute(workingOffset(instant));
    }

    /** The last instant at or before {@code instant} that ends working time. */
    long previousWorkFinish(long instant) {
        return startOfMinute(workingOffset(instant) - 1) + 1;
    }

    /**
     * Adds working minutes to an instant. Adding ends at the end of the last working minute (a finish, e.g.
     * 17:00), subtracting ends at the start of a working minute (a start, e.g. 08:00); adding nothing
     * leaves the instant alone.
     */
    long add(long instant, long minutes) {
        if (minutes == 0) {
            return instant;
        }
        long offset = workingOffset(instant) + minutes;
        return minutes > 0 ? startOfMinute(offset - 1) + 1 : startOfMinute(offset);
    }

    /** A finish date {@code minutes} of work after the working offset {@code offset}. */
    long finishAt(long offset) {
        return startOfMinute(offset - 1) + 1;
    }

    long workBetween(long from, long to) {
        return workingOffset(to) - workingOffset(from);
    }

    private Table tableCovering(long day) {
        Table t = table;
        if (day >= t.firstDay && day < t.firstDay + t.dayPattern.length) {
            return t;
        }
        t = grow(day);
        if (day < t.firstDay || day >= t.firstDay + t.dayPattern.length) {
            throw new ScheduleException(
                    new ScheduleProblem.NoWorkingTime(chain.get(0).id()));
        }
        return t;
    }

    /**
     * A table covering {@code day} with margins, within the supported days; throws when the table already
     * reaches the supported bound on the side of {@code day}, so a search towards it ends.
     */
    private synchronized Table grow(long day) {
        Table t = table;
        long first = t.firstDay;
        long end = t.firstDay + t.dayPattern.length;
        if (day >= first && day < end) {
            return t;
        }
        if ((day < first && first <= FIRST_DAY) || (day >= end && end >= END_DAY)) {
            throw new ScheduleException(
                    new ScheduleProblem.NoWorkingTime(chain.get(0).id()));
        }
        long newFirst = Math.max(FIRST_DAY, Math.min(first, day - 366));
        long newEnd = Math.min(END_DAY, Math.max(end, day + 366 * 2));
        Table grown = extend(t, newFirst, newEnd);
        TABULATED_DAYS.addAndGet(grown.dayPattern.length - t.dayPattern.length);
        table = grown;
        return grown;
    }

    /** Three years around {@code hintDay} (usually today or the project's start), within the supported days. */
    private Table buildAround(long hintDay) {
        long first = Math.max(FIRST_DAY, Math.min(hintDay - 400, END_DAY - 366 * 3));
        long end = Math.min(END_DAY, first + 400 + 366 * 3);
        Table built = build(first, end);
        TABULATED_DAYS.addAndGet(built.dayPattern.length);
        return built;
    }

    /** Days tabulated since {@link #forgetTabulatedDays()}, for the cache to bound its memory. */
    static long tabulatedDays() {
        return TABULATED_DAYS.get();
    }

    static void forgetTabulatedDays() {
        TABULATED_DAYS.set(0);
    }

    private Table build(long firstDay, long endDay) {
        PatternTable patterns = new PatternTable();
        int length = (int) (endDay - firstDay);
        int[] dayPattern = new int[length];
        for (int i = 0; i < length; i++) {
            dayPattern[i] = patterns.indexOf(periodsOn(LocalDate.ofEpochDay(firstDay + i)));
        }
        return patterns.table(firstDay, dayPattern, 0, 0);
    }

    private Table extend(Table old, long newFirst, long newEnd) {
        PatternTable patterns = new PatternTable();
        for (int[] pattern : old.patterns) {
            patterns.indexOf(pattern);
        }
        int length = (int) (newEnd - newFirst);
        int[] dayPattern = new int[length];
        int oldOffset = (int) (old.firstDay - newFirst);
        for (int i = 0; i < length; i++) {
            int oldIndex = i - oldOffset;
            if (oldIndex >= 0 && oldIndex < old.dayPattern.length) {
                dayPattern[i] = old.dayPattern[oldIndex];
            } else {
                dayPattern[i] = patterns.indexOf(periodsOn(LocalDate.ofEpochDay(newFirst + i)));
            }
        }
        // Keep the anchor: the old first day keeps its cumulative value.
        return patterns.table(newFirst, dayPattern, oldOffset, old.cumulative[0]);
    }

    /** Working periods on a date, flattened as start,end pairs of minutes, resolved through the chain. */
    int[] periodsOn(LocalDate date) {
        if (parts != null) {
            return intersection(parts[0].periodsOn(date), parts[1].periodsOn(date));
        }
        DayOfWeek day = date.getDayOfWeek();
        long epochDay = date.toEpochDay();
        for (int level = 0; level < chain.size(); level++) {
            int[] exception = dated[level].get(epochDay);
            if (exception != null) {
                return exception;
            }
            List<CalendarException> repeating = yearly[level];
            for (int i = repeating.size() - 1; i >= 0; i--) {
                if (repeating.get(i).covers(date)) {
                    return flatten(repeating.get(i).periods());
                }
            }
            int[] periods = week[level][day.getValue() - 1];
            if (periods != null) {
                return periods;
            }
        }
        return new int[0];
    }

    /**
     * Exceptions by date for each calendar in the chain (the later of two overlapping exceptions wins),
     * recurring ones apart, and the week as flattened periods (null where a derived calendar defers to its
     * base): compiling a calendar with thousands of exceptions stays linear.
     */
    private Map<Long, int[]>[] dated;

    private List<CalendarException>[] yearly;
    private int[][][] week;

    @SuppressWarnings("unchecked")
    private void index() {
        int levels = chain.size();
        dated = new Map[levels];
        yearly = new List[levels];
        week = new int[levels][7][];
        for (int level = 0; level < levels; level++) {
            WorkingCalendar calendar = chain.get(level);
            Map<Long, int[]> byDate = new HashMap<>();
            List<CalendarException> repeating = new ArrayList<>();
            for (CalendarException exception : calendar.exceptions()) {
                if (exception.recurring()) {
                    repeating.add(exception);
                    continue;
                }
                int[] periods = flatten(exception.periods());
                // Only the supported days can be asked for: an exception over ten thousand years costs no more.
                long last = Math.min(exception.to().toEpochDay(), END_DAY - 1);
                for (long d = Math.max(exception.from().toEpochDay(), FIRST_DAY); d <= last; d++) {
                    byDate.put(d, periods);
                }
            }
            dated[level] = byDate;
            yearly[level] = repeating;
            for (DayOfWeek day : DayOfWeek.values()) {
                List<WorkingPeriod> periods = calendar.week().get(day);
                week[level][day.getValue() - 1] = periods == null ? null : flatten(periods);
            }
        }
    }

    private static int[] intersection(int[] first, int[] second) {
        int[] common = new int[first.length + second.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < first.length && j < second.length) {
            int start = Math.max(first[i], second[j]);
            int end = Math.min(first[i + 1], second[j + 1]);
            if (start < end) {
                common[n++] = start;
                common[n++] = end;
            }
            if (first[i + 1] < second[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return Arrays.copyOf(common, n);
    }

    private static int[] flatten(List<WorkingPeriod> periods) {
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort((a, b) -> Integer.compare(a.startMinute(), b.startMinute()));
        int[] flat = new int[sorted.size() * 2];
        int n = 0;
        for (WorkingPeriod period : sorted) {
            // Merge touching or overlapping periods so a boundary never splits working time.
            if (n > 0 && period.startMinute() <= flat[n - 1]) {
                flat[n - 1] = Math.max(flat[n - 1], period.endMinute());
                continue;
            }
            flat[n++] = period.startMinute();
            flat[n++] = period.endMinute();
        }
        return Arrays.copyOf(flat, n);
    }

    /** Working minutes per bucket of the day index: a lookup lands within a few days of the answer. */
    private static final int BUCKET_SHIFT = 9;

    /**
     * One snapshot of the tables. {@code bucketDay[b]} is the last day whose cumulative working minutes
     * (from the first day) are at most {@code b << BUCKET_SHIFT}.
     */
    private record Table(
            long firstDay, int[] dayPattern, long[] cumulative, int[][] patterns, int[] totals, int[] bucketDay) {}

    /** Distinct day patterns, so days share one small array each. */
    private static final class PatternTable {
        private final List<int[]> patterns = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        int indexOf(int[] pattern) {
            return index.computeIfAbsent(Arrays.toString(pattern), key -> {
                patterns.add(pattern);
                return patterns.size() - 1;
            });
        }

        Table table(long firstDay, int[] dayPattern, int anchorIndex, long anchorValue) {
            int[][] all = patterns.toArray(new int[0][]);
            int[] totals = new int[all.length];
            for (int p = 0; p < all.length; p++) {
                for (int i = 0; i < all[p].length; i += 2) {
                    totals[p] += all[p][i + 1] - all[p][i];
                }
            }
            long[] cumulative = new long[dayPattern.length];
            for (int i = 1; i < dayPattern.length; i++) {
                cumulative[i] = cumulative[i - 1] + totals[dayPattern[i - 1]];
            }
            long shift = anchorValue - cumulative[anchorIndex];
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] += shift;
            }
            long span = cumulative[cumulative.length - 1] + totals[dayPattern[dayPattern.length - 1]] - cumulative[0];
            int[] bucketDay = new int[(int) (span >>> BUCKET_SHIFT) + 1];
            int day = 0;
            for (int b = 0; b < bucketDay.length; b++) {
                long bucketStart = cumulative[0] + ((long) b << BUCKET_SHIFT);
                while (day + 1 < cumulative.length && cumulative[day + 1] <= bucketStart) {
                    day++;
                }
                bucketDay[b] = day;
            }
            return new Table(firstDay, dayPattern, cumulative, all, totals, bucketDay);
        }
    }
}
