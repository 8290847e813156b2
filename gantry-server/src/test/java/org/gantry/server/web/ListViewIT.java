package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.gantry.server.project.Project;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The list view works from the keyboard, filters and sorts, and its detail panel edits dependencies. */
class ListViewIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    Project project;

    @BeforeEach
    void threeTasks() {
        project = projectWith(null, null);
        for (String name : new String[] {"Alpha", "Beta", "Gamma"}) {
            tasks.create(admin(), project.key(), NewTask.named(name));
        }
        logInAsAdmin();
        page.navigate("/projects/" + project.key() + "/list");
    }

    @Test
    void theKeyboardSelectsIndentsOutdentsMovesEditsAndDeletesRows() {
        row("Alpha").locator("td.c-wbs").click();
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("tr.selected")).hasAttribute("data-name", "Beta");

        page.keyboard().press("Alt+Shift+ArrowRight");
        assertThat(row("Beta").locator("td.c-wbs")).hasText("1.1");
        assertThat(page.locator("tr.selected")).hasAttribute("data-name", "Beta");
        page.keyboard().press("Shift+Tab");
        assertThat(row("Beta").locator("td.c-wbs")).hasText("2");

        // Enter edits the selected cell; Escape cancels without saving.
        page.keyboard().press("Enter");
        Locator editor = page.locator("td.editing .cell-editor");
        assertThat(editor).isFocused();
        editor.fill("Not saved");
        screenshot("inline-edit");
        editor.press("Escape");
        assertThat(page.locator(".cell-editor")).hasCount(0);
        assertThat(row("Beta").locator("td[data-field=name]")).hasText("Beta");

        page.keyboard().press("Alt+Shift+ArrowDown");
        assertThat(row("Beta").locator("td.c-wbs")).hasText("3");
        assertThat(row("Gamma").locator("td.c-wbs")).hasText("2");

        // A status is chosen from the project's statuses.
        row("Alpha").locator("td[data-field=status]").click();
        page.locator("td.editing select.cell-editor").selectOption("in_progress");
        assertThat(row("Alpha").locator("td[data-field=status]")).hasText("In progress");

        // The assignee comes from the project's members, the start from a date picker.
        row("Alpha").locator("td[data-field=assignees]").click();
        page.locator("td.editing select.cell-editor").selectOption(new SelectOption().setLabel("Administrator"));
        assertThat(row("Alpha").locator("td[data-field=assignees]")).hasText("Administrator");
        row("Alpha").locator("td[data-field=start]").click();
        editor = page.locator("td.editing input.cell-editor");
        editor.fill("2026-12-01");
        editor.press("Enter");
        assertThat(row("Alpha").locator("td[data-field=start]")).hasAttribute("data-value", "2026-12-01");
        assertThat(row("Alpha").locator("td[data-field=start]")).containsText("01 Dec 26");

        row("Gamma").locator("td.c-wbs").click();
        page.keyboard().press("Delete");
        Locator dialog = page.locator("dialog[open]");
        assertThat(dialog).containsText("Delete \u201cGamma\u201d?");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();
        assertThat(row("Gamma")).hasCount(0);
        assertThat(page.locator("tr.task-row")).hasCount(2);
        assertThat(row("Beta").locator("td.c-wbs")).hasText("2");
    }

    @Test
    void theFilterNarrowsTheRowsAndTheColumnHeadersSortThem() {
        page.getByLabel("Filter tasks by name").fill("amm");
        assertThat(page.locator("tr.task-row")).hasCount(1);
        assertThat(page.locator("tr.task-row")).hasAttribute("data-name", "Gamma");
        assertThat(page.locator("#row-count")).containsText("1 matching task");
        screenshot("filtered");

        page.getByLabel("Filter tasks by name").fill("");
        assertThat(page.locator("tr.task-row")).hasCount(3);

        Locator nameHeader = page.locator("button.sort[data-sort=name]");
        nameHeader.click();
        assertThat(page.locator("th[aria-sort=ascending]")).containsText("Name");
        nameHeader.click();
        assertThat(page.locator("th[aria-sort=descending]")).containsText("Name");
        assertThat(page.locator("tr.task-row").first()).hasAttribute("data-name", "Gamma");
        assertThat(page.locator("tr.task-row").last()).hasAttribute("data-name", "Alpha");
    }

    @Test
    void theDetailPanelAddsAndRemovesADependencyWithTypeAndLag() {
        row("Gamma").locator("td.c-wbs").click();
        page.keyboard().press(" ");
        Locator drawer = page.locator("#drawer");
        assertThat(drawer.getByLabel("Name")).hasValue("Gamma");

        drawer.getByLabel("Add a dependency").selectOption("predecessor");
        drawer.getByLabel("Linked task").selectOption(new SelectOption().setLabel("2 Beta"));
        drawer.getByLabel("Link type").selectOption("SS");
        drawer.getByLabel("Lag, e.g. 2d or -1d").fill("2d");
        drawer.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Add").setExact(true))
                .click();

        Locator predecessors = drawer.locator("#predecessors");
        assertThat(predecessors).containsText("Beta");
        assertThat(predecessors).containsText("SS");
        assertThat(predecessors).containsText("lag 2d");
        screenshot("detail-panel");

        drawer.getByLabel("Description").fill("Runs two days after Beta starts.");
        drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save task"))
                .click();
        assertThat(drawer.getByRole(AriaRole.STATUS)).containsText("Saved.");

        drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove link from Beta"))
                .click();
        assertThat(drawer).containsText("No dependencies.");

        page.keyboard().press("Escape");
        assertThat(drawer).not().hasClass(java.util.regex.Pattern.compile("open"));
        assertThat(page.locator("tr.task-row").first()).isVisible();
        org.assertj.core.api.Assertions.assertThat(tasks.get(
                                admin(),
                                project.key(),
                                row("Gamma").getAttribute("data-id") == null
                                        ? 0
                                        : Long.parseLong(row("Gamma").getAttribute("data-id")))
                        .task()
                        .description())
                .isEqualTo("Runs two days after Beta starts.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Collapse all"))
                .click();
    }

    private Locator row(String name) {
        return page.locator("tr.task-row[data-name=\"" + name + "\"]");
    }
}
