package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.util.regex.Pattern;
import org.gantry.server.identity.ApiTokenService;
import org.gantry.server.identity.TokenRequest;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A release linked to a milestone shows on the Gantt: a CI server delivers a release and its deployment, links
 * the release to the milestone over the REST API, and the manager's open chart flags the milestone without a
 * reload; the flag's title, the tooltip and the row's text for screen readers list the deployment.
 */
class GanttReleaseIT extends BrowserTest {
    private static final String SHA = "7777777aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Autowired
    TaskService tasks;

    @Autowired
    ApiTokenService tokens;

    @Test
    void aMilestoneLinkedToAReleaseShowsItsDeployments() {
        Person manager = invite("Rita Release");
        Project project = projectWith(manager, ProjectRole.MANAGER);
        tasks.create(manager.user(), project.key(), NewTask.named("Build"));
        Task launch = tasks.create(
                manager.user(),
                project.key(),
                new NewTask(
                        "Launch", null, null, null, true, null, null, null, null, null, null, null, null, null, null,
                        null));
        String token = tokens.create(new TokenRequest(ADMIN_EMAIL, ADMIN_PASSWORD, "ci", null), "127.0.0.1")
                .token();
        CiServer ci = new CiServer(port, token).connect(project.key());
        ci.deliver(
                "release",
                "{\"repository\":\"acme/shop\",\"tag\":\"v2.0\",\"name\":\"Launch release\",\"sha\":\"" + SHA
                        + "\",\"publishedAt\":\"2026-03-04T09:00:00Z\"}");
        ci.deliver(
                "deployment",
                "{\"repository\":\"acme/shop\",\"id\":\"p1\",\"environment\":\"production\",\"status\":\"success\","
                        + "\"sha\":\"" + SHA + "\",\"at\":\"2026-03-04T10:00:00Z\"}");
        logIn(manager);

        page.navigate("/projects/" + project.key() + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        assertThat(page.locator("#gantt")).hasAttribute("data-releases", "0");
        assertThat(page.locator(".gantt-release")).hasCount(0);

        long release = JsonMapper.shared()
                .readTree(ci.api("GET", "/api/v1/projects/" + project.key() + "/releases", "", 200))
                .get(0)
                .get("id")
                .asLong();
        ci.api(
                "PUT",
                "/api/v1/projects/" + project.key() + "/releases/" + release + "/milestone",
                "{\"milestoneTaskId\":" + launch.id() + ",\"version\":0}",
                200);

        // Live: the link bumps the project's change number, the chart fetches the releases again.
        Locator flag = page.locator(".gantt-release");
        assertThat(flag).hasCount(1);
        assertThat(flag).hasAttribute("data-task", String.valueOf(launch.id()));
        assertThat(flag).hasAttribute("data-deployments", "1");
        assertThat(flag.locator("title"))
                .hasText(Pattern.compile(
                        "^Release v2\\.0 “Launch release” \\(acme/shop\\): production success 2026-03-04 10:00$"));
        Locator spoken = page.locator("#gantt [role=row] .gantt-release-text");
        assertThat(spoken).hasCount(1);
        assertThat(spoken.locator("xpath=ancestor::*[@role='row']")).containsText("Launch");
        assertThat(spoken).containsText("production success");
        // Resting the pointer on the milestone tells its deployments in the tooltip.
        BoundingBox diamond = page.locator(".gantt-milestone").boundingBox();
        page.mouse().move(diamond.x + diamond.width / 2, diamond.y + diamond.height / 2);
        assertThat(page.locator(".gantt-tooltip")).containsText("Release v2.0");
        assertThat(page.locator(".gantt-tooltip")).containsText("production success");
        assertAccessible("a milestone with a release");
        screenshot("gantt-release");
    }
}
