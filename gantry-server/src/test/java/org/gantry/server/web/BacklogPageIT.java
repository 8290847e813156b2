package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.gantry.server.board.BoardService;
import org.gantry.server.board.CardMove;
import org.gantry.server.board.NewSprint;
import org.gantry.server.board.Sprint;
import org.gantry.server.board.SprintService;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.resource.NewAssignment;
import org.gantry.server.resource.NewResource;
import org.gantry.server.resource.Resource;
import org.gantry.server.resource.ResourceService;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The backlog page in headless Chromium: a manager drags a task from the backlog into a sprint, plans
 * another with its "Move to" list, ranks with Alt+arrows, starts the sprint and completes it with the
 * unfinished task carried over to the next sprint; after a reload everything is as saved, the charts are
 * drawn and the page is accessible. A stakeholder cannot change the plan.
 */
class BacklogPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Autowired
    BoardService boards;

    @Autowired
    SprintService sprints;

    @Autowired
    ResourceService resources;

    @Test
    void aManagerPlansStartsAndCompletesASprintWithCarryOver() {
        Person manager = invite("Mia Manager");
        Project project = projectWith(manager, ProjectRole.MANAGER);
        Task design = tasks.create(admin(), project.key(), pointed("Design", 3));
        Task build = tasks.create(admin(), project.key(), pointed("Build", 5));
        Task docs = tasks.create(admin(), project.key(), pointed("Docs", 2));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Sprint first = sprints.create(
                admin(), project.key(), new NewSprint("Sprint 1", "First slice", today, today.plusDays(13), null));
        Sprint second = sprints.create(
                admin(), project.key(), new NewSprint("Sprint 2", null, today.plusDays(14), today.plusDays(27), null));
        // The manager is the team's one work resource; Design holds more work than two weeks have.
        Resource mia = resources.create(
                admin(),
                project.key(),
                new NewResource("Mia", "WORK", manager.user().id(), null, null, null, null));
        resources.assign(admin(), project.key(), design.id(), new NewAssignment(mia.id(), null, new BigDecimal(200)));
        BigDecimal capacity = sprints.sprint(admin(), project.key(), first.id()).capacityHours();
        logIn(manager);

        page.navigate("/projects/" + project.key() + "/backlog");
        assertThat(page.locator("#backlog .plan-row")).hasCount(3);
        drag(row(design), page.locator("#sprint-" + first.id() + " .plan-list"));
        assertThat(page.locator("#sprint-" + first.id() + " .plan-row[data-id='" + design.id() + "']"))
                .isVisible();
        page.reload();
        assertThat(page.locator("#sprint-" + first.id() + " .plan-row[data-id='" + design.id() + "']"))
                .isVisible();
        assertThat(page.locator("#backlog .plan-row")).hasCount(2);

        // The keyboard: the "Move to" list, then Alt+Up ranks Build above Design and keeps the focus.
        row(build).locator(".move-to").selectOption(String.valueOf(first.id()));
        Locator planned = page.locator("#sprint-" + first.id() + " .plan-row[data-id='" + build.id() + "']");
        assertThat(planned).isVisible();
        planned.focus();
        page.keyboard().press("Alt+ArrowUp");
        assertThat(page.locator("#sprint-" + first.id() + " .plan-row").first())
                .hasAttribute("data-id", String.valueOf(build.id()));
        assertThat(page.locator("#sprint-" + first.id() + " .plan-row[data-id='" + build.id() + "']"))
                .isFocused();
        assertThat(page.locator("#sprint-points-" + first.id())).containsText("8 pt");
        Locator team = page.locator("#sprint-capacity-" + first.id());
        assertThat(team).containsText("Capacity: " + capacity.toPlainString() + " h");
        assertThat(team).containsText("200 h of work planned, more than the team has");
        assertThat(team).hasClass(java.util.regex.Pattern.compile(".*over-capacity.*"));
        assertThat(page.locator("#sprint-capacity-" + second.id()))
                .not()
                .hasClass(java.util.regex.Pattern.compile(".*over-capacity.*"));

        page.locator("#start-" + first.id()).click();
        assertThat(page.locator("#sprint-" + first.id() + " .sprint-state")).hasText("active");
        boards.move(
                admin(),
                project.key(),
                design.id(),
                new CardMove(
                        "done",
                        null,
                        tasks.get(admin(), project.key(), design.id()).task().version()));
        page.reload();
        assertThat(page.locator("#sprint-points-" + first.id())).containsText("3 of 8 pt done");
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");

        page.locator("#unfinished-" + first.id()).selectOption(String.valueOf(second.id()));
        page.locator("#complete-" + first.id()).click();
        assertThat(page.locator("#flash")).containsText("3 of 8 points done");
        page.reload();
        assertThat(page.locator("#sprint-" + first.id())).hasCount(0);
        assertThat(page.locator("#sprint-" + second.id() + " .plan-row[data-id='" + build.id() + "']"))
                .isVisible();
        assertThat(page.locator("#backlog .plan-row[data-id='" + docs.id() + "']"))
                .isVisible();
        assertThat(page.locator("#velocity-table tbody tr")).hasCount(1);
        assertThat(page.locator("#velocity-table tbody tr td"))
                .containsText(new String[] {"Sprint 1", "8", "3", "0", "5"});
        assertThat(page.locator("#burndown-chart svg")).isVisible();
        assertThat(page.locator("#velocity-chart svg")).isVisible();
        assertThat(sprints.sprint(admin(), project.key(), first.id()).tasks()).anySatisfy(task -> {
            assertThat(task.taskId()).isEqualTo(build.id());
            assertThat(task.outcome()).isEqualTo("NOT_DONE");
        });
        assertAccessible("a sprint completed");
        screenshot("backlog");
    }

    @Test
    void aMemberEstimatesStoryPointsInTheTaskPanelFromTheFibonacciSuggestionsOrAnyNumber() {
        Person member = invite("Esti Mate");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task task = tasks.create(admin(), project.key(), NewTask.named("Estimate me"));
        logIn(member);

        page.navigate("/projects/" + project.key() + "/list?task=" + task.id());
        Locator drawer = page.locator("#drawer");
        Locator points = drawer.getByLabel("Story points");
        assertThat(points).hasValue("");
        Locator suggestions = drawer.locator("#d-points-suggestions option");
        assertThat(suggestions).hasCount(9);
        assertThat(suggestions.nth(5)).hasAttribute("value", "8");
        assertThat(points).hasAttribute("list", "d-points-suggestions");
        assertAccessible("task panel with story points");
        points.fill("13");
        points.press("Enter");

        assertThat(drawer).containsText("Saved.");
        assertThat(drawer.getByLabel("Story points")).hasValue("13");
        assertThat(tasks.get(admin(), project.key(), task.id()).task().storyPoints())
                .isEqualByComparingTo("13");
        page.navigate("/projects/" + project.key() + "/backlog");
        assertThat(page.locator("#backlog .plan-row[data-id='" + task.id() + "'] .points"))
                .hasText("13 pt");

        // Not only Fibonacci values: half a point, then no estimate at all.
        page.navigate("/projects/" + project.key() + "/list?task=" + task.id());
        page.locator("#drawer").getByLabel("Story points").fill("0.5");
        page.locator("#drawer").getByLabel("Story points").press("Enter");
        assertThat(page.locator("#drawer")).containsText("Saved.");
        assertThat(tasks.get(admin(), project.key(), task.id()).task().storyPoints())
                .isEqualByComparingTo("0.5");
        page.locator("#drawer").getByLabel("Story points").fill("");
        page.locator("#drawer").getByLabel("Story points").press("Enter");
        page.waitForCondition(
                () -> tasks.get(admin(), project.key(), task.id()).task().storyPoints() == null);
        assertThat(page.locator("#drawer").getByLabel("Story points")).hasValue("");
    }

    @Test
    void aSprintPlannedToFeedAMilestoneShowsItsForecastAndTheSlipInTheMilestoneList() {
        Person manager = invite("Hy Brid");
        Project project = projectWith(manager, ProjectRole.MANAGER);
        tasks.create(admin(), project.key(), NewTask.named("Build"));
        Task launch = tasks.create(
                admin(),
                project.key(),
                new NewTask(
                        "Launch", null, null, null, true, null, null, null, null, null, null, null, null, null, null,
                        null));
        LocalDate launchDay =
                tasks.get(admin(), project.key(), launch.id()).task().finish().toLocalDate();
        logIn(manager);

        page.navigate("/projects/" + project.key() + "/backlog");
        page.locator(".new-sprint summary").click();
        page.locator("#sprint-name").fill("Sprint 1");
        page.locator("#sprint-start").fill(launchDay.minusDays(5).toString());
        page.locator("#sprint-end").fill(launchDay.plusDays(18).toString());
        page.locator("#sprint-milestone").selectOption(new SelectOption().setLabel("2 Launch (milestone)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan sprint"))
                .click();

        assertThat(page.locator("main")).containsText("Sprint 1 is planned.");
        Sprint sprint = sprints.sprints(admin(), project.key()).get(0);
        assertThat(sprint.milestoneId()).isEqualTo(launch.id());
        assertThat(page.locator("#sprint-feeds-" + sprint.id())).containsText("Feeds 2 Launch");
        assertThat(page.locator("#sprint-feeds-" + sprint.id())).containsText("(18 days late)");
        Locator row = page.locator("#milestone-forecasts tr[data-task='" + launch.id() + "']");
        assertThat(row.locator(".slip")).hasText("18 days late");
        assertThat(row).hasClass(java.util.regex.Pattern.compile(".*late.*"));
        assertAccessible("a sprint feeding a late milestone");

        // The sprint is brought in to the milestone's day elsewhere: the list follows without a reload.
        sprints.update(
                admin(),
                project.key(),
                sprint.id(),
                new org.gantry.server.board.SprintChanges(null, null, null, launchDay, null, null, sprint.version()));
        assertThat(row.locator(".slip")).hasText("on time");
        assertThat(page.locator("#sprint-feeds-" + sprint.id())).containsText(", on time");
    }

    @Test
    void aStakeholderCannotChangeThePlan() {
        Person sponsor = invite("Sam Sponsor");
        Project project = projectWith(sponsor, ProjectRole.STAKEHOLDER);
        Task task = tasks.create(admin(), project.key(), pointed("Look, do not touch", 1));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Sprint sprint = sprints.create(
                admin(), project.key(), new NewSprint("Sprint 1", null, today, today.plusDays(13), null));
        logIn(sponsor);

        page.navigate("/projects/" + project.key() + "/backlog");
        assertThat(page.locator("#read-only-note")).isVisible();
        assertThat(page.locator("#planning")).hasAttribute("data-can-edit", "false");
        assertThat(page.locator(".move-to")).hasCount(0);
        assertThat(page.locator("#start-" + sprint.id())).hasCount(0);
        drag(row(task), page.locator("#sprint-" + sprint.id() + " .plan-list"));
        row(task).focus();
        page.keyboard().press("Alt+ArrowUp");

        page.reload();
        assertThat(page.locator("#backlog .plan-row[data-id='" + task.id() + "']"))
                .isVisible();
        assertThat(sprints.sprint(admin(), project.key(), sprint.id()).tasks()).isEmpty();
    }

    private static NewTask pointed(String name, int points) {
        return new NewTask(
                name,
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
                BigDecimal.valueOf(points));
    }

    private Locator row(Task task) {
        return page.locator("#planning .plan-row[data-id='" + task.id() + "']");
    }

    /** A drag with the mouse in small steps, as SortableJS's mouse-event mode needs, onto the target's top. */
    private void drag(Locator source, Locator target) {
        BoundingBox from = source.locator(".card-name").boundingBox();
        BoundingBox to = target.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse()
                .move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, new Mouse.MoveOptions().setSteps(3));
        page.mouse()
                .move(to.x + to.width / 2, to.y + Math.min(10, to.height / 3), new Mouse.MoveOptions().setSteps(15));
        page.mouse().move(to.x + to.width / 2, to.y + Math.min(12, to.height / 3), new Mouse.MoveOptions().setSteps(3));
        page.mouse().up();
        page.waitForFunction("() => !document.querySelector('#planning[aria-busy]')");
    }
}
