package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.engine.Networks.START;
import static org.gantry.engine.Networks.id;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reduction of a schedule to arrays reproduces the schedule when nothing varies. */
class SimulationNetworkTests {

    /**
     * Every link type with lags and leads, a summary with links into and out of it, a start-no-earlier-than
     * constraint, a task on a 24-hour calendar, a holiday and a milestone.
     */
    static ProjectNetwork mixedNetwork() {
        WorkingCalendar standard = WorkingCalendar.standard().withHolidays(LocalDate.of(2024, 3, 8));
        WorkingCalendar allDay = WorkingCalendar.twentyFourHours(CalendarId.of("24h"));
        List<Task> tasks = List.of(
                Networks.task("A", 2),
                Task.summary(id("S")),
                Networks.task("S1", 3).withParent(id("S")),
                Networks.task("S2", 1).withParent(id("S")),
                Networks.task("B", 2).withCalendar(allDay.id()),
                Networks.task("C", 1).withConstraint(ConstraintType.START_NO_EARLIER_THAN, START.plusDays(14)),
                Networks.task("D", 4),
                Networks.task("E", 2),
                Task.milestone(id("M")));
        List<Link> links = List.of(
                Networks.finishStart("A", "S"),
                Networks.link("S1", "S2", LinkType.START_START, WorkDuration.days(1)),
                Networks.link("S", "B", LinkType.FINISH_START, WorkDuration.hours(4)),
                Networks.finishStart("A", "C"),
                Networks.link("B", "D", LinkType.FINISH_FINISH, WorkDuration.days(1)),
                Networks.link("C", "E", LinkType.FINISH_START, WorkDuration.days(-0.5)),
                Networks.finishStart("D", "M"),
                Networks.finishStart("E", "M"));
        return new ProjectNetwork(
                START, standard.id(), List.of(standard, allDay), tasks, links, null, ProjectOptions.DEFAULTS);
    }

    @Test
    void aForwardPassWithTheScheduledSpansGivesTheScheduledDates() {
        SimulationNetwork network = SimulationNetwork.of(mixedNetwork());
        Schedule schedule = network.schedule();
        int n = network.size();
        double[] spans = new double[n];
        for (int c = 0; c < n; c++) {
            spans[c] = network.scheduledSpan(c);
        }
        double[] starts = new double[n];
        double[] finishes = new double[n];

        double finish = network.forwardPass(spans, starts, finishes);

        assertThat(n).isEqualTo(8); // the summary is not simulated
        assertThat(finish).isEqualTo(network.scheduledFinish());
        assertThat(network.finishDate(finish)).isEqualTo(schedule.projectFinish());
        for (int c = 0; c < n; c++) {
            ScheduledTask task = schedule.task(network.task(c));
            assertThat(starts[c]).as("start of " + task.id()).isEqualTo(network.offsetOf(task.earlyStart()));
            assertThat(finishes[c]).as("finish of " + task.id()).isEqualTo(network.offsetOf(task.earlyFinish()));
        }
    }

    @Test
    void aBackwardPassWithTheScheduledSpansFindsTheScheduledCriticalTasks() {
        SimulationNetwork network = SimulationNetwork.of(Networks.rhombus());
        int n = network.size();
        double[] spans = new double[n];
        for (int c = 0; c < n; c++) {
            spans[c] = network.scheduledSpan(c);
        }
        double[] starts = new double[n];
        double[] finishes = new double[n];
        double[] lateFinishes = new double[n];

        double finish = network.forwardPass(spans, starts, finishes);
        network.backwardPass(spans, finish, lateFinishes);

        for (int c = 0; c < n; c++) {
            ScheduledTask task = network.schedule().task(network.task(c));
            assertThat(lateFinishes[c] - finishes[c])
                    .as("slack of " + task.id())
                    .isEqualTo((double) task.totalSlackMinutes());
        }
    }

    @Test
    void positionsFollowTheLinksAndLeaveOutSummaries() {
        SimulationNetwork network = SimulationNetwork.of(mixedNetwork());

        assertThat(network.position(id("S"))).isEqualTo(-1);
        assertThat(network.position(id("A"))).isLessThan(network.position(id("S1")));
        assertThat(network.position(id("S2"))).isLessThan(network.position(id("B")));
        assertThat(network.position(id("M"))).isEqualTo(network.size() - 1);
    }
}
