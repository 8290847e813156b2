package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "My work" page in headless Chromium: a member who manages no project lands on it after login, sees
 * an overdue task of one project and an open one of another, and opens the overdue one in its project's
 * list with the keyboard; a project's owner still lands on the project list.
 */
class MyWorkPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Test
    void aMemberLandsOnMyWorkSeesTheOverdueTaskAndOpensItWithTheKeyboard() {
        Person member = invite("Mia Mywork");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Project late = projectFrom(today.minusDays(20), member);
        Project later = projectFrom(today.minusDays(20), member);
        Task overdue = tasks.create(admin(), late.key(), assigned("Fix the login page", member, null));
        Task open = tasks.create(
                admin(),
                later.key(),
                assigned("Plan the next release", member, today.plusDays(20).atTime(8, 0)));
        tasks.create(admin(), late.key(), NewTask.named("Nobody's task"));

        logIn(member);

        page.waitForURL("**/my-work");
        assertThat(page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("My work")))
                .hasAttribute("aria-current", "page");
        assertThat(page.locator("#group-overdue .my-task")).hasCount(1);
        assertThat(page.locator("#group-overdue .my-task td").nth(0)).hasText(late.key());
        assertThat(page.locator("#group-overdue .my-task td").nth(1)).hasText(overdue.wbs());
        assertThat(page.locator("#group-overdue .my-task td").nth(2)).hasText("Fix the login page");
        assertThat(page.locator("#group-overdue .my-task td").nth(3)).hasText("To do");
        assertThat(page.locator("#group-overdue .finish.late")).isVisible();
        assertThat(page.locator("#group-open .my-task")).containsText("Plan the next release");
        assertThat(page.locator("#group-open a.task-link"))
                .hasAttribute("href", "/projects/" + later.key() + "/list?task=" + open.id());
        assertThat(page.locator("main")).not().containsText("Nobody's task");
        assertThat(page.locator("#my-column-TO_DO .my-card")).hasCount(2);
        assertThat(page.locator("#my-work-summary"))
                .hasText("2 unfinished tasks assigned to you across your projects.");
        assertAccessible("my work with tasks");

        page.locator("#group-overdue a.task-link").focus();
        page.keyboard().press("Enter");

        page.waitForURL("**/projects/" + late.key() + "/list?task=" + overdue.id());
        assertThat(page.locator("#drawer h2")).hasText("Fix the login page");
        assertThat(page.locator("tr.task-row[data-name=\"Plan the next release\"]"))
                .hasCount(0);
    }

    @Test
    void someoneWithNothingAssignedIsToldSoAndAnOwnerStillLandsOnTheProjects() {
        Person member = invite("Nia Nothing");
        projectFrom(LocalDate.now(ZoneOffset.UTC), member);
        logIn(member);
        page.waitForURL("**/my-work");
        assertThat(page.locator("#no-work")).isVisible();
        assertAccessible("my work without tasks");

        forgetSession();
        Person owner = invite("Otto Owner");
        projectWith(owner, ProjectRole.OWNER);
        logIn(owner);
        page.waitForURL("**/projects");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("My work"))
                .click();
        page.waitForURL("**/my-work");
        assertThat(page.locator("#no-work")).isVisible();
    }

    /** A project owned by the admin that started on {@code start} (UTC), with {@code member} as a member. */
    private Project projectFrom(LocalDate start, Person member) {
        Project project = projects.create(
                admin(), new NewProject("M" + unique(), "Project " + unique(), null, start, "UTC", null, null));
        projects.addMember(admin(), project.key(), new NewMember(member.user().id(), null, ProjectRole.MEMBER));
        return project;
    }

    /** A one-day task assigned to {@code person}: as soon as possible, or not before {@code start}. */
    private static NewTask assigned(String name, Person person, java.time.LocalDateTime start) {
        return new NewTask(
                name,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(person.user().id()),
                "1d",
                null,
                null,
                start,
                null,
                null,
                null);
    }
}
