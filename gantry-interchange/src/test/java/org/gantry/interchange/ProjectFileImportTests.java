package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.gantry.engine.LinkType;
import org.gantry.engine.Schedule;
import org.gantry.engine.Scheduler;
import org.junit.jupiter.api.Test;
import org.mpxj.ConstraintType;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.ScheduleFrom;
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

    @Test
    void aFileScheduledFromItsFinishIsScheduledBackFromTheFinishItGives() {
        ProjectFile file = twoLinkedTasks();
        file.getProjectProperties().setScheduleFrom(ScheduleFrom.FINISH);
        file.getProjectProperties().setFinishDate(LocalDateTime.of(2024, 3, 15, 17, 0));
        file.getTasks().forEach(task -> task.setConstraintType(ConstraintType.AS_LATE_AS_POSSIBLE));

        ImportedProject imported = ProjectFileImport.convert(file);
        Schedule schedule = Scheduler.schedule(imported.network());

        // Build (3 d) ends Friday 15 March and starts Wednesday 13; Design starts a day before it (SS + 1 d)
        // on Tuesday 12, which is the project start.
        assertThat(imported.network().scheduledFromFinish()).isTrue();
        assertThat(schedule.projectFinish()).isEqualTo(LocalDateTime.of(2024, 3, 15, 17, 0));
        assertThat(schedule.projectStart()).isEqualTo(LocalDateTime.of(2024, 3, 12, 8, 0));
    }

    @Test
    void aFileScheduledFromItsStartIgnoresItsStoredFinish() {
        ProjectFile file = twoLinkedTasks();
        file.getProjectProperties().setFinishDate(LocalDateTime.of(2024, 3, 15, 17, 0));

        assertThat(ProjectFileImport.convert(file).network().scheduledFromFinish())
                .isFalse();
    }

    @Test
    void theMoveRemainingPartsForwardSettingIsReadFromTheFile() {
        ProjectFile file = twoLinkedTasks();
        assertThat(ProjectFileImport.convert(file).network().options().remainingWorkAfterStatusDate())
                .isFalse();

        file.getProjectProperties().setMoveRemainingStartsForward(true);

        assertThat(ProjectFileImport.convert(file).network().options().remainingWorkAfterStatusDate())
                .isTrue();
    }
}
