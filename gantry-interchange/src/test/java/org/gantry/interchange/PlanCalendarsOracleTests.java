package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mpxj.ProjectFile;
import org.mpxj.reader.UniversalProjectReader;

/**
 * For the 401 files Microsoft Project saved (../shared/oracles/msproject): the calendars a stored plan keeps,
 * converted by {@link PlanCalendars}, give every day of the project (and a year either side) the same working
 * minutes as the calendars the file's own import schedules on. A floor, not all-pass.
 */
@Tag("oracle")
class PlanCalendarsOracleTests {
    /** Files whose every kept calendar agrees day by day today. Raise it when more agree. */
    private static final int AGREEING_FLOOR = 401;

    @Test
    void storedCalendarsGiveTheWorkingTimeTheFilesImportSchedulesOn() throws Exception {
        String oracles = System.getProperty("gantry.oracles");
        assertThat(oracles).as("system property gantry.oracles").isNotBlank();
        Path folder = Path.of(oracles, "msproject");
        List<Path> files = ScheduleCheck.filesUnder(List.of(folder));
        int agree = 0;
        int tried = 0;
        List<String> differences = new ArrayList<>();
        for (Path path : files) {
            ProjectFile file;
            try {
                file = new UniversalProjectReader().read(path.toFile());
            } catch (Exception e) {
                continue;
            }
            if (file == null || file.getProjectProperties().getStartDate() == null) {
                continue;
            }
            ImportedProject imported;
            try {
                imported = ProjectFileImport.convert(file);
            } catch (RuntimeException e) {
                continue;
            }
            tried++;
            Plan plan = PlanReader.fromProjectFile(file, path.getFileName().toString());
            LocalDate earliest = imported.network().projectStart().toLocalDate();
            LocalDate latest = earliest;
            for (PlanTask task : plan.tasks()) {
                for (LocalDateTime date : new LocalDateTime[] {task.start(), task.finish()}) {
                    if (date != null && date.toLocalDate().isBefore(earliest)) {
                        earliest = date.toLocalDate();
                    }
                    if (date != null && date.toLocalDate().isAfter(latest)) {
                        latest = date.toLocalDate();
                    }
                }
            }
            Map<String, WorkingCalendar> stored = PlanCalendars.toEngine(plan.calendars(), earliest, latest);
            String difference = null;
            for (WorkingCalendar fromFile : imported.network().calendars()) {
                String key = fromFile.id().value().replaceFirst("^calendar-", "");
                WorkingCalendar fromPlan = stored.get(key);
                if (fromPlan == null) {
                    continue;
                }
                WorkingTime expected = WorkingTime.of(fromFile);
                WorkingTime actual = WorkingTime.of(fromPlan);
                for (LocalDate day = earliest.minusYears(1); day.isBefore(latest.plusYears(1)); day = day.plusDays(1)) {
                    long want = expected.workBetween(
                            day.atStartOfDay(), day.plusDays(1).atStartOfDay());
                    long got = actual.workBetween(
                            day.atStartOfDay(), day.plusDays(1).atStartOfDay());
                    if (want != got) {
                        difference =
                                "calendar " + key + " on " + day + ": " + want + " min in the file, " + got + " stored";
                        break;
                    }
                }
                if (difference != null) {
                    break;
                }
            }
            if (difference == null) {
                agree++;
            } else {
                differences.add(path.getFileName() + ": " + difference);
            }
        }
        differences.forEach(System.out::println);
        System.out.println(agree + " agree, " + (tried - agree) + " differ (calendars of " + tried + " files)");
        assertThat(tried).isGreaterThan(350);
        assertThat(agree).isGreaterThanOrEqualTo(AGREEING_FLOOR);
    }
}
