package org.gantry.server.calendar;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.NewUser;
import org.gantry.server.identity.UserAccount;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.gantry.server.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar page in headless Chromium: a task's bar on the month grid, dragged to another day and
 * still there after a reload; a stakeholder gets no draggable bars and the server refuses their move.
 * Same Spring configuration as the other integration tests, so the server and database are shared.
 */
class CalendarPageIT extends BrowserTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Autowired
    TaskService tasks;

    @Test
    void aMemberDragsATaskToAnotherDayAndItStaysThereAfterAReload() {
        Person member = invite("Mia Member");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task design = tasks.create(admin(), project.key(), dated("Design review", MONDAY.plusDays(1), 2));
        logIn(member);

        page.navigate("/projects/" + project.key() + "/calendar?date=" + MONDAY);
        Locator bar = page.locator(".cal-bar[data-id='" + design.id() + "']");
        assertThat(bar).isVisible();
        assertThat(bar).hasAttribute("data-start", MONDAY.plusDays(1).toString());
        assertThat(bar).hasAttribute("draggable", "true");

        // Grab the bar by its first day (near its left end) and drop it on Tuesday of the next week.
        bar.dragTo(
                page.locator(".cal-day[data-day='" + MONDAY.plusDays(8) + "']"),
                new Locator.DragToOptions().setSourcePosition(12, 8));

        assertThat(page.locator(".cal-bar[data-id='" + design.id() + "']").first())
                .hasAttribute("data-start", MONDAY.plusDays(8).toString());
        page.reload();
        Locator moved = page.locator(".cal-bar[data-id='" + design.id() + "']");
        assertThat(moved).hasAttribute("data-start", MONDAY.plusDays(8).toString());
        assertThat(moved).hasAttribute("data-finish", MONDAY.plusDays(9).toString());
        Task stored = tasks.get(admin(), project.key(), design.id()).task();
        assertThat(stored.start()).isEqualTo(MONDAY.plusDays(8).atTime(8, 0));
        assertThat(stored.finish()).isEqualTo(MONDAY.plusDays(9).atTime(17, 0));

        moved.click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Design review");
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Nobody yet");
        screenshot("calendar-month");
    }

    @Test
    void aManagerSeesTheWeekAndRegeneratesTheProjectFeedWhoseOldAddressThenAnswers404() {
        Person manager = invite("Max Manager");
        Project project = projectWith(manager, ProjectRole.MANAGER);
        Task task = tasks.create(admin(), project.key(), dated("Kick-off", MONDAY.plusDays(2), 2));
        logIn(manager);

        page.navigate("/projects/" + project.key() + "/calendar?view=week&date=" + MONDAY);
        assertThat(page.locator(".cal-day")).hasCount(7);
        assertThat(page.locator(".cal-bar[data-id='" + task.id() + "']")).isVisible();
        screenshot("calendar-week");
        String old = page.locator("#project-feed-url").textContent().strip();
        assertThat(page.request().get(old).status()).isEqualTo(200);

        page.locator("form[action*='/calendar/feed']")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Regenerate"))
                .click();
        page.locator("dialog .confirm-button").click();
        page.waitForURL("**regenerated=project**");

        String fresh = page.locator("#project-feed-url").textContent().strip();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(page.request().get(old).status()).isEqualTo(404);
        assertThat(page.request().get(fresh).status()).isEqualTo(200);
        assertThat(page.locator(".cal-grid")).hasClass(java.util.regex.Pattern.compile("cal-view-week"));
    }

    @Test
    void droppingATaskOnASaturdayStartsItOnMondayAndSaysSo() {
        Person member = invite("Sol Member");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task task = tasks.create(admin(), project.key(), dated("Deploy", MONDAY.plusDays(1), 1));
        logIn(member);
        page.navigate("/projects/" + project.key() + "/calendar?date=" + MONDAY);

        page.locator(".cal-bar[data-id='" + task.id() + "']")
                .dragTo(page.locator(".cal-day[data-day='" + MONDAY.plusDays(5) + "']"));

        assertThat(page.locator("#cal-notice")).containsText("Deploy starts on 9 Mar 2026, not 7 Mar 2026");
        assertThat(page.locator(".cal-bar[data-id='" + task.id() + "']"))
                .hasAttribute("data-start", MONDAY.plusDays(7).toString());
    }

    @Test
    void aStaleVersionSaysSomeoneElseChangedTheTask() {
        Person member = invite("Sam Member");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task task = tasks.create(admin(), project.key(), dated("Build", MONDAY.plusDays(1), 1));
        logIn(member);
        // Live updates would show the rename before the drag: this is the case where it has not arrived yet.
        page.route(
                "**/events**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/event-stream")
                        .setBody(": no events\n\n")));
        page.navigate("/projects/" + project.key() + "/calendar?date=" + MONDAY);
        Locator bar = page.locator(".cal-bar[data-id='" + task.id() + "']");
        assertThat(bar).isVisible();

        tasks.update(
                admin(),
                project.key(),
                task.id(),
                new TaskChanges(
                        "Build it",
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
        bar.dragTo(page.locator(".cal-day[data-day='" + MONDAY.plusDays(3) + "']"));

        assertThat(page.locator("#cal-notice")).containsText("Someone else changed this task");
        assertThat(page.locator(".cal-bar[data-id='" + task.id() + "']"))
                .hasAttribute("data-start", MONDAY.plusDays(1).toString());
        assertThat(page.locator(".cal-bar[data-id='" + task.id() + "']")).containsText("Build it");
    }

    @Test
    void aStakeholderCannotDragAndTheServerRefusesTheirMove() {
        Person stakeholder = invite("Stella Stakeholder");
        Project project = projectWith(stakeholder, ProjectRole.STAKEHOLDER);
        Task task = tasks.create(admin(), project.key(), dated("Sign-off", MONDAY.plusDays(2), 1));
        logIn(stakeholder);

        page.navigate("/projects/" + project.key() + "/calendar?date=" + MONDAY);
        Locator bar = page.locator(".cal-bar[data-id='" + task.id() + "']");
        assertThat(bar).isVisible();
        assertThat(bar).not().hasAttribute("draggable", "true");
        assertThat(page.locator("#read-only-note")).isVisible();

        String csrf = page.locator("meta[name='_csrf']").getAttribute("content");
        APIResponse refused = page.request()
                .post(
                        "/projects/" + project.key() + "/calendar/tasks/" + task.id() + "/move",
                        RequestOptions.create()
                                .setHeader("X-CSRF-TOKEN", csrf)
                                .setForm(FormData.create()
                                        .set("day", MONDAY.plusDays(7).toString())
                                        .set("version", Integer.toString(task.version()))));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(tasks.get(admin(), project.key(), task.id()).task().start())
                .isEqualTo(MONDAY.plusDays(2).atTime(8, 0));
    }

    private CurrentUser admin() {
        UserAccount admin = users.findByEmail(ADMIN_EMAIL).orElseThrow();
        return new CurrentUser(admin.id(), admin.email(), admin.name(), true);
    }

    private Person invite(String name) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + unique().toLowerCase(Locale.ROOT)
                + "@example.test";
        return withOwnPassword(users.invite(admin(), new NewUser(email, name, false)));
    }

    private Project projectWith(Person person, ProjectRole role) {
        Project project = projects.create(
                admin(), new NewProject("K" + unique(), "Calendar " + unique(), null, MONDAY, null, null, null));
        projects.addMember(admin(), project.key(), new NewMember(person.user().id(), null, role));
        return project;
    }

    private static NewTask dated(String name, LocalDate start, int days) {
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
                days + "d",
                null,
                null,
                start.atTime(8, 0),
                start.plusDays(days - 1).atTime(17, 0),
                null,
                null);
    }

    private void logIn(Person person) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(person.user().email());
        page.getByLabel("Password").fill(person.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        waitForLanding(page);
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png")));
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    }
}
