package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.gantry.engine.LinkType;
import org.gantry.engine.Schedule;
import org.gantry.engine.Scheduler;
import org.junit.jupiter.api.Test;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.Task;
import org.mpxj.TimeUnit;

class ProjectFileImportTests {

    private static ProjectFile twoLinkedTasks() {
        ProjectFile file = new ProjectFile();
        ProjectCalendar calendar = file.addDefaultBaseCalendar();
        file.getProjectProperties().setDefaultCalendar(calendar);
        file.getProjectProperties().setStartDate(LocalDateTime.of(2024, 3, 4, 8, 0));
        Task first = file.addTask();
        first.setName("Design");
        first.setDuration(Duration.getInstance(2, TimeUnit.DAYS));
        Task second = file.addTask();
        second.setName("Build");
        second.setDuration(Duration.getInstance(3, TimeUnit.DAYS));
        second.addPredecessor(new Relation.Builder()
                .predecessorTask(first)
                .type(RelationType.START_START)
                .lag(Duration.getInstance(1, TimeUnit.DAYS)));
        return file;
    }

    @Test
    void tasksLinksAndDurationsBecomeEngineInput() {
        ImportedProject imported = ProjectFileImport.convert(twoLinkedTasks());

        assertThat(imported.network().tasks())
                .extracting(org.gantry.engine.Task::name)
                .containsExactly("Design", "Build");
        assertThat(imported.network()
                        .tasks()
                        .get(1)
                        .duration()
                        .toMinutes(imported.network().options()))
                .isEqualTo(1440);
        assertThat(imported.network().links()).singleElement().satisfies(link -> {
            assertThat(link.type()).isEqualTo(LinkType.START_START);
            assertThat(link.lag().toMinutes(imported.network().options())).isEqualTo(480);
        });
    }

    @Test
    void theImportedNetworkSchedulesFromTheFilesProjectStart() {
        Schedule schedule =
                Scheduler.schedule(ProjectFileImport.convert(twoLinkedTasks()).network());

        assertThat(schedule.projectFinish()).isEqualTo(LocalDateTime.of(2024, 3, 7, 17, 0));
    }
}
