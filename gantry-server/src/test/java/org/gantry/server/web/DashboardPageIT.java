package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import java.util.Map;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard page (/projects/{key}) in headless Chromium: the tiles render (no console error, checked
 * after every test), tiles moved and hidden with the keyboard stay so after a reload, the % complete tile
 * changes when someone else finishes a task, and owners edit the health thresholds in a form with field
 * messages while stakeholders only read them.
 */
class DashboardPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    private Task task(Project project, String name, String duration) {
        return tasks.create(
                admin(),
                project.key(),
                new NewTask(
                        name, null, null, null, null, null, null, null, null, duration, null, null, null, null, null,
                        null));
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private List<String> order() {
        return page.locator("#tiles > .tile").all().stream()
                .map(tile -> tile.getAttribute("data-tile"))
                .toList();
    }

    @Test
    void tilesMovedAndHiddenWithTheKeyboardStaySoAfterAReload() {
        Person member = invite("Dana Dash");
        Project project = projectWith(member, ProjectRole.MEMBER);
        task(project, "Design", "2d");
        task(project, "Build", "2d");
        logIn(member);

        page.navigate("/projects/" + project.key());
        assertThat(page.getByLabel("Project views")
                        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Dashboard")))
                .hasAttribute("aria-current", "page");
        assertThat(page.locator("#health-schedule")).containsText("No baseline");
        assertThat(page.locator("#actual-percent")).hasText("0.0 %");
        assertThat(page.locator("#progress-chart svg")).isVisible();
        assertThat(page.locator("#cost-state")).containsText("owners and managers");
        assertThat(page.locator("#trend-note")).containsText("No trend");
        // The delivery tile: no webhook has delivered anything, so each DORA measure says why it has no figure.
        assertThat(page.locator("#delivery-deployment-frequency")).containsText("Not enough data");
        assertThat(page.locator("#delivery-deployment-frequency")).containsText("No deployment to production");
        assertThat(page.locator("#delivery-figures dt")).hasCount(4);

        button("Move Risks up").focus();
        page.keyboard().press("Enter");
        assertThat(button("Move Risks up")).isFocused();
        page.keyboard().press("Enter");
        button("Hide Team workload").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#tile-workload")).isHidden();
        assertThat(button("Show Team workload")).isVisible();
        List<String> arranged = List.of(
                "health",
                "progress",
                "milestones",
                "finish",
                "critical-path",
                "tasks",
                "risk",
                "workload",
                "cost",
                "delivery");
        page.waitForCondition(() -> order().equals(arranged));
        page.waitForCondition(
                () -> page.locator("#dashboard").getAttribute("data-version").equals("3"));

        page.reload();
        assertThat(page.locator("#tiles > .tile").first()).hasAttribute("data-tile", "health");
        assertThat(order()).isEqualTo(arranged);
        assertThat(page.locator("#tile-workload")).isHidden();
        button("Show Team workload").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#tile-workload")).isVisible();
        page.waitForCondition(
                () -> page.locator("#dashboard").getAttribute("data-version").equals("4"));
        page.reload();
        assertThat(page.locator("#tile-workload")).isVisible();
        screenshot("dashboard");
    }

    @Test
    void thePercentCompleteTileChangesWhenSomeoneElseFinishesATask() {
        Person member = invite("Lee Live");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task design = task(project, "Design", "2d");
        task(project, "Build", "2d");
        logIn(member);
        page.navigate("/projects/" + project.key());
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        assertThat(page.locator("#actual-percent")).hasText("0.0 %");

        tasks.update(admin(), project.key(), design.id(), TaskChanges.status("done", 100, design.version()));

        assertThat(page.locator("#actual-percent")).hasText("50.0 %");
        assertThat(page.locator("#progress-table")).containsText("50.0");
    }

    @Test
    void ownersEditTheThresholdsAndStakeholdersOnlyReadThem() {
        Person sponsor = invite("Sam Sponsor");
        Project project = projectWith(sponsor, ProjectRole.STAKEHOLDER);
        task(project, "Design", "2d");
        logInAsAdmin();
        page.navigate("/projects/" + project.key());
        page.locator("#thresholds summary").click();
        page.getByLabel("Schedule amber: slip over (working days)").fill("4");
        page.getByLabel("Schedule red: slip over (working days)").fill("2");
        page.getByLabel("Cost amber: CPI under").fill("lots");
        button("Save thresholds").click();
        assertThat(page.locator("#threshold-scheduleRedDays-error")).containsText("at least the amber threshold");
        assertThat(page.locator("#threshold-costAmberCpi-error")).containsText("number");
        assertAccessible("thresholds with field errors");

        page.getByLabel("Schedule red: slip over (working days)").fill("8");
        page.getByLabel("Cost amber: CPI under").fill("0.9");
        button("Save thresholds").click();
        assertThat(page.locator("#flash")).containsText("Health thresholds saved");

        forgetSession();
        logIn(sponsor);
        page.navigate("/projects/" + project.key());
        page.locator("#thresholds summary").click();
        assertThat(page.locator(".threshold-list")).containsText("amber over 4, red over 8 working days of slip");
        assertThat(page.locator(".threshold-form")).hasCount(0);
        assertAccessible("dashboard as stakeholder");
    }

    @Test
    void theSavedNoticeIsShownEvenWhenTheOpenDashboardRefetchesItselfFirst() {
        Project project = projectWith(invite("Nia Notice"), ProjectRole.MEMBER);
        logInAsAdmin();
        page.navigate("/projects/" + project.key());
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>)
                page.evaluate("() => Object.fromEntries(new FormData(document.querySelector('.threshold-form')))");
        FormData form = FormData.create();
        fields.forEach((name, value) -> form.set(name, String.valueOf(value)));
        form.set("scheduleAmberDays", "3");

        // The form's post answers with a redirect and a one-time notice for the page it leads to...
        APIResponse saved = page.request()
                .post(
                        "/projects/" + project.key() + "/dashboard/thresholds",
                        RequestOptions.create()
                                .setHeader(
                                        page.locator("meta[name=_csrf_header]").getAttribute("content"),
                                        page.locator("meta[name=_csrf]").getAttribute("content"))
                                .setForm(form)
                                .setMaxRedirects(0));
        assertThat(saved.status()).isEqualTo(302);
        // ...and the save changed the project, so the open page refetches itself (live.js), possibly before
        // the browser follows the redirect: that background fetch must leave the notice where it is.
        APIResponse refetched = page.request()
                .get("/projects/" + project.key(), RequestOptions.create().setHeader("X-Gantry-Background", "1"));
        assertThat(refetched.status()).isEqualTo(200);
        assertThat(refetched.text()).doesNotContain("Health thresholds saved");

        page.navigate("/projects/" + project.key());
        assertThat(page.locator("#flash")).containsText("Health thresholds saved");
        page.reload();
        assertThat(page.locator("#flash")).not().containsText("Health thresholds saved");
    }
}
