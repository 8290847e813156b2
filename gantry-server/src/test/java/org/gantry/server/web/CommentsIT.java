package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Comments section of a task's panel, as people use it: Markdown, an @mention picked from the
 * suggestions with the keyboard, a reply with a quote, resolving the thread, and a comment full of
 * script that never runs.
 */
class CommentsIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Test
    void aMemberCommentsWithMarkdownAndAMentionPickedByKeyboardAndTheMentionedPersonIsTold() {
        Person mia = invite("Mia Member");
        Person dana = invite("Dana Designer");
        Project project = projectWith(mia, ProjectRole.MEMBER);
        projects.addMember(admin(), project.key(), new NewMember(dana.user().id(), null, ProjectRole.MEMBER));
        tasks.create(admin(), project.key(), NewTask.named("Write the spec"));
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });

        logIn(mia);
        Locator comments = openComments(project, "Write the spec");
        assertThat(comments.locator("#no-comments")).isVisible();

        Locator box = comments.getByLabel("Add a comment");
        box.click();
        box.pressSequentially("Please **review** by Friday, @Dan");
        Locator suggestions =
                comments.getByRole(AriaRole.LISTBOX, new Locator.GetByRoleOptions().setName("People to mention"));
        assertThat(suggestions.getByRole(AriaRole.OPTION)).hasCount(1);
        assertThat(suggestions.getByRole(AriaRole.OPTION).first()).containsText("Dana Designer");
        box.press("Enter");
        assertThat(box).hasValue("Please **review** by Friday, @" + dana.user().email() + " ");
        box.pressSequentially("thanks! <script>alert('gotcha')</script> <img src=x onerror=\"alert(2)\">");
        comments.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment"))
                .click();

        Locator comment = page.locator("#comments article.comment").first();
        assertThat(comment.locator("strong", new Locator.LocatorOptions().setHasText("review")))
                .isVisible();
        assertThat(comment.locator(".mention")).hasText("@Dana Designer");
        assertThat(comment).containsText("<script>alert('gotcha')</script>");
        assertThat(page.locator("#comments article.comment img")).hasCount(0);
        assertThat(page.getByLabel("Add a comment")).hasValue("");
        assertThat(page.locator("#comments-heading")).hasText("Comments (1)");

        // Dana hears of it in the bell and the notification centre.
        forgetSession();
        logIn(dana);
        Locator bell =
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications")));
        assertThat(bell).hasAccessibleName(Pattern.compile("Notifications\\s+1\\s+unread"));
        bell.click();
        assertThat(page.locator("#notification-list > li").first())
                .containsText("Mia Member mentioned you on “Write the spec”");

        // The comment Dana reads did not run its script either.
        Locator danasView = openComments(project, "Write the spec");
        assertThat(danasView.locator(".mention")).hasText("@Dana Designer");
        assertThat(dialogs).as("no script in a comment ever runs").isEmpty();
    }

    @Test
    void aReplyQuotesTheCommentTheThreadIsResolvedAndTheAuthorEditsAndDeletesWithTheKeyboard() {
        Person mia = invite("Mia Member");
        Project project = projectWith(mia, ProjectRole.MEMBER);
        tasks.create(admin(), project.key(), NewTask.named("Pick a vendor"));
        logIn(mia);
        Locator comments = openComments(project, "Pick a vendor");
        comments.getByLabel("Add a comment").fill("Which vendor is cheaper?");
        comments.getByLabel("Add a comment").press("Tab");
        // The optional file picker comes between the text and the button.
        assertThat(comments.locator("#comment-form").getByLabel("Attach files (optional)"))
                .isFocused();
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")))
                .isFocused();
        page.keyboard().press("Enter");
        Locator thread = page.locator("#comments li.comment-thread").first();
        assertThat(thread).containsText("Which vendor is cheaper?");

        thread.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Quote Mia Member"))
                .click();
        Locator reply = thread.getByLabel("Your reply");
        assertThat(reply).isFocused();
        assertThat(reply).hasValue("> Which vendor is cheaper?\n\n");
        reply.pressSequentially("Acme, by 10 %.");
        thread.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post reply"))
                .click();
        thread = page.locator("#comments li.comment-thread").first();
        assertThat(thread.locator(".comment-replies blockquote")).containsText("Which vendor is cheaper?");
        assertThat(thread.locator(".comment-replies")).containsText("Acme, by 10 %.");

        thread.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve thread"))
                .click();
        thread = page.locator("#comments li.comment-thread").first();
        assertThat(thread).hasClass(Pattern.compile("resolved"));
        assertThat(thread.locator(".comment-resolved").first()).hasText("Resolved by Mia Member");

        // Edit: open with the keyboard, change, save.
        Locator first = thread.locator("article.comment").first();
        Locator edit = first.locator("details.comment-edit > summary");
        edit.focus();
        page.keyboard().press("Enter");
        first.getByRole(
                        AriaRole.TEXTBOX,
                        new Locator.GetByRoleOptions().setName("Your comment").setExact(true))
                .fill("Which vendor is cheaper over three years?");
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save comment"))
                .click();
        first = page.locator("#comments li.comment-thread article.comment").first();
        assertThat(first).containsText("over three years");
        assertThat(first.locator(".comment-edited")).hasText("(edited)");

        first.locator("details.comment-delete > summary").click();
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete comment"))
                .click();
        assertThat(page.locator("#comments li.comment-thread article.comment")
                        .first()
                        .locator(".comment-deleted"))
                .hasText("This comment was deleted.");
        assertThat(page.locator("#comments .comment-replies")).containsText("Acme, by 10 %.");
    }

    @Test
    void aStakeholderMayCommentButAnEmptyCommentIsRefusedAndKeepsNothing() {
        Person sponsor = invite("Sam Sponsor");
        Project project = projectWith(sponsor, ProjectRole.STAKEHOLDER);
        tasks.create(admin(), project.key(), NewTask.named("Go live"));
        logIn(sponsor);
        Locator comments = openComments(project, "Go live");
        comments.getByLabel("Add a comment").fill("   ");
        comments.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment"))
                .click();
        assertThat(page.locator("#comment-error")).containsText("the comment is required");
        assertThat(page.locator("#no-comments")).isVisible();

        page.getByLabel("Add a comment").fill("Is the date still safe?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                .click();
        assertThat(page.locator("#comments article.comment")).hasCount(1);
        assertThat(page.locator("#comments article.comment")).containsText("Is the date still safe?");
    }

    private Locator openComments(Project project, String taskName) {
        page.navigate("/projects/" + project.key() + "/list");
        page.locator("tr.task-row[data-name=\"" + taskName + "\"] td.c-wbs").click();
        page.keyboard().press(" ");
        Locator comments = page.locator("#drawer #comments");
        assertThat(comments.locator("#comments-heading")).isVisible();
        return comments;
    }
}
