package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.Test;

/** A project manager logs in, creates a project and builds its work breakdown in the list view. */
class ProjectPlanningIT extends BrowserTest {

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheProjectList() {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(ADMIN_EMAIL);
        page.getByLabel("Password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Wrong e-mail or password");
        screenshot("login-refused");

        logInAsAdmin();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Projects").setExact(true)))
                .isVisible();
    }

    @Test
    void aProjectCreatedThroughTheFormOpensItsEmptyListView() {
        logInAsAdmin();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("+ New project").setExact(true))
                .first()
                .click();
        String key = "W" + unique();
        page.getByLabel("Key").fill(key);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Website relaunch");
        page.getByLabel("Working hours").fill("09:00-13:00, 14:00-18:00");
        screenshot("new-project-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create project"))
                .click();

        page.waitForURL("**/projects/" + key + "/list");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Website relaunch")))
                .isVisible();
        assertThat(page.locator("#task-rows")).containsText("No tasks yet");
        screenshot("empty-list-view");

        page.navigate("/projects/" + key + "/settings");
        assertThat(page.getByLabel("Working hours")).hasValue("09:00-13:00, 14:00-18:00");
        screenshot("project-settings");
    }

    @Test
    void aProjectWithABadCalendarIsNotCreatedAndTheFieldSaysWhy() {
        logInAsAdmin();
        page.navigate("/projects/new");
        page.getByLabel("Key").fill("B" + unique());
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Bad calendar");
        page.getByLabel("Working hours").fill("nine to five");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create project"))
                .click();

        assertThat(page.locator(".field.invalid")).containsText("cannot read \"nine to five\"");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Bad calendar");
    }

    @Test
    void tasksAddedAndIndentedFormASummaryAndInlineEditsSurviveAReload() {
        logInAsAdmin();
        var project = projectWith(null, null);
        page.navigate("/projects/" + project.key() + "/list");

        addTask("Design");
        addTask("Wireframes");
        Locator rows = page.locator("tr.task-row");
        assertThat(rows).hasCount(2);

        // Wireframes is selected after adding it: Tab indents it under Design.
        page.keyboard().press("Escape");
        row("Wireframes").locator("td.c-wbs").click();
        page.keyboard().press("Tab");
        assertThat(row("Wireframes").locator("td.c-wbs")).hasText("1.1");
        assertThat(row("Design")).hasClass(java.util.regex.Pattern.compile("summary"));

        // Inline edit: the name of Wireframes, then its duration.
        row("Wireframes").locator("td[data-field=name]").click();
        Locator editor = page.locator("td.editing .cell-editor");
        editor.fill("Wireframes and mock-ups");
        editor.press("Enter");
        assertThat(row("Wireframes and mock-ups")).isVisible();

        row("Wireframes and mock-ups").locator("td[data-field=duration]").click();
        editor = page.locator("td.editing .cell-editor");
        editor.fill("3d");
        editor.press("Enter");
        assertThat(row("Wireframes and mock-ups").locator("td[data-field=duration]"))
                .hasText("3d");

        page.reload();
        assertThat(row("Wireframes and mock-ups").locator("td.c-wbs")).hasText("1.1");
        assertThat(row("Wireframes and mock-ups").locator("td[data-field=duration]"))
                .hasText("3d");
        assertThat(row("Design")).hasClass(java.util.regex.Pattern.compile("summary"));

        // Collapsing the summary hides its subtask, also after a reload.
        row("Design").locator(".twisty").click();
        assertThat(row("Wireframes and mock-ups")).isHidden();
        page.reload();
        assertThat(row("Wireframes and mock-ups")).isHidden();
        screenshot("list-view-collapsed");
    }

    @Test
    void anOwnerChangesARoleArchivesTheProjectAndLogsOut() {
        Person member = invite("Rita Role");
        var project = projectWith(member, ProjectRole.MEMBER);
        logInAsAdmin();
        page.navigate("/projects/" + project.key() + "/members");
        Locator rita =
                page.locator("#member-list tr[data-email='" + member.user().email() + "']");
        rita.getByLabel("Role of Rita Role").selectOption("STAKEHOLDER");
        rita.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change"))
                .click();
        assertThat(page.locator("#flash")).containsText("Rita Role is now stakeholder");

        page.locator(".tabs")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings"))
                .click();
        // Waits for the load event: the confirmation needs the page's script.
        page.waitForURL("**/settings");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Archive project"))
                .click();
        page.locator("dialog[open]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archive"))
                .click();
        assertThat(page.locator("#flash")).containsText("archived");
        page.navigate("/projects/" + project.key() + "/list");
        assertThat(page.locator("main")).containsText("This project is archived");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ Add task")))
                .hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You have been logged out");
    }

    private void addTask(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ Add task"))
                .click();
        Locator editor = page.locator("td.editing .cell-editor");
        assertThat(editor).isFocused();
        editor.fill(name);
        editor.press("Enter");
        assertThat(row(name)).isVisible();
    }

    private Locator row(String name) {
        return page.locator("tr.task-row[data-name=\"" + name + "\"]");
    }
}
