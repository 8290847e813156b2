package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Gantt page in Chromium: tasks and a link created on the page, the critical path changing colour,
 * a dragged bar pushing its successor, a baseline and its variance after the move, and undo.
 */
class GanttPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Autowired
    org.gantry.server.board.SprintService sprints;

    private Project plan(Person manager) {
        Project project = projects.create(
                admin(),
                new NewProject("G" + unique(), "Gantt " + unique(), null, LocalDate.of(2026, 3, 2), null, null, null));
        projects.addMember(admin(), project.key(), new NewMember(manager.user().id(), null, ProjectRole.MANAGER));
        return project;
    }

    private Task task(CurrentUser user, Project project, String name) {
        return tasks.outline(user, project.key()).stream()
                .filter(task -> task.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Locator bar(int row) {
        return page.locator(".gantt-task[data-row=\"" + row + "\"]");
    }

    private void addTask(String name, String duration) {
        page.locator("#gantt-new-name").fill(name);
        page.locator("#gantt-new-duration").fill(duration);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Add task"))
                .click();
        assertThat(page.locator("#gantt-message")).containsText("Added " + name);
    }

    /**
     * The box of an element of the chart, read again while there is none: the chart redraws its rows
     * (all their elements replaced) after each live update and when a change's highlight fades, and a
     * read in that instant finds the old element detached (boundingBox null).
     */
    private BoundingBox boxOf(Locator locator) {
        BoundingBox box = locator.boundingBox();
        long until = System.currentTimeMillis() + 10_000;
        while (box == null && System.currentTimeMillis() < until) {
            page.waitForTimeout(100);
            box = locator.boundingBox();
        }
        assertThat(box).as("the box of " + locator).isNotNull();
        return box;
    }

    private void drag(BoundingBox from, double fromX, double toX, double toY) {
        double y = from.y + from.height / 2;
        page.mouse().move(fromX, y);
        page.waitForTimeout(150);
        page.mouse().down();
        for (int step = 1; step <= 10; step++) {
            page.mouse().move(fromX + (toX - fromX) * step / 10, y + (toY - y) * step / 10);
        }
        page.mouse().up();
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        long until = System.currentTimeMillis() + 10_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aLinkDrawnOnTheChartAndADraggedBarMoveTheSuccessorWithBaselineVarianceAndUndo() {
        Person manager = invite("Grace Planner");
        Project project = plan(manager);
        logIn(manager);
        page.navigate("/projects/" + project.key() + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");

        addTask("Design", "2d");
        addTask("Build", "3d");
        assertThat(bar(1).locator(".gantt-bar")).isVisible();
        CurrentUser user = manager.user();
        assertThat(task(user, project, "Build").start()).isEqualTo(LocalDateTime.of(2026, 3, 2, 8, 0));
        // Unlinked, the shorter task has slack: only Build is critical.
        assertThat(bar(0)).not().hasClass(java.util.regex.Pattern.compile(".*is-critical.*"));
        assertThat(bar(1)).hasClass(java.util.regex.Pattern.compile(".*is-critical.*"));

        // Draw a finish-to-start link from Design's end handle to Build's bar.
        bar(0).hover();
        BoundingBox handle = boxOf(bar(0).locator("[data-part=\"link-finish\"]"));
        BoundingBox target = boxOf(bar(1).locator(".gantt-bar"));
        drag(handle, handle.x + handle.width / 2, target.x + target.width / 3, target.y + target.height / 2);
        eventually(
                () -> LocalDateTime.of(2026, 3, 4, 8, 0)
                        .equals(task(user, project, "Build").start()),
                "Build starts after Design");
        assertThat(page.locator("#gantt-message")).containsText("moved");
        // Now both are on the critical path: Design's bar turns red too.
        assertThat(bar(0)).hasClass(java.util.regex.Pattern.compile(".*is-critical.*"));

        // Baseline now, shown in the chart with the variance columns.
        page.locator("#gantt-baseline").selectOption("0");
        page.locator("#gantt-set-baseline").click();
        assertThat(page.locator("#gantt-message")).containsText("Baseline set for 2 tasks");
        page.locator(".gantt-columns summary").click();
        page.locator("#gantt-column-choice input[value=\"finishVariance\"]").check();
        page.locator(".gantt-columns summary").click();
        assertThat(page.locator(".gantt-column-finishVariance.is-late")).hasCount(0);

        // Drag Design three days later: Build follows and is late against the baseline.
        BoundingBox designBar = boxOf(bar(0).locator(".gantt-bar"));
        double dayWidth = designBar.width / 2;
        drag(
                designBar,
                designBar.x + designBar.width / 2,
                designBar.x + designBar.width / 2 + 3 * dayWidth,
                designBar.y + designBar.height / 2);
        eventually(
                () -> task(user, project, "Build").start().isAfter(LocalDateTime.of(2026, 3, 4, 8, 0)),
                "Build moves after the dragged Design");
        LocalDateTime movedDesign = task(user, project, "Design").start();
        assertThat(movedDesign).isAfter(LocalDateTime.of(2026, 3, 2, 8, 0));
        assertThat(page.locator(
                        ".gantt-row .gantt-column-finishVariance.is-late, .gantt-column-finishVariance.is-late"))
                .not()
                .hasCount(0);
        screenshot("gantt-after-move");

        // Undo the move: the constraint goes, Design returns to the project start and Build follows.
        page.locator("#gantt-undo").click();
        eventually(
                () -> LocalDateTime.of(2026, 3, 2, 8, 0)
                        .equals(task(user, project, "Design").start()),
                "the move is undone");
        eventually(
                () -> LocalDateTime.of(2026, 3, 4, 8, 0)
                        .equals(task(user, project, "Build").start()),
                "Build moves back");
        assertThat(page.locator("#gantt-message")).containsText("Undone");
        assertThat(page.locator("#gantt-error")).isHidden();
    }

    private static org.gantry.server.task.NewTask milestone(String name) {
        return new org.gantry.server.task.NewTask(
                name, null, null, null, true, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aMilestoneWhoseLinkedSprintEndsLaterShowsItsForecastOnTheChart() {
        Person manager = invite("Mo Forecast");
        Project project = plan(manager);
        CurrentUser user = manager.user();
        tasks.create(user, project.key(), org.gantry.server.task.NewTask.named("Build"));
        Task launch = tasks.create(user, project.key(), milestone("Launch"));
        Task review = tasks.create(user, project.key(), milestone("Review"));
        tasks.create(user, project.key(), milestone("Unlinked"));
        LocalDate launchDay = task(user, project, "Launch").finish().toLocalDate();
        LocalDate reviewDay = task(user, project, "Review").finish().toLocalDate();
        // The sprint feeding Launch ends 18 days after Launch is planned: the forecast is late. The one
        // feeding Review ends on its day: no marker. Unlinked has no forecast at all.
        org.gantry.server.board.Sprint feeding = sprints.create(
                user,
                project.key(),
                new org.gantry.server.board.NewSprint(
                        "Sprint 1", null, launchDay.minusDays(5), launchDay.plusDays(18), launch.id()));
        sprints.create(
                user,
                project.key(),
                new org.gantry.server.board.NewSprint(
                        "Sprint 2", null, reviewDay.minusDays(5), reviewDay, review.id()));
        logIn(manager);

        page.navigate("/projects/" + project.key() + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        assertThat(page.locator("#gantt")).hasAttribute("data-forecasts", "2");
        Locator forecast = page.locator(".gantt-forecast");
        assertThat(forecast).hasCount(1);
        assertThat(forecast).hasAttribute("data-task", String.valueOf(launch.id()));
        assertThat(forecast)
                .hasAttribute("data-forecast", launchDay.plusDays(18).toString());
        assertThat(forecast).hasClass(java.util.regex.Pattern.compile(".*is-late.*"));
        assertThat(forecast.locator("title"))
                .hasText(java.util.regex.Pattern.compile("^Forecast from linked sprints: .*later than planned$"));
        // Screen readers do not see the timeline: Launch's row in the grid says the forecast, no other row does.
        Locator spoken = page.locator("#gantt [role=row] .gantt-forecast-text");
        assertThat(spoken).hasCount(1);
        assertThat(spoken.locator("xpath=ancestor::*[@role='row']")).containsText("Launch");
        assertThat(spoken)
                .hasText(java.util.regex.Pattern.compile("^, forecast from linked sprints: .+, later than planned$"));
        // Drawn on Launch's row, to the right of its diamond.
        BoundingBox diamond = boxOf(bar(1).locator(".gantt-milestone"));
        BoundingBox marker = boxOf(forecast.locator(".gantt-forecast-marker"));
        assertThat(marker.x).isGreaterThan(diamond.x + diamond.width);
        assertThat(Math.abs((marker.y + marker.height / 2) - (diamond.y + diamond.height / 2)))
                .isLessThan(2.0);
        // Resting the pointer on the marker tells the forecast.
        page.mouse().move(marker.x + marker.width / 2, marker.y + marker.height / 2);
        assertThat(page.locator(".gantt-tooltip")).containsText("Forecast from linked sprints");
        assertThat(page.locator(".gantt-tooltip")).containsText("Launch");
        // The bars are still editable as before: Build's handles answer the pointer.
        bar(0).hover();
        assertThat(bar(0).locator("[data-part=\"link-finish\"]")).isVisible();
        screenshot("gantt-forecast");

        // The sprint is pushed back a week elsewhere: the marker follows without a reload.
        sprints.update(
                admin(),
                project.key(),
                feeding.id(),
                new org.gantry.server.board.SprintChanges(
                        null, null, null, launchDay.plusDays(25), null, null, feeding.version()));
        assertThat(page.locator(".gantt-forecast"))
                .hasAttribute("data-forecast", launchDay.plusDays(25).toString());
        assertThat(page.locator(".gantt-forecast")).hasCount(1);
        assertThat(page.locator("#gantt [role=row] .gantt-forecast-text")).hasCount(1);
    }

    @Test
    void constraintsDeadlinesAndTheStatusDateAreSetOnThePage() {
        Person manager = invite("Lin Planner");
        Project project = plan(manager);
        CurrentUser user = manager.user();
        tasks.create(user, project.key(), org.gantry.server.task.NewTask.named("Design"));
        logIn(manager);
        page.navigate("/projects/" + project.key() + "/gantt");
        bar(0).locator(".gantt-bar").dblclick();
        assertThat(page.locator("#gantt-task-dialog")).isVisible();
        page.locator("#gantt-task-constraint").selectOption("MUST_START_ON");
        page.locator("#gantt-task-constraint-date").fill("2026-03-11T08:00");
        page.locator("#gantt-task-deadline").fill("2026-03-12");
        page.locator("#gantt-task-save").click();
        assertThat(page.locator("#gantt-task-dialog")).isHidden();
        eventually(
                () -> LocalDateTime.of(2026, 3, 11, 8, 0)
                        .equals(task(user, project, "Design").start()),
                "the constraint moves the task");
        assertThat(page.locator("#gantt-message")).containsText("moved");

        page.locator("#gantt-status-date").fill("2026-03-06");
        page.locator("#gantt-set-status-date").click();
        assertThat(page.locator("#gantt-message")).containsText("Status date set to 2026-03-06");
        assertThat(page.locator("#gantt-status-date")).hasValue("2026-03-06");

        page.locator("#gantt-undo").click();
        eventually(
                () -> LocalDateTime.of(2026, 3, 2, 8, 0)
                        .equals(task(user, project, "Design").start()),
                "undo removes the constraint");
    }

    @Test
    void aStaleEditIsReportedAndTheChartShowsTheOtherPersonsVersion() {
        Person manager = invite("Ada Planner");
        Project project = plan(manager);
        CurrentUser user = manager.user();
        Task design = tasks.create(user, project.key(), org.gantry.server.task.NewTask.named("Design"));
        logIn(manager);
        // The page's live updates would show the rename before the drag: this is the case where it has not
        // arrived yet (a slow network), as if the stream stayed silent.
        page.route(
                "**/events**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/event-stream")
                        .setBody(": no events\n\n")));
        page.navigate("/projects/" + project.key() + "/gantt");
        assertThat(bar(0).locator(".gantt-bar")).isVisible();
        // Someone else renames the task meanwhile (its version changes).
        tasks.update(
                admin(),
                project.key(),
                design.id(),
                new org.gantry.server.task.TaskChanges(
                        "Design v2",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        design.version()));
        BoundingBox designBar = boxOf(bar(0).locator(".gantt-bar"));
        drag(
                designBar,
                designBar.x + designBar.width / 2,
                designBar.x + designBar.width / 2 + 2 * designBar.width,
                designBar.y + designBar.height / 2);
        assertThat(page.locator("#gantt-error")).containsText("Someone else changed this task");
        assertThat(page.locator(".gantt")).containsText("Design v2");
        assertThat(task(user, project, "Design v2").start()).isEqualTo(LocalDateTime.of(2026, 3, 2, 8, 0));
        // Chromium logs the refused request itself ("status of 409"); that one is expected.
        consoleErrors.removeIf(error -> error.contains("status of 409"));
    }
}
