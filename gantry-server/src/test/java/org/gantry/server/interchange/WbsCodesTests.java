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
    void aFileSchemeOfWbsCodesIsListedAsNotKept() {
        List<PlanTask> tasks = List.of(
                task("a", null, 1, "PRJ-1"),
                task("b", "a", 2, "PRJ-1.A"),
                task("c", "a", 2, "1.2"),
                task("d", null, 1, null));

        assertThat(PlanImport.customWbsCodes(tasks)).isEqualTo(2);
        assertThat(PlanImport.notKept(plan(tasks))).anyMatch(line -> line.contains("WBS") && line.contains("2"));
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
