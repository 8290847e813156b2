package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gantry.server.collaboration.CommentService;
import org.gantry.server.collaboration.NewComment;
import org.gantry.server.live.LiveUpdates;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.LinkService;
import org.gantry.server.task.LinkType;
import org.gantry.server.task.NewLink;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live updates in Chromium: two people on one project, each in a browser context of their own. One changes
 * the plan (on the chart, or through the API), the other's page shows it within a second without a reload
 * (a marker set on the window survives), keeping what they were doing; a dropped stream catches up.
 */
class LiveUpdatesIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Autowired
    LinkService links;

    @Autowired
    LiveUpdates live;

    @Autowired
    CommentService comments;

    private BrowserContext otherContext;
    private final List<String> otherErrors = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeOtherContext() {
        if (otherContext != null) {
            otherContext.close();
        }
        assertThat(otherErrors).as("errors in the second browser's console").isEmpty();
    }

    /** A project starting on Monday 2 March 2026 with Design (2d) -> Build (3d), Ana managing, Ben a member. */
    record Plan(Project project, Person ana, Person ben, Task design, Task build) {}

    Plan plan() {
        Person ana = invite("Ana Lima");
        Person ben = invite("Ben Okafor");
        Project project = projects.create(
                admin(),
                new NewProject("L" + unique(), "Live " + unique(), null, LocalDate.of(2026, 3, 2), null, null, null));
        projects.addMember(admin(), project.key(), new NewMember(ana.user().id(), null, ProjectRole.MANAGER));
        projects.addMember(admin(), project.key(), new NewMember(ben.user().id(), null, ProjectRole.MEMBER));
        Task design = tasks.create(admin(), project.key(), withDuration("Design", "2d"));
        Task build = tasks.create(admin(), project.key(), withDuration("Build", "3d"));
        links.create(
                admin(), project.key(), new NewLink(design.id(), build.id(), LinkType.FINISH_START, null, null, null));
        return new Plan(project, ana, ben, design, build);
    }

    static NewTask withDuration(String name, String duration) {
        return new NewTask(
                name, null, null, null, null, null, null, null, null, duration, null, null, null, null, null, null);
    }

    /** A second person's browser: its own context (cookies), logged in, errors collected. */
    Page otherBrowser(Person person, int serverPort) {
        otherContext = context.browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + serverPort)
                        .setViewportSize(1400, 900));
        otherContext.setDefaultTimeout(30_000);
        Page other = otherContext.newPage();
        other.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                otherErrors.add(message.text() + " at " + message.location());
            }
        });
        other.onPageError(error -> otherErrors.add("page error: " + error));
        logIn(other, person);
        return other;
    }

    static void logIn(Page page, Person person) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(person.user().email());
        page.getByLabel("Password").fill(person.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        waitForLanding(page);
    }

    static Locator bar(Page page, int row) {
        return page.locator(".gantt-task[data-row=\"" + row + "\"] .gantt-bar");
    }

    /** Opens the Gantt, waits until it is live, and marks the window (a reload would lose the mark). */
    static void openGantt(Page page, Project project) {
        page.navigate("/projects/" + project.key() + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        page.evaluate("() => { window.liveMarker = 'not reloaded';"
                + " document.addEventListener('gantt:live-updated', () => { window.liveUpdatedAt = Date.now(); }); }");
    }

    static double x(Locator bar) {
        BoundingBox box = bar.boundingBox();
        return box.x;
    }

    static void drag(Page page, Locator bar, double days) {
        BoundingBox box = bar.boundingBox();
        double dayWidth = box.width / 2; // Design is two days long
        double y = box.y + box.height / 2;
        double fromX = box.x + box.width / 2;
        page.mouse().move(fromX, y);
        page.waitForTimeout(150);
        page.mouse().down();
        for (int step = 1; step <= 10; step++) {
            page.mouse().move(fromX + days * dayWidth * step / 10, y);
        }
        page.mouse().up();
    }

    @Test
    void aBarMovedByOnePersonMovesWithItsSuccessorOnTheOtherPersonsChartWithinASecond() {
        Plan plan = plan();
        logIn(plan.ana());
        openGantt(page, plan.project());
        Page ben = otherBrowser(plan.ben(), port);
        openGantt(ben, plan.project());
        double designBefore = x(bar(ben, 0));
        double buildBefore = x(bar(ben, 1));

        // Who is here: each sees both, named for screen readers.
        assertThat(ben.locator("#live .live-viewers")).containsText("Ana Lima");
        assertThat(ben.locator("#live .live-viewers")).containsText("Ben Okafor (you)");
        assertThat(page.locator("#live .live-viewers")).containsText("Ben Okafor");

        // Ana drags Design three days later.
        // When Ana lets go of the bar, and when her own page shows the server's answer.
        page.evaluate(
                "() => { document.addEventListener('pointerup', () => { window.droppedAt = Date.now(); }, true);"
                        + " new MutationObserver(() => { window.savedAt = Date.now(); })"
                        + ".observe(document.getElementById('gantt-message'), { childList: true, characterData: true, subtree: true }); }");
        drag(page, bar(page, 0), 3);
        assertThat(page.locator("#gantt-message")).containsText("moved");

        ben.waitForFunction(
                "([design, build]) => {"
                        + " const d = document.querySelector('.gantt-task[data-row=\"0\"] .gantt-bar').getBoundingClientRect().x;"
                        + " const b = document.querySelector('.gantt-task[data-row=\"1\"] .gantt-bar').getBoundingClientRect().x;"
                        + " return d > design + 10 && b > build + 10; }",
                List.of(designBefore, buildBefore));
        long redrawnAt = ((Number) ben.evaluate("() => window.liveUpdatedAt")).longValue();
        long droppedAt = ((Number) page.evaluate("() => window.droppedAt")).longValue();
        long savedAt = ((Number) page.evaluate("() => window.savedAt")).longValue();
        System.out.println("live-update latency: Ana drops the bar -> Ben's chart redrawn " + (redrawnAt - droppedAt)
                + " ms; Ana's own page showed the server's answer after " + (savedAt - droppedAt) + " ms");
        // The edit itself (Ana's request, the reschedule) takes what it takes on a busy machine; what live updates
        // add is the time from the saved change to the other chart: under a second, as the issue asks.
        assertThat(redrawnAt - savedAt)
                .as("milliseconds from Ana's saved move to Ben's chart redrawn")
                .isLessThan(1_000);
        assertThat(ben.evaluate("() => window.liveMarker")).isEqualTo("not reloaded");
        assertThat(tasks.get(admin(), plan.project().key(), plan.build().id())
                        .task()
                        .start())
                .isAfter(plan.build().start());
    }

    @Test
    void aDroppedStreamReconnectsAndCatchesUpWithWhatChangedMeanwhile() {
        Plan plan = plan();
        logIn(plan.ben());
        openGantt(page, plan.project());
        double buildBefore = x(bar(page, 1));

        // The network drops: the stream ends and cannot come back for now.
        page.route("**/events**", route -> route.abort());
        live.dropAllStreams();
        assertThat(page.locator("#live")).hasAttribute("data-state", "reconnecting");

        // Meanwhile Ana makes Design longer, which pushes Build.
        Task design =
                tasks.get(admin(), plan.project().key(), plan.design().id()).task();
        tasks.update(
                plan.ana().user(),
                plan.project().key(),
                design.id(),
                new TaskChanges(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "5d",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        design.version()));
        page.waitForTimeout(1_500);
        assertThat(x(bar(page, 1))).as("nothing arrives while offline").isEqualTo(buildBefore);

        // Back online: the browser reconnects with the last change number it saw and refetches.
        page.unroute("**/events**");
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        page.waitForFunction(
                "build => document.querySelector('.gantt-task[data-row=\"1\"] .gantt-bar').getBoundingClientRect().x > build + 10",
                buildBefore);
        assertThat(page.evaluate("() => window.liveMarker")).isEqualTo("not reloaded");
        // The refused stream requests while "offline" are the only errors the browser logged.
        consoleErrors.removeIf(error -> error.contains("ERR_FAILED") || error.contains("/events"));
    }

    @Test
    void theListKeepsAnEditInProgressWhileOtherRowsUpdate() {
        Plan plan = plan();
        logIn(plan.ben());
        page.navigate("/projects/" + plan.project().key() + "/list");
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        page.evaluate("() => { window.liveMarker = 'not reloaded'; }");
        Locator buildName = page.locator("#task-" + plan.build().id() + " td[data-field=name]");
        buildName.click();
        Locator editor = page.locator("td.editing .cell-editor");
        editor.fill("Build and test");

        // Ana renames Design meanwhile; Ben's list shows it at once, his editor stays open with his text.
        Task design =
                tasks.get(admin(), plan.project().key(), plan.design().id()).task();
        tasks.update(
                plan.ana().user(),
                plan.project().key(),
                design.id(),
                new TaskChanges(
                        "Design the API",
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
                        design.version()));
        assertThat(page.locator("#task-" + plan.design().id() + " td[data-field=name]"))
                .containsText("Design the API");
        assertThat(editor).isFocused();
        assertThat(editor).hasValue("Build and test");
        editor.press("Enter");
        assertThat(buildName).containsText("Build and test");
        assertThat(page.locator("tr.notice-row")).hasCount(0);
        assertThat(page.evaluate("() => window.liveMarker")).isEqualTo("not reloaded");
    }

    @Test
    void theOpenTaskPanelFollowsChangesButKeepsWhatThePersonIsTyping() {
        Plan plan = plan();
        logIn(plan.ben());
        page.navigate("/projects/" + plan.project().key() + "/list");
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        page.locator("#task-" + plan.design().id() + " td.c-wbs").click();
        page.keyboard().press(" ");
        Locator name = page.locator("#drawer #d-name");
        assertThat(name).hasValue("Design");

        rename(plan, plan.design().id(), "Design the API");
        assertThat(name).hasValue("Design the API");
        assertThat(page.locator("#drawer .live-panel-notice")).hasCount(0);

        // Ana comments on it: the comment shows in Ben's panel, the rest of the panel stays as it was.
        page.evaluate("() => document.querySelector('#drawer #d-name').dataset.marker = 'kept'");
        comments.post(
                plan.ana().user(),
                plan.project().key(),
                plan.design().id(),
                new NewComment("Use the OpenAPI file as the contract", null));
        assertThat(page.locator("#drawer #comments article.comment"))
                .containsText("Use the OpenAPI file as the contract");
        assertThat(name).hasAttribute("data-marker", "kept");

        // Ben starts writing; the next change elsewhere leaves his panel alone and says so.
        page.locator("#drawer #d-description").fill("Draft notes on the endpoints");
        rename(plan, plan.design().id(), "Design the REST API");
        assertThat(page.locator("#drawer .live-panel-notice")).containsText("Someone else changed this task");
        assertThat(page.locator("#drawer #d-description")).hasValue("Draft notes on the endpoints");
        assertThat(name).hasValue("Design the API");
        assertThat(page.locator("#task-" + plan.design().id() + " td[data-field=name]"))
                .containsText("Design the REST API");

        // Ana removes Ben from the project: his page stops following it and says why, without reconnecting.
        projects.removeMember(
                plan.ana().user(), plan.project().key(), plan.ben().user().id());
        assertThat(page.locator("#live")).hasAttribute("data-state", "revoked");
        assertThat(page.locator("#live .live-status")).hasText("No access");
        page.waitForTimeout(2500); // longer than the reconnect delay: it must stay ended
        assertThat(page.locator("#live")).hasAttribute("data-state", "revoked");
    }

    private void rename(Plan plan, long taskId, String name) {
        Task task = tasks.get(admin(), plan.project().key(), taskId).task();
        tasks.update(
                plan.ana().user(),
                plan.project().key(),
                taskId,
                new TaskChanges(
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
                        null,
                        null,
                        task.version()));
    }

    @Test
    void theCalendarAndTheResourcesPageUpdateToo() {
        Plan plan = plan();
        logIn(plan.ben());
        page.navigate("/projects/" + plan.project().key() + "/calendar?date=2026-03-02");
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        Locator buildBar =
                page.locator(".cal-bar[data-id='" + plan.build().id() + "']").first();
        assertThat(buildBar).containsText("Build");
        Task build = tasks.get(admin(), plan.project().key(), plan.build().id()).task();
        tasks.update(
                plan.ana().user(),
                plan.project().key(),
                build.id(),
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
                        build.version()));
        assertThat(page.locator(".cal-bar[data-id='" + plan.build().id() + "']").first())
                .containsText("Build it");
    }

    @Test
    void anOutsiderGets404ForTheStream() {
        Plan plan = plan();
        Person outsider = invite("Olga Outside");
        logIn(outsider);
        APIResponse response =
                page.request().get("/api/v1/projects/" + plan.project().key() + "/events");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
    }
}
