package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.risk.NewRaidEntry;
import org.gantry.server.risk.NewRisk;
import org.gantry.server.risk.RaidService;
import org.gantry.server.risk.Risk;
import org.gantry.server.risk.RiskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Files on a risk and on an entry of the RAID log in Chromium: a member opens a risk from the register, attaches a
 * file by keyboard (the file field focused and filled, Tab to Attach, Enter), sees it listed and downloads it with Enter; an
 * empty file is refused next to the field; a stakeholder sees the files with no form to attach and comments on the
 * risk; the issue's page takes a file the same way.
 */
class RaidFilesPageIT extends BrowserTest {
    private static final byte[] MINUTES = "Vendor call: ships 9 March.".getBytes(StandardCharsets.UTF_8);

    @Autowired
    RiskService risks;

    @Autowired
    RaidService raid;

    @Test
    void aMemberAttachesAFileToARiskByKeyboardSeesItListedAndDownloadsIt() throws Exception {
        Person member = invite("Mia Member");
        Person sponsor = invite("Sam Sponsor");
        Project project = projectWith(member, ProjectRole.MEMBER);
        projects.addMember(admin(), project.key(), new NewMember(sponsor.user().id(), null, ProjectRole.STAKEHOLDER));
        Risk risk = risks.create(
                admin(),
                project.key(),
                new NewRisk(
                        "Vendor late",
                        null,
                        null,
                        null,
                        null,
                        null,
                        3,
                        4,
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
                        null));
        logIn(member);
        page.navigate("/projects/" + project.key() + "/risks");
        page.locator("#risk-" + risk.id() + " a").first().focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/risks/" + risk.id());
        assertThat(page.locator("#no-files")).isVisible();

        // An empty file is refused next to the field, and nothing is listed.
        attachByKeyboard(new FilePayload("empty.txt", "text/plain", new byte[0]));
        assertThat(page.locator("#file-error")).containsText("the file is empty");
        assertThat(page.locator("#no-files")).isVisible();

        attachByKeyboard(new FilePayload("vendor minutes.txt", "text/plain", MINUTES));

        assertThat(page.locator("#flash")).containsText("File attached.");
        assertThat(page.locator("#entry-file-list li")).hasCount(1);
        assertThat(page.locator("#entry-file-list li")).containsText("vendor minutes.txt");
        assertThat(page.locator("#entry-file-list li")).containsText("from Mia Member");
        page.locator("#entry-file-list a").focus();
        Download download = page.waitForDownload(() -> page.keyboard().press("Enter"));
        assertThat(download.suggestedFilename()).isEqualTo("vendor minutes.txt");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(MINUTES);

        // A stakeholder reads the files; there is no form to attach or delete.
        context.clearCookies();
        logIn(sponsor);
        page.navigate("/projects/" + project.key() + "/risks/" + risk.id());
        assertThat(page.locator("#entry-file-list li")).containsText("vendor minutes.txt");
        assertThat(page.locator("#file-form")).hasCount(0);
        assertThat(page.locator("#entry-file-list button")).hasCount(0);
        // ...and comments on the risk, as on the other entries.
        page.locator("#raid-comment-body").focus();
        page.keyboard().type("When do we **know**?");
        page.locator("#raid-comment-form button[type=submit]").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#flash")).containsText("Comment posted.");
        assertThat(page.locator("#raid-comments .comment-body strong")).hasText("know");
        assertThat(page.locator("#raid-comments")).containsText("Sam Sponsor");

        // The entries of the RAID log take files the same way.
        long issue = raid.create(
                        admin(),
                        project.key(),
                        new NewRaidEntry(
                                "ISSUE",
                                "Build red",
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
                                null))
                .id();
        context.clearCookies();
        logIn(member);
        page.navigate("/projects/" + project.key() + "/raid/" + issue);
        attachByKeyboard(new FilePayload("log.txt", "text/plain", MINUTES));
        assertThat(page.locator("#flash")).containsText("File attached.");
        assertThat(page.locator("#entry-file-list li")).containsText("log.txt");
        page.locator("#entry-file-list button").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#flash")).containsText("File deleted.");
        assertThat(page.locator("#no-files")).isVisible();
    }

    /**
     * Focus on the file field, the file chosen (the system's file dialog is not the page's: Playwright fills the
     * field, as headless Chromium opens no dialog for a key), then Tab to Attach and Enter.
     */
    private void attachByKeyboard(FilePayload file) {
        page.locator("#entry-file").focus();
        assertThat(page.locator("#entry-file")).isFocused();
        page.locator("#entry-file").setInputFiles(file);
        page.keyboard().press("Tab");
        assertThat(page.locator("#attach-file")).isFocused();
        page.keyboard().press("Enter");
    }
}
