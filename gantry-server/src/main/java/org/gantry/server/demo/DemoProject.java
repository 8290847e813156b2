package org.gantry.server.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.UserAccount;
import org.gantry.server.identity.UserService;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.project.ProjectService;
import org.gantry.server.schedule.ProjectScheduler;
import org.gantry.server.schedule.ScheduleService;
import org.gantry.server.schedule.StatusDateChange;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.task.LinkService;
import org.gantry.server.task.LinkType;
import org.gantry.server.task.NewLink;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Priority;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates the demo project DEMO, or returns it when it exists. */
@Service
public class DemoProject {

    public static final String KEY = "DEMO";

    private record Person(String name, String email, ProjectRole role) {}

    /**
     * A row of the plan: outline id, name, working days (0 = milestone, -1 = summary), person index,
     * percent complete, and predecessors as "id[type][+lag days]", e.g. "2.1SS+2".
     */
    private record Row(String id, String name, int days, int person, int percent, String predecessors) {}

    private static final List<Person> PEOPLE = List.of(
            new Person("Ana Lima", "ana.lima@demo.gantry.local", ProjectRole.MANAGER),
            new Person("Ben Okafor", "ben.okafor@demo.gantry.local", ProjectRole.MEMBER),
            new Person("Chloe Martin", "chloe.martin@demo.gantry.local", ProjectRole.MEMBER),
            new Person("David Kim", "david.kim@demo.gantry.local", ProjectRole.MEMBER),
            new Person("Eva Novak", "eva.novak@demo.gantry.local", ProjectRole.MEMBER),
            new Person("Sofia Rossi", "sofia.rossi@demo.gantry.local", ProjectRole.STAKEHOLDER));

    private static final List<Row> PLAN = List.of(
            new Row("1", "Project management", -1, 0, 0, ""),
            new Row("1.1", "Kick-off meeting", 1, 0, 100, ""),
            new Row("1.2", "Project charter and scope statement", 3, 0, 100, "1.1"),
            new Row("1.3", "Charter signed off", 0, 0, 100, "1.2"),
            new Row("2", "Discovery", -1, 1, 0, ""),
            new Row("2.1", "Stakeholder interviews", 5, 1, 100, "1.3"),
            new Row("2.2", "Analyse current portal analytics", 3, 2, 100, "2.1SS+2"),
            new Row("2.3", "User research synthesis", 4, 1, 100, "2.1"),
            new Row("2.4", "Requirements specification", 5, 0, 100, "2.3"),
            new Row("2.5", "Requirements approved", 0, 0, 100, "2.4"),
            new Row("3", "User experience design", -1, 2, 0, ""),
            new Row("3.1", "Information architecture", 4, 2, 100, "2.5"),
            new Row("3.2", "Wireframes", 6, 2, 70, "3.1"),
            new Row("3.3", "Visual design system", 8, 2, 30, "3.2SS+3"),
            new Row("3.4", "Usability test of prototypes", 4, 1, 0, "3.2"),
            new Row("3.5", "Design signed off", 0, 0, 0, "3.3,3.4"),
            new Row("4", "Architecture and environments", -1, 3, 0, ""),
            new Row("4.1", "Solution architecture", 5, 3, 100, "2.5"),
            new Row("4.2", "Repositories and CI pipeline", 3, 4, 100, "4.1"),
            new Row("4.3", "Provision cloud environments", 4, 4, 60, "4.2SS+1"),
            new Row("4.4", "Security and compliance review", 3, 3, 50, "4.1"),
            new Row("4.5", "Architecture approved", 0, 3, 0, "4.4"),
            new Row("5", "Development", -1, 3, 0, ""),
            new Row("5.1", "Backend", -1, 3, 0, ""),
            new Row("5.1.1", "Authentication and single sign-on", 6, 3, 20, "4.5"),
            new Row("5.1.2", "Customer profile API", 5, 3, 0, "5.1.1"),
            new Row("5.1.3", "Orders and invoices API", 8, 4, 10, "4.5"),
            new Row("5.1.4", "Support ticket API", 6, 4, 0, "5.1.3"),
            new Row("5.1.5", "Notification service", 4, 3, 0, "5.1.2"),
            new Row("5.1.6", "ERP integration", 10, 4, 0, "5.1.3SS+3"),
            new Row("5.2", "Web front end", -1, 2, 0, ""),
            new Row("5.2.1", "Front-end scaffolding and design tokens", 3, 2, 0, "3.5"),
            new Row("5.2.2", "Login and account pages", 5, 2, 0, "5.2.1,5.1.1"),
            new Row("5.2.3", "Customer dashboard", 6, 2, 0, "5.2.2"),
            new Row("5.2.4", "Orders and invoices pages", 7, 1, 0, "5.1.3,5.2.1"),
            new Row("5.2.5", "Support ticket pages", 5, 1, 0, "5.1.4,5.2.4"),
            new Row("5.2.6", "Accessibility review and fixes", 3, 2, 0, "5.2.5"),
            new Row("5.3", "Mobile", -1, 2, 0, ""),
            new Row("5.3.1", "Responsive layouts", 5, 2, 0, "5.2.3"),
            new Row("5.3.2", "Push notifications", 4, 3, 0, "5.1.5"),
            new Row("5.4", "Feature complete", 0, 3, 0, "5.2.6,5.1.6,5.3.1,5.3.2"),
            new Row("6", "Data migration", -1, 4, 0, ""),
            new Row("6.1", "Map the legacy data model", 4, 4, 50, "4.1"),
            new Row("6.2", "Migration scripts", 6, 4, 0, "6.1"),
            new Row("6.3", "Trial migration", 3, 4, 0, "6.2,4.3"),
            new Row("6.4", "Data quality fixes", 4, 1, 0, "6.3"),
            new Row("7", "Testing", -1, 1, 0, ""),
            new Row("7.1", "Test plan", 3, 1, 100, "2.5"),
            new Row("7.2", "Automated end-to-end tests", 10, 4, 0, "5.2.2SS+5"),
            new Row("7.3", "System integration testing", 8, 1, 0, "5.4"),
            new Row("7.4", "Performance and load testing", 4, 3, 0, "7.3SS+3"),
            new Row("7.5", "Penetration test", 5, 3, 0, "5.4+2"),
            new Row("7.6", "User acceptance testing", 6, 1, 0, "7.3"),
            new Row("7.7", "Bug fixing", 8, 4, 0, "7.6SS+2"),
            new Row("7.8", "User acceptance signed off", 0, 0, 0, "7.6,7.7FF"),
            new Row("8", "Release", -1, 0, 0, ""),
            new Row("8.1", "Training material", 4, 1, 0, "5.4"),
            new Row("8.2", "Train the support team", 2, 1, 0, "8.1"),
            new Row("8.3", "Release and rollback plan", 2, 0, 0, "7.3"),
            new Row("8.4", "Final data migration", 2, 4, 0, "7.8,6.4,8.3"),
            new Row("8.5", "Go-live", 0, 0, 0, "8.4,8.2"),
            new Row("8.6", "Hypercare", 10, 3, 0, "8.5"),
            new Row("8.7", "Project closed", 0, 0, 0, "8.6"));

    /**
     * What happened after the plan was agreed: Wireframes took two working days longer than estimated, so
     * the schedule slips against the baseline from there on.
     */
    private static final Map<String, String> REESTIMATED = Map.of("3.2", "8d");

    private final UserService users;
    private final ProjectService projects;
    private final TaskService tasks;
    private final LinkService links;
    private final ScheduleService schedule;
    private final ProjectScheduler scheduler;

    DemoProject(
            UserService users,
            ProjectService projects,
            TaskService tasks,
            LinkService links,
            ScheduleService schedule,
            ProjectScheduler scheduler) {
        this.users = users;
        this.projects = projects;
        this.tasks = tasks;
        this.links = links;
        this.schedule = schedule;
        this.scheduler = scheduler;
    }

    /**
     * Creates the demo project (system admins only), or returns the one that exists. The plan gives only
     * what a project manager would: durations, links with their lags, milestones, people; the engine
     * computes every date, so no task carries a constraint. Then, as in a real project, the plan is
     * baselined, progress is recorded up to the status date (the end of the last working day), and one
     * estimate is revised, which shows as variance against the baseline.
     */
    @Transactional
    public Project create(CurrentUser admin) {
        if (!admin.systemAdmin()) {
            throw new Forbidden("Only a system admin can create the demo project.");
        }
        boolean exists = projects.list(admin, KEY, true, 0, 50).items().stream()
                .anyMatch(project -> project.key().equals(KEY));
        if (exists) {
            return projects.get(admin, KEY);
        }
        ZoneId zone = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(zone);
        // Seven weeks in: far enough for finished phases, early enough for most of the work to lie ahead.
        LocalDate start = today.minusWeeks(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Project project = projects.create(
                admin,
                new NewProject(
                        KEY,
                        "Customer portal relaunch",
                        "Replace the ten-year-old customer portal with a new web and mobile experience:"
                                + " single sign-on, orders and invoices, support tickets, and an ERP integration.",
                        start,
                        zone.getId(),
                        "EUR",
                        null));
        List<Long> people = new ArrayList<>();
        for (Person person : PEOPLE) {
            UserAccount user = users.provision(person.email(), person.name());
            projects.addMember(admin, KEY, new NewMember(user.id(), null, person.role()));
            people.add(user.id());
        }
        Map<String, Long> ids = new HashMap<>();
        for (Row row : PLAN) {
            boolean summary = row.days() < 0;
            String parent =
                    row.id().contains(".") ? row.id().substring(0, row.id().lastIndexOf('.')) : null;
            Task task = tasks.create(
                    admin,
                    KEY,
                    new NewTask(
                            row.name(),
                            "",
                            parent == null ? null : ids.get(parent),
                            null,
                            row.days() == 0,
                            "todo",
                            row.name().contains("security") || row.name().contains("Go-live")
                                    ? Priority.HIGH
                                    : Priority.NORMAL,
                            tags(row),
                            summary ? List.of() : List.of(people.get(row.person())),
                            row.days() > 0 ? row.days() + "d" : null,
                            null,
                            null,
                            null,
                            null,
                            0,
                            null));
            ids.put(row.id(), task.id());
        }
        for (Row row : PLAN) {
            for (String predecessor : predecessors(row)) {
                Dependency dependency = Dependency.parse(predecessor);
                links.create(
                        admin,
                        KEY,
                        new NewLink(
                                ids.get(dependency.id()),
                                ids.get(row.id()),
                                dependency.type(),
                                dependency.lag() + "d",
                                null,
                                null));
            }
        }
        schedule.setBaseline(admin, KEY, 0, null);
        // Progress in outline order: a started task keeps the start the engine gave it, so its
        // predecessors' progress is recorded first.
        for (Row row : PLAN) {
            int percent = row.days() < 0 ? rolledUpPercent(row.id()) : row.percent();
            if (percent > 0) {
                tasks.update(
                        admin,
                        KEY,
                        ids.get(row.id()),
                        TaskChanges.status(
                                percent == 100 ? "done" : "in_progress", percent, version(admin, ids.get(row.id()))));
            }
        }
        REESTIMATED.forEach((id, duration) -> tasks.update(
                admin,
                KEY,
                ids.get(id),
                new TaskChanges(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        duration,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        version(admin, ids.get(id)))));
        LocalDateTime statusDate = scheduler.workingTime(project.id()).previousWorkFinish(today.atStartOfDay());
        schedule.changeStatusDate(
                admin,
                KEY,
                new StatusDateChange(statusDate, projects.get(admin, KEY).version()));
        return projects.get(admin, KEY);
    }

    private int version(CurrentUser admin, long taskId) {
        return tasks.get(admin, KEY, taskId).task().version();
    }

    private record Dependency(String id, LinkType type, int lag) {
        static Dependency parse(String text) {
            String[] lagParts = text.split("\\+");
            int lag = lagParts.length > 1 ? Integer.parseInt(lagParts[1]) : 0;
            String head = lagParts[0];
            LinkType type = LinkType.FINISH_START;
            if (head.endsWith("SS") || head.endsWith("FF") || head.endsWith("SF") || head.endsWith("FS")) {
                type = LinkType.of(head.substring(head.length() - 2));
                head = head.substring(0, head.length() - 2);
            }
            return new Dependency(head, type, lag);
        }
    }

    private static int rolledUpPercent(String summaryId) {
        long total = 0;
        long done = 0;
        for (Row row : PLAN) {
            if (row.id().startsWith(summaryId + ".") && row.days() > 0) {
                total += row.days();
                done += (long) row.days() * row.percent();
            }
        }
        return total == 0 ? 0 : (int) (done / total);
    }

    private static List<String> predecessors(Row row) {
        return row.predecessors().isEmpty()
                ? List.of()
                : List.of(row.predecessors().split(","));
    }

    private static List<String> tags(Row row) {
        String phase = row.id().split("\\.")[0];
        return switch (phase) {
            case "5" ->
                List.of(row.id().startsWith("5.1") ? "backend" : row.id().startsWith("5.2") ? "frontend" : "mobile");
            case "7" -> List.of("qa");
            case "3" -> List.of("ux");
            default -> List.of();
        };
    }
}
