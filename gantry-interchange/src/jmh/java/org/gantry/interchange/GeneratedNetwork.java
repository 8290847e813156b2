package org.gantry.interchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gantry.engine.CalendarException;
import org.gantry.engine.Link;
import org.gantry.engine.LinkType;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.Task;
import org.gantry.engine.TaskId;
import org.gantry.engine.WorkDuration;
import org.gantry.engine.WorkingCalendar;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.TimeUnit;

/**
 * A reproducible random network for benchmarks: {@code tasks} tasks of 1 to 10 days and 1.5 links per
 * task (mostly finish-to-start, some start-to-start and finish-to-finish, a fifth with lags or leads),
 * each link from one of the 1,000 tasks before, over the standard calendar with ten holidays a year. The
 * same network is built for the engine and as an MPXJ project, so both schedulers get the same input.
 */
final class GeneratedNetwork {
    static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 8, 0);

    final int[] durationDays;
    final int[] linkPredecessor;
    final int[] linkSuccessor;
    final LinkType[] linkType;
    final int[] lagDays;
    final List<LocalDate> holidays = new ArrayList<>();

    GeneratedNetwork(int tasks) {
        SplittableRandom random = new SplittableRandom(20240101L + tasks);
        durationDays = new int[tasks];
        for (int i = 0; i < tasks; i++) {
            durationDays[i] = 1 + random.nextInt(10);
        }
        int links = tasks * 3 / 2;
        linkPredecessor = new int[links];
        linkSuccessor = new int[links];
        linkType = new LinkType[links];
        lagDays = new int[links];
        int made = 0;
        for (int successor = 1; successor < tasks && made < links; successor++) {
            int count = successor >= 2 && made + (tasks - successor) < links ? 2 : 1;
            int previous = -1;
            for (int k = 0; k < count; k++) {
                int predecessor = successor - 1 - random.nextInt(Math.min(successor, 1000));
                if (predecessor == previous) {
                    continue;
                }
                previous = predecessor;
                linkPredecessor[made] = predecessor;
                linkSuccessor[made] = successor;
                int kind = random.nextInt(20);
                linkType[made] = kind == 0 ? LinkType.START_START : kind == 1 ? LinkType.FINISH_FINISH : LinkType.FINISH_START;
                lagDays[made] = random.nextInt(5) == 0 ? random.nextInt(5) - 1 : 0;
                made++;
            }
        }
        while (made < links) {
            int successor = 1 + random.nextInt(tasks - 1);
            linkPredecessor[made] = successor - 1;
            linkSuccessor[made] = successor;
            linkType[made] = LinkType.FINISH_START;
            made++;
        }
        for (int year = 2024; year <= 2060; year++) {
            for (int month : new int[] {1, 3, 4, 5, 6, 7, 8, 10, 12, 12}) {
                LocalDate day = LocalDate.of(year, month, month == 12 && holidays.size() % 10 == 9 ? 26 : 25);
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    holidays.add(day);
                }
            }
        }
    }

    int linkCount() {
        return linkPredecessor.length;
    }

    ProjectNetwork engineNetwork() {
        WorkingCalendar calendar = WorkingCalendar.standard();
        for (LocalDate holiday : holidays) {
            calendar = calendar.withException(CalendarException.holiday(holiday));
        }
        List<Task> tasks = new ArrayList<>(durationDays.length);
        for (int i = 0; i < durationDays.length; i++) {
            tasks.add(Task.of(TaskId.of(i), WorkDuration.days(durationDays[i])));
        }
        List<Link> links = new ArrayList<>(linkCount());
        for (int l = 0; l < linkCount(); l++) {
            links.add(Link.of(
                    TaskId.of(linkPredecessor[l]), TaskId.of(linkSuccessor[l]), linkType[l], WorkDuration.days(lagDays[l])));
        }
        return new ProjectNetwork(START, calendar.id(), List.of(calendar), tasks, links, null, null);
    }

    ProjectFile mpxjProject() {
        ProjectFile file = new ProjectFile();
        ProjectCalendar calendar = file.addDefaultBaseCalendar();
        for (LocalDate holiday : holidays) {
            calendar.addCalendarException(holiday, holiday);
        }
        file.getProjectProperties().setDefaultCalendar(calendar);
        file.getProjectProperties().setStartDate(START);
        List<org.mpxj.Task> tasks = new ArrayList<>(durationDays.length);
        for (int i = 0; i < durationDays.length; i++) {
            org.mpxj.Task task = file.addTask();
            task.setName("Task " + i);
            task.setDuration(Duration.getInstance(durationDays[i], TimeUnit.DAYS));
            task.setActualDuration(Duration.getInstance(0, TimeUnit.DAYS));
            task.setRemainingDuration(Duration.getInstance(durationDays[i], TimeUnit.DAYS));
            task.setConstraintType(org.mpxj.ConstraintType.AS_SOON_AS_POSSIBLE);
            tasks.add(task);
        }
        for (int l = 0; l < linkCount(); l++) {
            RelationType type = switch (linkType[l]) {
                case START_START -> RelationType.START_START;
                case FINISH_FINISH -> RelationType.FINISH_FINISH;
                case START_FINISH -> RelationType.START_FINISH;
                default -> RelationType.FINISH_START;
            };
            tasks.get(linkSuccessor[l]).addPredecessor(new Relation.Builder()
                    .predecessorTask(tasks.get(linkPredecessor[l]))
                    .type(type)
                    .lag(Duration.getInstance(lagDays[l], TimeUnit.DAYS)));
        }
        return file;
    }
}
