package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.gantry.server.api.SecondInstance;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.LinkService;
import org.gantry.server.task.LinkType;
import org.gantry.server.task.NewLink;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two servers on one database, as behind a load balancer: the test's own server and a second Gantry started
 * here on another port against the same (embedded) PostgreSQL. Each person's browser talks to a different
 * server; a bar one of them drags moves, with its successor, on the other's chart within a second, and each
 * sees the other in "who is here". The servers share nothing but the database (LISTEN/NOTIFY).
 */
class TwoServersIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Autowired
    LinkService links;

    @Autowired
    DataSource dataSource;

    private SecondInstance second;
    private BrowserContext otherContext;
    private final List<String> otherErrors = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopSecondServer() {
        if (otherContext != null) {
            otherContext.close();
        }
        if (second != null) {
            second.close();
        }
        assertThat(otherErrors).as("errors in the second browser's console").isEmpty();
    }

    private int startSecondServer() throws Exception {
        second = SecondInstance.on(dataSource);
        return second.port();
    }

    @Test
    void aBarDraggedOnOneServerMovesWithItsSuccessorOnTheOtherServersChartWithinASecond() throws Exception {
        int secondPort = startSecondServer();
        Person ana = invite("Ana Lima");
        Person ben = invite("Ben Okafor");
        Project project = projects.create(
                admin(),
                new NewProject(
                        "T" + unique(), "Two servers " + unique(), null, LocalDate.of(2026, 3, 2), null, null, null));
        projects.addMember(admin(), project.key(), new NewMember(ana.user().id(), null, ProjectRole.MANAGER));
        projects.addMember(admin(), project.key(), new NewMember(ben.user().id(), null, ProjectRole.MEMBER));
        Task design = tasks.create(admin(), project.key(), LiveUpdatesIT.withDuration("Design", "2d"));
        Task build = tasks.create(admin(), project.key(), LiveUpdatesIT.withDuration("Build", "3d"));
        links.create(
                admin(), project.key(), new NewLink(design.id(), build.id(), LinkType.FINISH_START, null, null, null));

        // Ana on this server, Ben on the second one.
        logIn(ana);
        LiveUpdatesIT.openGantt(page, project);
        otherContext = context.browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + secondPort)
                        .setViewportSize(1400, 900));
        otherContext.setDefaultTimeout(30_000);
        Page benPage = otherContext.newPage();
        benPage.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                otherErrors.add(message.text() + " at " + message.location());
            }
        });
        benPage.onPageError(error -> otherErrors.add("page error: " + error));
        LiveUpdatesIT.logIn(benPage, ben);
        LiveUpdatesIT.openGantt(benPage, project);

        // Who is here, across servers.
        assertThat(page.locator("#live .live-viewers")).containsText("Ben Okafor");
        assertThat(benPage.locator("#live .live-viewers")).containsText("Ana Lima");

        double designBefore = LiveUpdatesIT.x(LiveUpdatesIT.bar(benPage, 0));
        double buildBefore = LiveUpdatesIT.x(LiveUpdatesIT.bar(benPage, 1));
        // When Ana lets go of the bar, and when her own page shows the server's answer.
        page.evaluate(
                "() => { document.addEventListener('pointerup', () => { window.droppedAt = Date.now(); }, true);"
                        + " new MutationObserver(() => { window.savedAt = Date.now(); })"
                        + ".observe(document.getElementById('gantt-message'), { childList: true, characterData: true, subtree: true }); }");
        LiveUpdatesIT.drag(page, LiveUpdatesIT.bar(page, 0), 3);
        assertThat(page.locator("#gantt-message")).containsText("moved");

        benPage.waitForFunction(
                "([design, build]) => {"
                        + " const d = document.querySelector('.gantt-task[data-row=\"0\"] .gantt-bar').getBoundingClientRect().x;"
                        + " const b = document.querySelector('.gantt-task[data-row=\"1\"] .gantt-bar').getBoundingClientRect().x;"
                        + " return d > design + 10 && b > build + 10; }",
                List.of(designBefore, buildBefore));
        long redrawnAt = ((Number) benPage.evaluate("() => window.liveUpdatedAt")).longValue();
        long droppedAt = ((Number) page.evaluate("() => window.droppedAt")).longValue();
        long savedAt = ((Number) page.evaluate("() => window.savedAt")).longValue();
        System.out.println(
                "live-update latency: Ana drops the bar -> Ben's chart (server 2) redrawn " + (redrawnAt - droppedAt)
                        + " ms; Ana's own page showed the server's answer after " + (savedAt - droppedAt) + " ms");
        // The edit itself (Ana's request, the reschedule) takes what it takes on a busy machine; what live updates
        // add is the time from the saved change to the other chart: under a second, as the issue asks.
        assertThat(redrawnAt - savedAt)
                .as("milliseconds from Ana's saved move to Ben's chart (server 2) redrawn")
                .isLessThan(1_000);
        assertThat(benPage.evaluate("() => window.liveMarker")).isEqualTo("not reloaded");

        // And back: Ben (server 2) makes Build longer; Ana's chart (server 1) shows the longer bar.
        // Ana's chart may be redrawing after her own save and the live event: read the width once the bar is there.
        double buildWidth = ((Number) page.waitForFunction(
                                "() => { const b = document.querySelector('.gantt-task[data-row=\"1\"] .gantt-bar');"
                                        + " const w = b && b.getBoundingClientRect().width; return w > 0 ? w : null; }")
                        .jsonValue())
                .doubleValue();
        benPage.locator(".gantt-task[data-row=\"1\"] .gantt-bar").dblclick();
        benPage.locator("#gantt-task-dialog").waitFor();
        benPage.locator("#gantt-task-duration").fill("4d");
        benPage.locator("#gantt-task-save").click();
        assertThat(benPage.locator("#gantt-task-dialog")).isHidden();
        page.waitForFunction(
                "width => document.querySelector('.gantt-task[data-row=\"1\"] .gantt-bar').getBoundingClientRect().width"
                        + " > width * 1.2",
                buildWidth);

        // Ben leaves: Ana's indicator drops him.
        otherContext.close();
        otherContext = null;
        assertThat(page.locator("#live .live-viewers")).not().containsText("Ben Okafor");
    }
}
