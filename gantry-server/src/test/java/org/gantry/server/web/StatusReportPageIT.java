package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Status reports in headless Chromium, as a project manager would make one: "Create status report" on the
 * dashboard opens a draft with the frozen figures, the manager sets a RAG and a comment, publishes it and
 * downloads it as PDF and Excel,
 * the report list shows it, and a stakeholder reads it without any form.
 */
class StatusReportPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    private void task(Project project, String name, String duration, boolean milestone) {
        tasks.create(
                admin(),
                project.key(),
                new NewTask(
                        name, null, null, null, milestone, null, null, null, null, duration, null, null, null, null,
                        null, null));
    }

    @Test
    void aManagerCreatesAReportFromTheDashboardEditsItsRagAndPublishesIt() {
        Person manager = invite("Mona Manager");
        Project project = projectWith(manager, ProjectRole.MANAGER);
        task(project, "Design", "2d", false);
        task(project, "Go live", null, true);
        Person sponsor = invite("Sam Sponsor");
        projects.addMember(admin(), project.key(), new NewMember(sponsor.user().id(), null, ProjectRole.STAKEHOLDER));
        logIn(manager);

        page.navigate("/projects/" + project.key());
        page.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Create status report"))
                .click();
        page.waitForURL("**/projects/" + project.key() + "/reports/*");
        assertThat(page.locator("#flash")).containsText("Status report created");
        assertThat(page.locator("#report-state-text")).containsText("Draft");
        assertThat(page.locator("#milestones-table")).containsText("Go live");
        assertThat(page.locator("#next-steps-table")).containsText("Design");
        // No baseline: the schedule is not judged, and that is what the draft starts with.
        assertThat(page.locator("#rag-schedule")).hasValue("GREY");

        page.getByLabel("Schedule RAG").selectOption("RED");
        page.getByLabel("Schedule comment").fill("The vendor delivers two days late.");
        page.getByLabel("Summary for the sponsor").fill("Go live holds if the vendor keeps the new date.");
        page.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions()
                                .setName("Save")
                                .setExact(true))
                .click();
        assertThat(page.locator("#flash")).containsText("Status report saved");
        assertThat(page.locator("#report-version")).hasText("1");
        assertThat(page.locator("#rag-schedule")).hasValue("RED");
        assertThat(page.locator("#comment-schedule")).hasValue("The vendor delivers two days late.");

        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Publish"))
                .click();
        assertThat(page.locator("#flash")).containsText("published");
        assertThat(page.locator("#report-state-text")).containsText("Published");
        assertThat(page.locator("#report-form")).hasCount(0);
        Locator schedule = page.locator("#area-schedule");
        assertThat(schedule).containsText("red");
        assertThat(schedule).containsText("The vendor delivers two days late.");
        assertThat(page.locator("#section-summary")).containsText("Go live holds");
        String reportUrl = page.url();
        for (String link : new String[] {"#download-pdf", "#download-xlsx"}) {
            String href = page.locator(link).getAttribute("href");
            com.microsoft.playwright.APIResponse download = context.request().get(href);
            assertThat(download.status()).as(href).isEqualTo(200);
            assertThat(download.headers().get("content-disposition")).contains("attachment");
        }
        com.microsoft.playwright.APIResponse pdf =
                context.request().get(page.locator("#download-pdf").getAttribute("href"));
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        page.getByLabel("Project views")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reports"))
                .click();
        assertThat(page.locator("#reports-table")).containsText("Published");
        assertThat(page.locator("#reports-table tbody tr")).hasCount(1);

        forgetSession();
        logIn(sponsor);
        page.navigate(reportUrl);
        assertThat(page.locator("#report-state-text")).containsText("Published");
        assertThat(page.locator("#report-form")).hasCount(0);
        assertThat(page.locator("#publish-report")).hasCount(0);
        assertThat(page.locator("#area-schedule")).containsText("The vendor delivers two days late.");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aTypingMistakeInTheCreateFormIsShownAtItsField() {
        Person manager = invite("Max Manager");
        Project project = projectWith(manager, ProjectRole.MANAGER);
        logIn(manager);
        page.navigate("/projects/" + project.key() + "/reports");
        assertThat(page.locator("#no-reports")).isVisible();
        page.getByLabel("Compare with baseline (0 to 10)").fill("eleven");
        page.getByLabel("Next steps: days ahead").fill("400");
        page.locator("#create-report").click();
        assertThat(page.locator("#report-baseline-error")).hasText("must be a whole number");
        assertThat(page.locator("#report-baseline")).hasAttribute("aria-invalid", "true");
        assertAccessible("create form with errors");
        page.getByLabel("Compare with baseline (0 to 10)").fill("0");
        page.locator("#create-report").click();
        assertThat(page.locator("#report-period-error")).hasText("must be between 1 and 92 days");
        page.getByLabel("Next steps: days ahead").fill("7");
        page.locator("#create-report").click();
        page.waitForURL("**/projects/" + project.key() + "/reports/*");
        assertThat(page.locator("#report-state-text")).containsText("Draft");
    }
}
