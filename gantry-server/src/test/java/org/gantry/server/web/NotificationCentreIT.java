package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.gantry.server.collaboration.CommentService;
import org.gantry.server.collaboration.NewComment;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bell and the notification centre in the browser: after another person assigns and mentions you,
 * the bell in the sidebar says how many are unread, the centre lists each with its reason, marking one
 * read (and then all) lowers the count; the notification's link opens the task, whose panel has the
 * Watch button.
 */
class NotificationCentreIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Autowired
    CommentService comments;

    @Test
    void theBellCountsAnotherPersonsAssignmentAndMentionAndMarkingReadLowersIt() {
        Person bob = invite("Bob Builder");
        Project project = projectWith(bob, ProjectRole.MEMBER);
        NewTask named = NewTask.named("Pour the foundation");
        Task task = tasks.create(
                admin(),
                project.key(),
                new NewTask(
                        named.name(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(bob.user().id()),
                        "2d",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        comments.post(
                admin(),
                project.key(),
                task.id(),
                new NewComment("@" + bob.user().email() + " can you start on Monday?", null));

        logIn(bob);
        Locator bell =
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications")));
        assertThat(bell).hasAccessibleName(Pattern.compile("Notifications\\s+2\\s+unread"));

        bell.click();
        page.waitForURL("**/notifications");
        Locator items = page.locator("#notification-list > li");
        assertThat(items).hasCount(2);
        assertThat(items.filter(new Locator.FilterOptions().setHasText("You were assigned to “Pour the foundation”")))
                .containsText("Assigned");
        assertThat(items.filter(new Locator.FilterOptions().setHasText("mentioned you")))
                .containsText("Mentioned");
        assertThat(items.first()).containsText("can you start on Monday");

        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(Pattern.compile("^Mark read: You were assigned")))
                .click();
        assertThat(page.locator("#notification-bell"))
                .hasAccessibleName(Pattern.compile("Notifications\\s+1\\s+unread"));
        assertThat(page.locator("#unread-summary")).containsText("1 unread");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Unread").setExact(true))
                .click();
        assertThat(page.locator("#notification-list > li")).hasCount(1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark all read"))
                .click();
        assertThat(page.locator("#no-notifications")).hasText("Nothing unread.");
        assertThat(page.locator("#notification-bell")).hasAccessibleName("Notifications");

        // The link opens the task's panel; Bob watches it as its assignee and can stop.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("You were assigned to “Pour the foundation”"))
                .click();
        Locator drawer = page.locator("#drawer");
        assertThat(drawer.locator("h2")).hasText("Pour the foundation");
        Locator stop = drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop watching"));
        assertThat(stop).hasAttribute("aria-pressed", "true");
        stop.click();
        assertThat(drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Watch")))
                .hasAttribute("aria-pressed", "false");
    }

    @Test
    void preferencesAreSavedFromThePage() {
        Person ann = invite("Ann Planner");
        projectWith(ann, ProjectRole.MANAGER);
        logIn(ann);
        page.navigate("/notifications/preferences");
        page.getByLabel("E-mail: A task entered the critical path").selectOption("DIGEST");
        page.getByLabel("Daily digest at").fill("17:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preferences"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Preferences saved.");
        assertThat(page.getByLabel("E-mail: A task entered the critical path")).hasValue("DIGEST");
        assertThat(page.getByLabel("Daily digest at")).hasValue("17:30");
    }

    @Test
    void anOwnerSetsTheScheduleAlertThresholdOnTheSettingsPageAndAMemberOnlySeesIt() {
        Person mia = invite("Mia Member");
        Project project = projectWith(mia, ProjectRole.MEMBER);
        logInAsAdmin();
        page.navigate("/projects/" + project.key() + "/settings");
        Locator threshold = page.getByLabel("Tell watchers when a task moves by more than");
        threshold.fill("soon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save alerts"))
                .click();
        assertThat(page.locator("#schedule-alerts .field-error")).containsText("a working duration such as 1d");
        page.getByLabel("Tell watchers when a task moves by more than").fill("2d");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save alerts"))
                .click();
        assertThat(page.locator("#schedule-alerts [role=status]")).hasText("Saved.");
        page.reload();
        assertThat(page.getByLabel("Tell watchers when a task moves by more than"))
                .hasValue("2d");

        forgetSession();
        logIn(mia);
        page.navigate("/projects/" + project.key() + "/settings");
        assertThat(page.getByLabel("Tell watchers when a task moves by more than"))
                .isDisabled();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save alerts")))
                .hasCount(0);
    }
}
