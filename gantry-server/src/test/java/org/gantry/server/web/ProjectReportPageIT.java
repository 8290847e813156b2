package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one-click reports and the Gantt excerpt in headless Chromium: from the Reports tab a manager reaches the
 * late-task report with the keyboard alone, asks for it at a later date and downloads its PDF and workbook; a
 * wrong baseline is a message at its field; a status report shows its Gantt excerpt as SVG; and a share link to
 * the Gantt chart opens without a session until it is revoked.
 */
class ProjectReportPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    /**
     * Design (2 days) and the Go live milestone, in a plan that starts on a Monday at least a week ahead: at
     * "today" nothing is due yet, whatever the hour the test runs (a plan starting today has its milestone
     * due at 08:00, so it is late from then on).
     */
    private Project plan(Person manager) {
        LocalDate start = LocalDate.now().plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Project project = projects.create(
                admin(), new NewProject("P" + unique(), "Project " + unique(), null, start, null, null, null));
        projects.addMember(admin(), project.key(), new NewMember(manager.user().id(), null, ProjectRole.MANAGER));
        tasks.create(
                admin(),
                project.key(),
                new NewTask(
                        "Design", null, null, null, false, null, null, null, null, "2d", null, null, null, null, null,
                        null));
        tasks.create(
                admin(),
                project.key(),
                new NewTask(
                        "Go live", null, null, null, true, null, null, null, null, null, null, null, null, null, null,
                        null));
        return project;
    }

    @Test
    void aManagerReachesTheLateTaskReportWithTheKeyboardAndDownloadsIt() {
        Person manager = invite("Rita Reporter");
        Project project = plan(manager);
        logIn(manager);
        page.navigate("/projects/" + project.key() + "/reports");
        assertThat(page.locator("#one-click-reports li")).hasCount(5);

        // Tab to the late-task report's link and open it with Enter.
        for (int i = 0; i < 80 && !focused("one-click-late-tasks"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(focused("one-click-late-tasks"))
                .as("the link takes the focus")
                .isTrue();
        page.keyboard().press("Enter");
        page.waitForURL("**/projects/" + project.key() + "/reports/late-tasks");
        assertThat(page.locator("h1")).hasText("Late task report");
        assertThat(page.locator("#report-note")).hasText("No task is late at this date.");
        assertAccessible("no late task");

        // A month on, Design (2 days from the project's start) and Go live (at the start) are late.
        String later = LocalDate.now().plusDays(30).toString();
        page.locator("#one-click-date").fill(later);
        page.locator("#one-click-baseline").focus();
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.contains("/reports/late-tasks?date=" + later));
        assertThat(page.locator("#report-table tbody tr")).hasCount(2);
        assertThat(page.locator("#report-table")).containsText("Design");
        assertThat(page.locator("#report-table")).containsText("Go live");
        assertThat(page.locator("[data-figure='lateTasks'] td")).hasText("2");
        assertAccessible("two late tasks");
        for (String link : new String[] {"#download-pdf", "#download-xlsx"}) {
            String href = page.locator(link).getAttribute("href");
            assertThat(href).contains("date=" + later);
            APIResponse download = context.request().get(href);
            assertThat(download.status()).as(href).isEqualTo(200);
            assertThat(download.headers().get("content-disposition")).contains("late-tasks-report-" + later);
        }

        page.locator("#one-click-baseline").fill("13");
        page.locator("#one-click-baseline").press("Enter");
        assertThat(page.locator("#one-click-baseline-error"))
                .hasText("must be between 0 (Baseline) and 10 (Baseline 10)");
        assertThat(page.locator("#one-click-baseline")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#report-table")).hasCount(0);
        assertAccessible("wrong baseline");
    }

    @Test
    void aStatusReportShowsItsGanttExcerptAndAGanttLinkOpensWithoutASessionUntilRevoked() {
        Person manager = invite("Gina Gantt");
        Project project = plan(manager);
        logIn(manager);
        page.navigate("/projects/" + project.key() + "/reports");
        page.locator("#create-report").click();
        page.waitForURL("**/projects/" + project.key() + "/reports/*");
        assertThat(page.locator("svg.gantt-excerpt")).isVisible();
        assertThat(page.locator("svg.gantt-excerpt g.gantt-row")).hasCount(2);
        assertThat(page.locator("svg.gantt-excerpt polygon.gantt-diamond")).hasCount(1);
        assertThat(page.locator("svg.gantt-excerpt")).hasAttribute("role", "img");
        assertAccessible("status report with its Gantt excerpt");

        page.navigate("/projects/" + project.key() + "/share-links");
        page.locator("#share-what").selectOption("gantt");
        page.getByLabel("Who it is for (optional)").fill("Programme board");
        page.locator("#create-share-link").click();
        String address = page.locator("#created-url").inputValue();
        assertThat(page.locator("#share-links-table")).containsText("Gantt chart");

        forgetSession();
        page.navigate(address);
        assertThat(page.locator("h1")).hasText(project.name());
        assertThat(page.locator("svg.gantt-excerpt g.gantt-row")).hasCount(2);
        assertThat(page.locator("#gantt-rows")).containsText("Design");
        assertThat(page.locator("a")).hasCount(0);
        assertThat(page.locator("form")).hasCount(0);
        assertAccessible("shared Gantt chart");

        logIn(manager);
        page.navigate("/projects/" + project.key() + "/share-links");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke link Programme board"))
                .click();
        assertThat(page.locator("#flash")).containsText("revoked");
        forgetSession();
        page.navigate(address);
        assertThat(page.locator("h1")).hasText("Link no longer open");
        assertThat(page.locator("svg")).hasCount(0);
        // The browser reports the 410 answer itself as a console error: expected here, and nothing else.
        assertThat(consoleErrors).allMatch(message -> message.contains("410"));
        consoleErrors.clear();
    }

    private boolean focused(String id) {
        return Boolean.TRUE.equals(
                page.evaluate("id => document.activeElement && document.activeElement.id === id", id));
    }
}
