package org.gantry.server.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gantry.engine.DurationUnit;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanLink;
import org.gantry.interchange.PlanTask;
import org.gantry.interchange.PlanTaskKind;
import org.gantry.server.shared.Conflict;
import org.junit.jupiter.api.Test;

class TaskTableWriterTests {
    private static final PlanDuration DAY = new PlanDuration(480, DurationUnit.DAYS);

    private static List<PlanTask> chain(int length) {
        List<PlanTask> tasks = new ArrayList<>();
        for (int k = 1; k <= length; k++) {
            tasks.add(PlanTask.of(String.valueOf(k), null, 1, "Task " + k, DAY));
        }
        return tasks;
    }

    @Test
    void aChainHasNoLoop() {
        List<PlanLink> links = List.of(PlanLink.finishStart("1", "2"), PlanLink.finishStart("2", "3"));

        assertThat(TaskTableWriter.loop(chain(3), links)).isEmpty();
    }

    @Test
    void aLoopIsFoundWithItsTasksInOrder() {
        List<PlanLink> links =
                List.of(PlanLink.finishStart("1", "2"), PlanLink.finishStart("2", "3"), PlanLink.finishStart("3", "2"));

        assertThat(TaskTableWriter.loop(chain(3), links)).containsExactly("2", "3", "2");
    }

    @Test
    void aLoopInTheFileIsAConflictNamingTheTasks() {
        List<PlanLink> links = List.of(PlanLink.finishStart("1", "2"), PlanLink.finishStart("2", "1"));

        assertThatThrownBy(() -> TaskTableWriter.checkedLinks(chain(2), links, new ArrayList<>()))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("'Task 1' -> 'Task 2' -> 'Task 1'");
    }

    @Test
    void duplicateLinksAndLinksToOwnSubtasksAreLeftOutAndListed() {
        PlanTask phase =
                PlanTask.of("1", null, 1, "Phase", PlanDuration.ZERO_DAYS).withKind(PlanTaskKind.SUMMARY);
        PlanTask inside = PlanTask.of("2", "1", 2, "Inside", DAY);
        PlanTask after = PlanTask.of("3", null, 1, "After", DAY);
        List<String> notKept = new ArrayList<>();

        List<PlanLink> kept = TaskTableWriter.checkedLinks(
                List.of(phase, inside, after),
                List.of(PlanLink.finishStart("1", "2"), PlanLink.finishStart("2", "3"), PlanLink.finishStart("2", "3")),
                notKept);

        assertThat(kept).containsExactly(PlanLink.finishStart("2", "3"));
        assertThat(notKept).singleElement().asString().startsWith("2 duplicate links");
    }

    @Test
    void aLongChainIsCheckedWithoutDeepRecursion() {
        List<PlanTask> tasks = chain(20_000);
        List<PlanLink> links = new ArrayList<>();
        for (int k = 1; k < 20_000; k++) {
            links.add(PlanLink.finishStart(String.valueOf(k), String.valueOf(k + 1)));
        }

        assertThat(TaskTableWriter.loop(tasks, links)).isEmpty();
    }
}
