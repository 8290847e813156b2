package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Heizer and Render's Milwaukee Paper Manufacturing example (Operations Management, "Project
 * Management"), in weeks. Published: A 0-2, B 0-3 (LS 1), C 2-4, D 3-7 (LS 4), E 4-8, F 4-7 (LS 10), G 8-13,
 * H 13-15; slack B 1, D 1, F 6, all others 0; critical path A-C-E-G-H, 15 weeks. Here a week is one 8-hour
 * working day on a calendar that works every day, so day n is week n.
 */
class TextbookNetworkTests {
    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 8, 0);

    private static ProjectNetwork milwaukeePaper() {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(WorkingPeriod.of("08:00", "16:00")));
        }
        WorkingCalendar everyDay = new WorkingCalendar(CalendarId.of("every day"), null, week, List.of());
        String[][] activities = {
            {"A", "2"},
            {"B", "3"},
            {"C", "2", "A"},
            {"D", "4", "A", "B"},
            {"E", "4", "C"},
            {"F", "3", "C"},
            {"G", "5", "D", "E"},
            {"H", "2", "F", "G"}
        };
        List<Task> tasks = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (String[] activity : activities) {
            tasks.add(Task.of(activity[0], WorkDuration.days(Double.parseDouble(activity[1]))));
            for (int k = 2; k < activity.length; k++) {
                links.add(Link.finishStart(TaskId.of(activity[k]), TaskId.of(activity[0])));
            }
        }
        return new ProjectNetwork(START, everyDay.id(), List.of(everyDay), tasks, links, null, null);
    }

    private static LocalDateTime startOfWeek(int n) {
        return START.plusDays(n);
    }

    private static LocalDateTime endOfWeek(int n) {
        return START.plusDays(n - 1).withHour(16);
    }

    @Test
    void earlyAndLateDatesMatchThePublishedTable() {
        Schedule schedule = Scheduler.schedule(milwaukeePaper());
        int[][] published = {
            {0, 2, 0, 2},
            {0, 3, 1, 4},
            {2, 4, 2, 4},
            {3, 7, 4, 8},
            {4, 8, 4, 8},
            {4, 7, 10, 13},
            {8, 13, 8, 13},
            {13, 15, 13, 15}
        };
        String names = "ABCDEFGH";
        for (int k = 0; k < published.length; k++) {
            ScheduledTask task = schedule.task(String.valueOf(names.charAt(k)));
            assertThat(task.earlyStart()).as("ES " + task.id()).isEqualTo(startOfWeek(published[k][0]));
            assertThat(task.earlyFinish()).as("EF " + task.id()).isEqualTo(endOfWeek(published[k][1]));
            assertThat(task.lateStart()).as("LS " + task.id()).isEqualTo(startOfWeek(published[k][2]));
            assertThat(task.lateFinish()).as("LF " + task.id()).isEqualTo(endOfWeek(published[k][3]));
        }
    }

    @Test
    void slackMatchesThePublishedTable() {
        Schedule schedule = Scheduler.schedule(milwaukeePaper());
        assertThat(schedule.task("B").totalSlackMinutes()).isEqualTo(480);
        assertThat(schedule.task("D").totalSlackMinutes()).isEqualTo(480);
        assertThat(schedule.task("F").totalSlackMinutes()).isEqualTo(6 * 480);
        assertThat(schedule.task("A").totalSlackMinutes()).isZero();
        assertThat(schedule.projectFinish()).isEqualTo(endOfWeek(15));
    }

    @Test
    void theCriticalPathIsACEGH() {
        assertThat(Scheduler.schedule(milwaukeePaper()).criticalPath())
                .extracting(TaskId::value)
                .containsExactly("A", "C", "E", "G", "H");
    }
}
