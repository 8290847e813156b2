package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.gantry.server.identity.ApiTokenService;
import org.gantry.server.identity.TokenRequest;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Development section of a task's panel in headless Chromium: a merged pull request naming the task,
 * delivered by CI through a webhook, shows on the task with its state, checks and the environment its merge
 * reached, and the project's status rule has moved the task to Done. A task nothing names says how to link
 * one.
 */
class DevelopmentPanelIT extends BrowserTest {
    private static final String HEAD = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private static final String MERGE = "e5bd3914e2e596debea16f433f57875b5b90bcd6";

    @Autowired
    ApiTokenService tokens;

    @Autowired
    TaskService tasks;

    @Test
    void aMergedPullRequestNamingTheTaskShowsOnItAndMovesItToDone() {
        Person member = invite("Dev Panel");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task login = tasks.create(admin(), project.key(), NewTask.named("Login form"));
        Task other = tasks.create(admin(), project.key(), NewTask.named("Something else"));
        String token = tokens.create(new TokenRequest(ADMIN_EMAIL, ADMIN_PASSWORD, "ci", null), "127.0.0.1")
                .token();
        CiServer ci = new CiServer(port, token).connect(project.key());
        ci.api(
                "PUT",
                "/api/v1/projects/" + project.key() + "/status-rules",
                "{\"pullRequestMerged\":\"done\",\"version\":0}",
                200);
        String key = project.key() + "-" + login.id();

        ci.deliver(
                "pull_request",
                "{\"repository\":\"acme/shop\",\"number\":7,\"title\":\"" + key + " Login form\",\"state\":\"merged\","
                        + "\"url\":\"https://git.example.com/acme/shop/pull/7\",\"sourceBranch\":\"feature/login\","
                        + "\"targetBranch\":\"main\",\"headSha\":\"" + HEAD + "\",\"mergeSha\":\"" + MERGE + "\","
                        + "\"openedAt\":\"2026-03-02T09:00:00Z\",\"mergedAt\":\"2026-03-03T09:30:00Z\"}");
        ci.deliver(
                "check",
                "{\"repository\":\"acme/shop\",\"id\":\"42\",\"name\":\"build\",\"status\":\"completed\","
                        + "\"conclusion\":\"success\",\"sha\":\"" + HEAD + "\"}");
        ci.deliver(
                "deployment",
                "{\"repository\":\"acme/shop\",\"id\":\"d1\",\"environment\":\"production\",\"status\":\"success\","
                        + "\"sha\":\"" + MERGE + "\",\"at\":\"2026-03-03T10:05:00Z\"}");
        logIn(member);

        page.navigate("/projects/" + project.key() + "/list?task=" + login.id());
        Locator drawer = page.locator("#drawer");
        assertThat(drawer.getByLabel("Name")).hasValue("Login form");
        Locator section = drawer.locator("section#task-development");
        Locator pull = section.locator("#development-pulls li");
        assertThat(pull).hasCount(1);
        assertThat(pull).hasAttribute("data-state", "MERGED");
        assertThat(pull).containsText("acme/shop #7");
        assertThat(pull).containsText("Merged");
        assertThat(pull.locator("a")).hasAttribute("href", "https://git.example.com/acme/shop/pull/7");
        assertThat(section.locator("#development-checks")).containsText("build");
        assertThat(section.locator("#development-checks")).containsText("success");
        assertThat(section.locator("#development-environments")).containsText("production");
        assertThat(section.locator("#development-environments")).containsText("e5bd391");
        assertThat(drawer.locator("#d-status")).hasValue("done");
        assertAccessible("task panel with its development");

        page.navigate("/projects/" + project.key() + "/list?task=" + other.id());
        assertThat(page.locator("#drawer").getByLabel("Name")).hasValue("Something else");
        assertThat(page.locator("#development-empty")).containsText(project.key() + "-" + other.id());
        assertThat(page.locator("#development-pulls")).hasCount(0);
    }
}
