package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Nothing is lost silently: stale edits are shown with the current values; stakeholders cannot edit. */
class ReadOnlyAndConflictsIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Test
    void aStaleInlineEditShowsTheConflictWithTheCurrentValuesAndWhatWasTyped() {
        Person manager = invite("Mia Manager");
        var project = projectWith(manager, ProjectRole.MANAGER);
        Task task = tasks.create(admin(), project.key(), NewTask.named("Set up CI"));
        logIn(manager);
        page.navigate("/projects/" + project.key() + "/list");
        assertThat(row(task)).containsText("Set up CI");

        // Someone else renames the task while this person edits its duration (the live update leaves the row
        // being edited as it is).
        row(task).locator("td[data-field=duration]").click();
        Locator editor = page.locator("td.editing .cell-editor");
        tasks.update(
                admin(),
                project.key(),
                task.id(),
                new TaskChanges(
                        "Set up CI and CD",
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
                        task.version()));

        editor.fill("4d");
        editor.press("Enter");

        Locator notice = page.locator("tr.notice-row");
        assertThat(notice).containsText("Someone else changed this task; here are the current values.");
        assertThat(notice).containsText("Duration \u201c4d\u201d");
        assertThat(notice).hasAttribute("data-status", "409");
        assertThat(row(task).locator("td[data-field=name]")).hasText("Set up CI and CD");
        assertThat(row(task).locator("td[data-field=duration]")).hasText("1d");
        screenshot("stale-edit");

        // Applying it again against the current version works.
        row(task).locator("td[data-field=duration]").click();
        editor = page.locator("td.editing .cell-editor");
        editor.fill("4d");
        editor.press("Enter");
        assertThat(row(task).locator("td[data-field=duration]")).hasText("4d");
        assertThat(page.locator("tr.notice-row")).hasCount(0);
    }

    @Test
    void editingATaskSomeoneDeletedMeanwhileSaysSoAndTheRowDisappears() {
        var project = projectWith(null, null);
        tasks.create(admin(), project.key(), NewTask.named("Keep"));
        Task gone = tasks.create(admin(), project.key(), NewTask.named("Gone soon"));
        logInAsAdmin();
        page.navigate("/projects/" + project.key() + "/list");
        assertThat(row(gone)).isVisible();

        row(gone).locator("td[data-field=name]").click();
        Locator editor = page.locator("td.editing .cell-editor");
        tasks.delete(admin(), project.key(), gone.id(), null);
        editor.fill("Renamed");
        editor.press("Enter");

        Locator notice = page.locator("tr.notice-row");
        assertThat(notice).containsText("deleted meanwhile");
        assertThat(notice).containsText("Name \u201cRenamed\u201d");
        assertThat(notice).hasAttribute("data-status", "404");
        assertThat(row(gone)).hasCount(0);
        assertThat(page.locator("tr.task-row")).hasCount(1);
    }

    @Test
    void aStaleSaveOfTheDetailPanelShowsTheCurrentValuesAndListsTheUnsavedChanges() {
        Person member = invite("Max Member");
        var project = projectWith(member, ProjectRole.MEMBER);
        Task task = tasks.create(admin(), project.key(), NewTask.named("Write release notes"));
        logIn(member);
        page.navigate("/projects/" + project.key() + "/list");
        row(task)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open Write release notes"))
                .click();
        Locator drawer = page.locator("#drawer");
        assertThat(drawer.getByLabel("Name")).hasValue("Write release notes");
        // The person types first: an open panel nobody has touched follows the other change live (and a save
        // would then not be stale), a touched one stays as it is until saved.
        drawer.getByLabel("Tags").fill("docs, release");

        tasks.update(
                admin(),
                project.key(),
                task.id(),
                new TaskChanges(
                        null,
                        "Changed meanwhile",
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
                        task.version()));

        drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save task"))
                .click();

        assertThat(drawer.locator(".conflict-message"))
                .containsText("Someone else changed this task; here are the current values.");
        assertThat(drawer.locator(".conflict-message")).containsText("Tags \u201cdocs, release\u201d");
        // Only what this person touched is listed, not the other person's change to the description.
        assertThat(drawer.locator(".conflict-message li")).hasCount(1);
        assertThat(drawer.getByLabel("Description")).hasValue("Changed meanwhile");
        screenshot("stale-detail");
    }

    @Test
    void aStakeholderSeesNoEditControlsAndAForcedEditIsRefusedWithAMessage() {
        Person stakeholder = invite("Stella Stakeholder");
        var project = projectWith(stakeholder, ProjectRole.STAKEHOLDER);
        Task task = tasks.create(admin(), project.key(), NewTask.named("Budget review"));
        logIn(stakeholder);
        page.navigate("/projects/" + project.key() + "/list");

        assertThat(page.locator("#read-only-note")).containsText("read-only");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ Add task")))
                .hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Indent")))
                .hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete")))
                .hasCount(0);
        row(task).locator("td[data-field=name]").click();
        row(task).locator("td[data-field=name]").press("Enter");
        assertThat(page.locator(".cell-editor")).hasCount(0);

        row(task)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open Budget review"))
                .click();
        assertThat(page.locator("#drawer").getByLabel("Name")).isDisabled();
        assertThat(page.locator("#drawer")
                        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save task")))
                .hasCount(0);
        screenshot("stakeholder-list");

        // A forced edit (as a hand-made request with the session and CSRF token) is refused.
        String csrfHeader = page.locator("meta[name=_csrf_header]").getAttribute("content");
        String csrfToken = page.locator("meta[name=_csrf]").getAttribute("content");
        APIResponse forced = page.request()
                .post(
                        "/projects/" + project.key() + "/tasks/" + task.id() + "/edit",
                        RequestOptions.create()
                                .setHeader(csrfHeader, csrfToken)
                                .setForm(FormData.create()
                                        .set("field", "name")
                                        .set("value", "Hacked")
                                        .set("version", String.valueOf(task.version()))));
        assertThat(forced.status()).isEqualTo(403);
        assertThat(forced.text()).contains("does not allow this");

        // The same edit sent by the page's own htmx shows the refusal below the row.
        page.evaluate(
                "([url, version]) => htmx.ajax('POST', url, {target: '#task-rows', swap: 'outerHTML',"
                        + " values: {field: 'name', value: 'Hacked', version}})",
                java.util.List.of(
                        "/projects/" + project.key() + "/tasks/" + task.id() + "/edit",
                        String.valueOf(task.version())));
        assertThat(page.locator("tr.notice-row")).containsText("(stakeholder) does not allow this");
        assertThat(page.locator("tr.notice-row")).hasAttribute("data-status", "403");

        assertThat(tasks.get(admin(), project.key(), task.id()).task().name()).isEqualTo("Budget review");

        // Pages beyond the role answer with a page that says so.
        page.navigate("/admin/users");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed")))
                .isVisible();
        // The refused page really answers 403, which Chromium reports in the console; that one is expected.
        assertThat(consoleErrors).anyMatch(error -> error.contains("status of 403") && error.contains("/admin/users"));
        consoleErrors.removeIf(error -> error.contains("status of 403") && error.contains("/admin/users"));
    }

    private Locator row(Task task) {
        return page.locator("#task-" + task.id());
    }
}
