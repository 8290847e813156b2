package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A change made in the task panel shows in the task's History and on the project's Activity page. */
class ActivityPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Test
    void aRenameInThePanelShowsInTheTaskHistoryAndTheFilteredActivityFeed() {
        Person mia = invite("Mia Member");
        Project project = projectWith(mia, ProjectRole.MEMBER);
        tasks.create(admin(), project.key(), NewTask.named("Draft the plan"));
        logIn(mia);
        page.navigate("/projects/" + project.key() + "/list");
        page.locator("tr.task-row[data-name=\"Draft the plan\"] td.c-wbs").click();
        page.keyboard().press(" ");
        Locator drawer = page.locator("#drawer");
        drawer.getByLabel("Name").fill("Draft the project plan");
        drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save task"))
                .click();
        assertThat(drawer.locator(".message.success")).hasText("Saved.");

        Locator history = drawer.locator("#task-history");
        Locator renamed =
                history.locator("li[data-entity=task][data-action=updated]").first();
        assertThat(renamed).containsText("Mia Member");
        assertThat(renamed.locator("del")).hasText("Draft the plan");
        assertThat(renamed.locator("ins")).hasText("Draft the project plan");
        assertThat(history.locator("li[data-entity=task][data-action=created]")).containsText("System");

        drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close details"))
                .click();
        assertThat(page.locator("#drawer.open")).hasCount(0);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Activity").setExact(true))
                .click();
        page.waitForURL("**/activity");
        page.getByLabel("Person")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Mia Member"));
        page.getByLabel("Kind").selectOption("task");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                .click();
        Locator rows = page.locator("#activity-table tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("Task updated");
        assertThat(rows.first()).containsText("Name: Draft the plan → Draft the project plan");
        assertThat(page.locator("#activity-count")).hasText("1 change");
        assertThat(page.locator("#activity-export"))
                .hasAttribute("href", java.util.regex.Pattern.compile(".*/activity/export\\?person=\\d+&kind=task$"));

        page.getByLabel("From").fill("2026-12-31");
        page.getByLabel("To").fill("2026-01-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                .click();
        assertThat(page.locator("#activity-error")).containsText("to: must not be before from");
    }
}
