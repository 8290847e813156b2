package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Attachments section of a task's panel, as people use it: attach an image with the file picker,
 * see it listed with a thumbnail, preview it whole, download it through its link, and delete it; drop a file onto the
 * section and watch its progress bar; post a comment with files.
 */
class AttachmentsIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    static byte[] png() {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 2, 0x3366ff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Test
    void aMemberAttachesAnImageSeesItsThumbnailDownloadsItAndDeletesIt() throws IOException {
        Person mia = invite("Mia Member");
        Project project = projectWith(mia, ProjectRole.MEMBER);
        tasks.create(admin(), project.key(), NewTask.named("Design the logo"));
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });

        logIn(mia);
        Locator section = openAttachments(project, "Design the logo");
        assertThat(section.locator("#no-attachments")).isVisible();
        byte[] image = png();

        section.getByLabel("Attach a file").setInputFiles(new FilePayload("logo draft.png", "image/png", image));

        Locator item = page.locator("#attachments li.attachment").first();
        assertThat(item).containsText("logo draft.png");
        assertThat(item).containsText("Mia Member");
        assertThat(page.locator("#attachments-heading")).hasText("Attachments (1)");
        assertThat(page.locator("#attachment-status")).containsText("Uploaded logo draft.png");
        Locator thumbnail = item.getByRole(AriaRole.IMG);
        assertThat(thumbnail).hasAttribute("alt", "Preview of logo draft.png");
        page.waitForCondition(() -> (Boolean) thumbnail.evaluate("img => img.complete && img.naturalWidth === 8"));

        // The preview shows the whole image in a dialog, opened and closed with the keyboard.
        Locator previewButton =
                item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview logo draft.png"));
        previewButton.focus();
        page.keyboard().press("Enter");
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("logo draft.png"));
        assertThat(dialog).isVisible();
        Locator full = dialog.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("logo draft.png"));
        page.waitForCondition(() -> (Boolean) full.evaluate("img => img.complete && img.naturalWidth === 8"));
        assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")))
                .isFocused();
        assertAccessible("image preview open");
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(previewButton).isFocused();

        Download download =
                page.waitForDownload(() -> item.getByRole(AriaRole.LINK).click());
        assertThat(download.suggestedFilename()).isEqualTo("logo draft.png");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(image);

        Locator delete = item.locator("details.attachment-delete > summary");
        delete.focus();
        page.keyboard().press("Enter");
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete attachment logo draft.png"))
                .click();
        assertThat(page.locator("#attachments li.attachment")).hasCount(0);
        assertThat(page.locator("#attachments-heading")).hasText("Attachments (0)");
        assertThat(page.locator("#attachment-status")).hasText("Attachment deleted.");
        assertThat(errors).as("no console errors").isEmpty();
    }

    @Test
    void aCommentPostedWithAFileShowsItUnderTheCommentAndATooLargeFilePostsNothing() throws IOException {
        Person mia = invite("Mia Member");
        Project project = projectWith(mia, ProjectRole.MEMBER);
        tasks.create(admin(), project.key(), NewTask.named("Pick the colours"));
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });

        logIn(mia);
        openAttachments(project, "Pick the colours");
        Locator comments = page.locator("#drawer #comments");
        comments.getByLabel("Add a comment").fill("The palette we agreed on");
        byte[] image = png();
        comments.locator("#comment-form").getByLabel("Attach files (optional)").setInputFiles(new FilePayload[] {
            new FilePayload("palette.png", "image/png", image),
            new FilePayload("notes.txt", "text/plain", "teal, sand".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        });
        comments.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment"))
                .click();

        Locator comment = page.locator("#drawer #comments article.comment").first();
        assertThat(comment).containsText("The palette we agreed on");
        Locator files = comment.locator("li.attachment");
        assertThat(files).hasCount(2);
        assertThat(files.nth(0)).containsText("palette.png");
        assertThat(files.nth(1)).containsText("notes.txt");
        assertThat(files.nth(0).getByRole(AriaRole.IMG)).hasAttribute("alt", "Preview of palette.png");
        Download download =
                page.waitForDownload(() -> files.nth(1).getByRole(AriaRole.LINK).click());
        assertThat(Files.readString(download.path())).isEqualTo("teal, sand");
        // Files on a comment are not listed a second time among the task's attachments.
        assertThat(page.locator("#drawer #attachments-heading")).hasText("Attachments (0)");

        // Over the per-file limit: the comment is not posted and the typed text stays in its box.
        comments.getByLabel("Add a comment").fill("And the big mood board");
        comments.locator("#comment-form")
                .getByLabel("Attach files (optional)")
                .setInputFiles(
                        new FilePayload("board.bin", "application/octet-stream", new byte[25 * 1024 * 1024 + 1]));
        comments.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment"))
                .click();
        assertThat(page.locator("#comment-error")).containsText("Nothing was stored");
        assertThat(page.locator("#drawer #comments article.comment")).hasCount(1);
        assertThat(page.locator("#new-comment")).hasValue("And the big mood board");
        assertThat(errors).as("no console errors").isEmpty();
    }

    /**
     * A file dropped onto the section is uploaded like a chosen one, with the progress bar shown while it
     * goes (the browser's drop event carries the file, as when it is dragged from the desktop).
     */
    @Test
    void aFileDroppedOnTheSectionIsUploadedWithAProgressBar() {
        Person mia = invite("Mia Member");
        Project project = projectWith(mia, ProjectRole.MEMBER);
        tasks.create(admin(), project.key(), NewTask.named("Collect the quotes"));

        logIn(mia);
        Locator section = openAttachments(project, "Collect the quotes");
        // Record what the progress bar shows while the upload runs (it is hidden again afterwards).
        page.evaluate(
                "() => { window.progressSeen = [];"
                        + " new MutationObserver((changes) => changes.forEach((c) => {"
                        + "   if (c.target.id === 'attachment-progress') {"
                        + "     window.progressSeen.push((c.target.hidden ? 'hidden ' : 'shown ') + c.target.value); } }))"
                        + " .observe(document.body, {subtree: true, attributes: true, attributeFilter: ['hidden', 'value']}); }");
        Object dataTransfer = page.evaluateHandle("() => { const data = new DataTransfer();"
                + " data.items.add(new File(['quote A: 12,000'], 'quote A.txt', {type: 'text/plain'}));"
                + " return data; }");
        Locator drop = section.locator("#attachment-drop");
        drop.dispatchEvent("dragover", java.util.Map.of("dataTransfer", dataTransfer));
        assertThat(drop).hasClass(java.util.regex.Pattern.compile("\\bdragging\\b"));
        drop.dispatchEvent("drop", java.util.Map.of("dataTransfer", dataTransfer));

        Locator item = page.locator("#attachments li.attachment").first();
        assertThat(item).containsText("quote A.txt");
        assertThat(page.locator("#attachment-status")).containsText("Uploaded quote A.txt");
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) page.evaluate("() => window.progressSeen");
        assertThat(seen).as("the bar was shown while uploading").contains("shown 0");
        assertThat(seen).as("and reached the end").anyMatch(state -> state.endsWith(" 100"));
        assertThat(page.locator("#attachment-drop")).not().hasClass(java.util.regex.Pattern.compile("\\bdragging\\b"));
    }

    private Locator openAttachments(Project project, String taskName) {
        page.navigate("/projects/" + project.key() + "/list");
        page.locator("tr.task-row[data-name=\"" + taskName + "\"] td.c-wbs").click();
        page.keyboard().press(" ");
        Locator section = page.locator("#drawer #attachments");
        assertThat(section.locator("#attachments-heading")).isVisible();
        return section;
    }
}
