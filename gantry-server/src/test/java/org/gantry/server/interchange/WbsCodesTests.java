package org.gantry.server.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.gantry.engine.DurationUnit;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanTask;
import org.junit.jupiter.api.Test;

class WbsCodesTests {
    private static final PlanDuration DAY = new PlanDuration(480, DurationUnit.DAYS);

    @Test
    void outlineNumbersAreNotReportedAsLost() {
        List<PlanTask> tasks = List.of(
                task("a", null, 1, "1"), task("b", "a", 2, "1.1"), task("c", "a", 2, "1.2"), task("d", null, 1, "2"));

        assertThat(PlanImport.customWbsCodes(tasks)).isZero();
        assertThat(PlanImport.notKept(plan(tasks))).noneMatch(line -> line.contains("WBS"));
    }

    @Test
    void aFileSchemeOfWbsCodesIsCountedButNotListedAsLost() {
        List<PlanTask> tasks = List.of(
                task("a", null, 1, "PRJ-1"),
                task("b", "a", 2, "PRJ-1.A"),
                task("c", "a", 2, "1.2"),
                task("d", null, 1, null));

        assertThat(PlanImport.customWbsCodes(tasks)).isEqualTo(2);
        // Kept beside Gantry's outline numbers and exported while the task stays where the file had it.
        assertThat(PlanImport.notKept(plan(tasks))).noneMatch(line -> line.contains("WBS"));
    }

    @Test
    void monthAndElapsedUnitsAreKeptForTasksButElapsedTimeIsStillScheduledAsWorkingTime() {
        List<PlanTask> tasks = List.of(
                PlanTask.of("a", null, 1, "Months", new PlanDuration(9_600, DurationUnit.MONTHS)),
                PlanTask.of("b", null, 1, "Elapsed", new PlanDuration(1_440, DurationUnit.ELAPSED_DAYS)),
                PlanTask.of("c", null, 1, "Days", DAY));

        assertThat(PlanImport.sourceUnit(tasks.get(0).duration())).isEqualTo("MONTHS");
        assertThat(PlanImport.sourceUnit(tasks.get(1).duration())).isEqualTo("ELAPSED_DAYS");
        assertThat(PlanImport.sourceUnit(DAY)).isNull();
        List<String> notKept = PlanImport.notKept(plan(tasks));
        assertThat(notKept).noneMatch(line -> line.contains("months"));
        assertThat(notKept).anyMatch(line -> line.contains("elapsed") && line.contains("working time"));
    }

    private static PlanTask task(String key, String parent, int level, String wbs) {
        return PlanTask.of(key, parent, level, "Task " + key, DAY).withWbs(wbs);
    }

    private static Plan plan(List<PlanTask> tasks) {
        return new Plan(
                PlanProperties.standard("Plan", LocalDateTime.of(2026, 1, 5, 8, 0)),
                List.of(),
                tasks,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }
}
