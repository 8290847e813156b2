package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gantry.server.board.BoardService;
import org.gantry.server.board.Card;
import org.gantry.server.board.CardMove;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Flow page in headless Chromium: the cycle-time scatter has a dot per task finished through an
 * in-progress status and the cumulative flow diagram a day per day of the range (both checked against
 * their table equivalents and the chart's own data), the range kept in the address filters both, an
 * empty project says so instead of drawing an empty chart, and a task finished by someone else appears
 * without a reload.
 */
class FlowPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Autowired
    BoardService boards;

    @Test
    void theChartsShowEveryFinishedTaskAndTheRangeInTheAddressFiltersThem() {
        Person member = invite("Flo Flow");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task design = tasks.create(admin(), project.key(), NewTask.named("Design"));
        Task build = tasks.create(admin(), project.key(), NewTask.named("Build"));
        Task chore = tasks.create(admin(), project.key(), NewTask.named("Chore"));
        tasks.create(admin(), project.key(), NewTask.named("Waiting"));
        finish(project, design);
        finish(project, build);
        // Straight to done: finished, but without a cycle time.
        boards.move(admin(), project.key(), chore.id(), new CardMove("done", null, chore.version()));
        LocalDate today = LocalDate.now(ZoneId.of(project.timeZone()));
        logIn(member);

        page.navigate("/projects/" + project.key() + "/board");
        page.getByLabel("Project views").getByText("Flow").click();
        page.waitForURL("**/projects/" + project.key() + "/flow");
        Locator scatter = page.locator("#cycle-chart");
        assertThat(scatter).hasAttribute("data-points", "2");
        assertThat(scatter).hasAttribute("data-percentile-lines", "3");
        assertThat(scatter).hasAttribute("role", "img");
        assertThat(scatter.locator("svg").first()).isAttached();
        assertThat(page.locator("#cycle-count")).hasText("2");
        page.locator("#cycle-summary").click();
        assertThat(page.locator("#cycle-table tbody tr")).hasCount(2);
        assertThat(page.locator("#cycle-table tbody tr").first().locator("th")).containsText("Design");
        assertThat(page.locator("#cycle-figures")).containsText("Finished without progress 1");

        // Default range: the last 90 days, one band per status.
        Locator flow = page.locator("#flow-chart");
        assertThat(flow).hasAttribute("data-days", "90");
        assertThat(flow).hasAttribute("data-bands", "3");
        page.locator("#flow-summary").click();
        assertThat(page.locator("#flow-table tbody tr")).hasCount(90);
        Locator lastDay = page.locator("#flow-table tbody tr").last();
        assertThat(lastDay.locator("th")).hasText(today.toString());
        assertThat(lastDay.locator("td")).hasText(new String[] {"1", "0", "3"});

        // A range typed in the form lands in the address and filters both charts.
        page.locator("#flow-from").fill(today.minusDays(9).toString());
        page.locator("#flow-to").fill(today.toString());
        page.locator("#flow-range button[type=submit]").click();
        page.waitForURL(url -> url.contains("from=" + today.minusDays(9)) && url.contains("to=" + today));
        assertThat(page.locator("#flow-chart")).hasAttribute("data-days", "10");
        assertThat(page.locator("#cycle-chart")).hasAttribute("data-points", "2");
        page.reload();
        assertThat(page.locator("#flow-chart")).hasAttribute("data-days", "10");
        assertThat(page.locator("#flow-from")).hasValue(today.minusDays(9).toString());

        // A preset, and a range before anything was finished.
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("30 days"))
                .click();
        assertThat(page.locator("#flow-chart")).hasAttribute("data-days", "30");
        page.navigate("/projects/" + project.key() + "/flow?from=2020-01-01&to=2020-01-31");
        assertThat(page.locator("#cycle-empty")).containsText("No finished tasks yet");
        assertThat(page.locator("#cycle-chart")).hasCount(0);
        assertThat(page.locator("#flow-empty")).isVisible();

        // A range the charts cannot show is explained, and the default range shown instead.
        page.navigate("/projects/" + project.key() + "/flow?from=2026-05-01&to=2026-04-01");
        assertThat(page.locator("#range-error")).containsText("must not be after to");
        assertThat(page.locator("#flow-chart")).hasAttribute("data-days", "90");
        page.navigate("/projects/" + project.key() + "/flow?from=yesterday");
        assertThat(page.locator("#range-error")).containsText("year-month-day");
        screenshot("flow");
    }

    @Test
    void anEmptyProjectSaysThereAreNoFinishedTasksYetInsteadOfDrawingAnEmptyChart() {
        Person member = invite("Emma Empty");
        Project project = projectWith(member, ProjectRole.MEMBER);
        logIn(member);

        page.navigate("/projects/" + project.key() + "/flow");
        assertThat(page.locator("#cycle-empty")).containsText("No finished tasks yet");
        assertThat(page.locator("#flow-empty")).containsText("No tasks yet");
        assertThat(page.locator("#cycle-chart")).hasCount(0);
        assertThat(page.locator("#flow-chart")).hasCount(0);
        assertThat(page.locator("#flow-content canvas, #flow-content svg")).hasCount(0);
    }

    @Test
    void aTaskFinishedBySomeoneElseAppearsWithoutAReload() {
        Person stakeholder = invite("Stan Watcher");
        Project project = projectWith(stakeholder, ProjectRole.STAKEHOLDER);
        Task task = tasks.create(admin(), project.key(), NewTask.named("Ship it"));
        Card started =
                boards.move(admin(), project.key(), task.id(), new CardMove("in_progress", null, task.version()));
        logIn(stakeholder);

        page.navigate("/projects/" + project.key() + "/flow");
        assertThat(page.locator("#cycle-empty")).isVisible();
        page.locator("#flow-summary").click();
        Locator lastDay = page.locator("#flow-table tbody tr").last();
        assertThat(lastDay.locator("td")).hasText(new String[] {"0", "1", "0"});
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");

        boards.move(admin(), project.key(), task.id(), new CardMove("done", null, started.version()));

        assertThat(page.locator("#cycle-chart")).hasAttribute("data-points", "1");
        assertThat(page.locator("#cycle-empty")).hasCount(0);
        assertThat(page.locator("#flow-content"))
                .hasAttribute("data-refreshed", java.util.regex.Pattern.compile("\\d+"));
        // The table that was open stays open, with the new counts.
        assertThat(page.locator("#flow-details")).hasAttribute("open", "");
        assertThat(page.locator("#flow-table tbody tr").last().locator("td")).hasText(new String[] {"0", "0", "1"});
        assertThat(page.url()).endsWith("/projects/" + project.key() + "/flow");
        assertThat(page.locator("#cycle-table tbody tr")).hasCount(1);
    }

    /** Through in progress to done, as a card on the board. */
    private void finish(Project project, Task task) {
        Card started =
                boards.move(admin(), project.key(), task.id(), new CardMove("in_progress", null, task.version()));
        boards.move(admin(), project.key(), task.id(), new CardMove("done", null, started.version()));
    }
}
