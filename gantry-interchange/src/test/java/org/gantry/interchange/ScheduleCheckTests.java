package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpxj.Duration;
import org.mpxj.ProjectProperties;
import org.mpxj.TimeUnit;

class ScheduleCheckTests {
    private final WorkingTime standard = WorkingTime.of(WorkingCalendar.standard());

    @Test
    void aLateFinishStoredAsTheNextMorningIsTheSameWorkingMoment() {
        assertThat(ScheduleCheck.sameInstant(
                        LocalDateTime.of(2024, 3, 5, 8, 0), LocalDateTime.of(2024, 3, 4, 17, 0), standard, false))
                .isTrue();
        assertThat(ScheduleCheck.sameInstant(
                        LocalDateTime.of(2024, 3, 5, 9, 0), LocalDateTime.of(2024, 3, 4, 17, 0), standard, false))
                .isFalse();
    }

    @Test
    void fractionsOfAMinuteMatchTheNearestWholeMinute() {
        assertThat(ScheduleCheck.sameInstant(
                        LocalDateTime.of(2024, 3, 5, 9, 8, 24), LocalDateTime.of(2024, 3, 5, 9, 9), standard, false))
                .isTrue();
    }

    @Test
    void aFractionalInstantDoesNotMatchAMinuteFurtherAway() {
        assertThat(ScheduleCheck.sameInstant(
                        LocalDateTime.of(2024, 3, 5, 9, 8, 24), LocalDateTime.of(2024, 3, 5, 9, 8), standard, false))
                .isTrue();
        assertThat(ScheduleCheck.sameInstant(
                        LocalDateTime.of(2024, 3, 5, 9, 8, 24), LocalDateTime.of(2024, 3, 5, 9, 7), standard, false))
                .isFalse();
        assertThat(ScheduleCheck.sameInstant(
                        LocalDateTime.of(2024, 3, 5, 9, 8, 24), LocalDateTime.of(2024, 3, 5, 9, 10), standard, false))
                .isFalse();
    }

    @Test
    void slackDiffersOnceItIsAWholeMinuteApart() {
        ProjectProperties properties = new org.mpxj.ProjectFile().getProjectProperties();
        // 0.01 day is 4.8 minutes: the two-decimal figure Project displays is not the schedule.
        assertThat(ScheduleCheck.sameSlack(Duration.getInstance(1.0, TimeUnit.DAYS), 484, properties))
                .isFalse();
        assertThat(ScheduleCheck.sameSlack(Duration.getInstance(4800.5 / 600, TimeUnit.HOURS), 480, properties))
                .isTrue();
    }

    @Test
    void slackIsComparedInTheUnitTheFileStoredItIn() {
        ProjectProperties properties = new org.mpxj.ProjectFile().getProjectProperties();
        assertThat(ScheduleCheck.sameSlack(Duration.getInstance(1.5, TimeUnit.DAYS), 720, properties))
                .isTrue();
        assertThat(ScheduleCheck.sameSlack(Duration.getInstance(1.5, TimeUnit.DAYS), 480, properties))
                .isFalse();
        assertThat(ScheduleCheck.sameSlack(Duration.getInstance(-2, TimeUnit.HOURS), -120, properties))
                .isTrue();
    }

    @Test
    void anUnreadableFileFailsWithTheReason(@TempDir Path folder) throws Exception {
        Path junk = Files.writeString(folder.resolve("junk.mpp"), "not a project");

        CheckResult result = ScheduleCheck.check(junk);

        assertThat(result.passed()).isFalse();
        assertThat(result.line()).startsWith("FAIL " + junk + ": unreadable");
    }

    @Test
    void foldersAreSearchedForEveryFormatMpxjReads(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("deeper"));
        Files.writeString(folder.resolve("deeper/plan.xml"), "<Project/>");
        Files.writeString(folder.resolve("notes.txt"), "not a plan");

        assertThat(ScheduleCheck.filesUnder(List.of(folder))).containsExactly(folder.resolve("deeper/plan.xml"));
    }
}
