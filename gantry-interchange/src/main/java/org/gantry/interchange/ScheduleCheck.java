package org.gantry.interchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gantry.engine.CalendarId;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduleException;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Scheduler;
import org.gantry.engine.TaskId;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingTime;
import org.mpxj.Duration;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.TimeUnit;
import org.mpxj.reader.UniversalProjectReader;

/**
 * The schedule check: read a file, schedule it with the engine from the project start the file gives, and
 * compare every task (but the project summary) with the dates and slack the file stored.
 *
 * <p>Two instants are the same when no working time lies between them on the task's calendar: Microsoft
 * Project often stores a late finish as the start of the next working period (08:00 Tuesday for 17:00
 * Monday). Slack is compared in working minutes, within the rounding of the file's tenths of minutes.
 */
public final class ScheduleCheck {
    /** File name endings of the formats MPXJ reads. */
    static final Set<String> EXTENSIONS = Set.of(
            "mpp",
            "mpt",
            "mpx",
            "xml",
            "xer",
            "pmxml",
            "pp",
            "pod",
            "gan",
            "gnt",
            "planner",
            "fts",
            "cdpx",
            "cdpz",
            "sdef",
            "prx",
            "schedule_grid",
            "ppx",
            "zip",
            "p3",
            "stx",
            "pc",
            "mdb",
            "mpd",
            "json",
            "edp",
            "pep",
            "pwa",
            "xls",
            "xlsx",
            "tp",
            "cdp",
            "spx",
            "ppp",
            "p6xml");

    private static final String[] FIELDS = {
        "early start", "early finish", "late start", "late finish", "start", "finish", "total slack", "free slack"
    };

    /** Every file below the paths, in a stable order; plain files are taken as given. */
    public static List<Path> filesUnder(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ScheduleCheck::readableFormat)
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    private static boolean readableFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** Checks every file, reporting each result as it is known. */
    public static List<CheckResult> checkAll(List<Path> files, Consumer<CheckResult> report) {
        List<CheckResult> results = new ArrayList<>();
        for (Path file : files) {
            CheckResult result;
            try {
                result = check(file);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // One bad file must not stop the check of the others.
                result = CheckResult.unreadable(file, "check failed: " + e);
            }
            report.accept(result);
            results.add(result);
        }
        return results;
    }

    public static CheckResult check(Path path) {
        ProjectFile file;
        try {
            file = new UniversalProjectReader().read(path.toFile());
        } catch (Exception | LinkageError e) {
            return CheckResult.unreadable(path, "unreadable: " + e);
        }
        if (file == null) {
            return CheckResult.unreadable(path, "unreadable: not a format MPXJ recognises");
        }
        if (file.getProjectProperties().getStartDate() == null) {
            return CheckResult.unreadable(path, "the file gives no project start");
        }
        ImportedProject imported;
        try {
            imported = ProjectFileImport.convert(file);
        } catch (RuntimeException e) {
            return CheckResult.unreadable(path, "cannot convert: " + e);
        }
        ProjectNetwork network = imported.network();
        Schedule schedule;
        long began = System.nanoTime();
        try {
            schedule = Scheduler.schedule(network);
        } catch (ScheduleException e) {
            return CheckResult.failed(path, network.tasks().size(), 0, "cannot schedule: " + e.getMessage(), 0);
        } catch (RuntimeException e) {
            return CheckResult.failed(path, network.tasks().size(), 0, "engine failed: " + e, 0);
        }
        long nanos = System.nanoTime() - began;
        return compare(path, imported, schedule, nanos);
    }

    private static CheckResult compare(Path path, ImportedProject imported, Schedule schedule, long nanos) {
        ProjectNetwork network = imported.network();
        Map<CalendarId, WorkingCalendar> calendars = new HashMap<>();
        network.calendars().forEach(c -> calendars.put(c.id(), c));
        Map<CalendarId, WorkingTime> clocks = new HashMap<>();
        ProjectProperties properties = imported.file().getProjectProperties();
        boolean dayPrecision = storesDaysOnly(imported);
        String first = null;
        int differences = 0;
        int compared = 0;
        for (org.gantry.engine.Task task : network.tasks()) {
            org.mpxj.Task source = imported.sources().get(task.id());
            if (!source.getActive()) {
                continue; // Project does not reschedule inactive tasks; it keeps their last dates.
            }
            compared++;
            ScheduledTask ours = schedule.task(task.id());
            CalendarId calendarId = task.calendar() == null ? network.projectCalendar() : task.calendar();
            WorkingTime clock = clocks.computeIfAbsent(
                    calendarId, id -> WorkingTime.of(calendars.get(id), List.copyOf(calendars.values())));
            LocalDateTime[] expected = {
                source.getEarlyStart(),
                source.getEarlyFinish(),
                source.getLateStart(),
                source.getLateFinish(),
                source.getStart(),
                source.getFinish()
            };
            LocalDateTime[] got = {
                ours.earlyStart(), ours.earlyFinish(), ours.lateStart(), ours.lateFinish(), ours.start(), ours.finish()
            };
            for (int f = 0; f < expected.length; f++) {
                if (expected[f] == null) {
                    continue;
                }
                if (got[f] == null || !sameInstant(expected[f], got[f], clock, dayPrecision)) {
                    differences++;
                    if (first == null) {
                        first = describe(source) + ", " + FIELDS[f] + ": expected " + expected[f] + ", got " + got[f];
                    }
                }
            }
            Duration[] expectedSlack = {source.getTotalSlack(), source.getFreeSlack()};
            long[] gotSlack = {ours.totalSlackMinutes(), ours.freeSlackMinutes()};
            for (int f = 0; f < 2; f++) {
                Duration stored = expectedSlack[f];
                if (stored == null || ours.start() == null) {
                    continue;
                }
                if (!sameSlack(stored, gotSlack[f], properties)) {
                    differences++;
                    if (first == null) {
                        first = describe(source) + ", " + FIELDS[6 + f] + ": expected " + stored + ", got "
                                + format(gotSlack[f], stored.getUnits(), properties);
                    }
                }
            }
        }
        if (differences == 0) {
            return CheckResult.passed(path, compared, nanos);
        }
        return CheckResult.failed(path, compared, nanos, first, differences - 1);
    }

    /**
     * Instants are the same when no working time lies between them on the task's calendar. The engine works
     * in whole minutes; Project keeps fractions of a minute (a turtle-contoured finish at 09:08:24), so a
     * stored instant with seconds matches either whole minute around it, and nothing further.
     */
    static boolean sameInstant(LocalDateTime expected, LocalDateTime got, WorkingTime clock, boolean dayPrecision) {
        if (expected.equals(got)) {
            return true;
        }
        if (dayPrecision && expected.toLocalDate().equals(got.toLocalDate())) {
            // The file stores no time of day at all (MPX from Project 98): the day is all there is to compare.
            return true;
        }
        LocalDateTime minute = expected.truncatedTo(ChronoUnit.MINUTES);
        if (minute.equals(expected)) {
            return clock.workBetween(expected, got) == 0;
        }
        return clock.workBetween(minute, got) == 0 || clock.workBetween(minute.plusMinutes(1), got) == 0;
    }

    /**
     * MPX files (Project 98) may store dates without a time of day. When every stored date of such a file is
     * at midnight, dates are compared by day. Other formats always keep the time, so a file of theirs whose
     * dates all fall at midnight (a 24-hour calendar) is compared to the minute.
     */
    private static boolean storesDaysOnly(ImportedProject imported) {
        if (!"MPX".equalsIgnoreCase(imported.file().getProjectProperties().getFileType())) {
            return false;
        }
        boolean any = false;
        for (org.mpxj.Task task : imported.sources().values()) {
            for (LocalDateTime date : new LocalDateTime[] {
                task.getEarlyStart(),
                task.getEarlyFinish(),
                task.getLateStart(),
                task.getLateFinish(),
                task.getStart(),
                task.getFinish()
            }) {
                if (date == null) {
                    continue;
                }
                any = true;
                if (date.getHour() != 0 || date.getMinute() != 0) {
                    return false;
                }
            }
        }
        return any;
    }

    private static String describe(org.mpxj.Task task) {
        return "task " + task.getID() + " '" + task.getName() + "'";
    }

    /**
     * Slack is the same when it is the same number of working minutes. The file stores tenths of minutes
     * (MPXJ may hand them over converted to the stored unit) and the engine whole minutes, so a difference
     * of less than one minute is rounding, not a different schedule.
     */
    static boolean sameSlack(Duration stored, long minutes, ProjectProperties properties) {
        double perUnit = minutesPer(stored.getUnits(), properties);
        return Math.abs(stored.getDuration() * perUnit - minutes) < 1.0;
    }

    private static String format(long minutes, TimeUnit unit, ProjectProperties properties) {
        double value = minutes / minutesPer(unit, properties);
        return String.format(Locale.ROOT, "%s%s", trim(value), unit == null ? "m" : unit.toString());
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text;
    }

    static double minutesPer(TimeUnit unit, ProjectProperties properties) {
        if (unit == null) {
            return 1;
        }
        double day = properties.getMinutesPerDay() == null ? 480 : properties.getMinutesPerDay();
        double week = properties.getMinutesPerWeek() == null ? 2400 : properties.getMinutesPerWeek();
        double month = day * (properties.getDaysPerMonth() == null ? 20 : properties.getDaysPerMonth());
        return switch (unit) {
            case HOURS, ELAPSED_HOURS -> 60;
            case DAYS -> day;
            case WEEKS -> week;
            case MONTHS -> month;
            case YEARS -> month * 12;
            case ELAPSED_DAYS -> 1440;
            case ELAPSED_WEEKS -> 1440 * 7;
            case ELAPSED_MONTHS -> 1440 * 30;
            default -> 1;
        };
    }

    static TaskId id(org.mpxj.Task task) {
        return ProjectFileImport.idOf(task);
    }
}
