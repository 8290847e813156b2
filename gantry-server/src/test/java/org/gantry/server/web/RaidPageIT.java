package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.gantry.server.collaboration.CommentService;
import org.gantry.server.collaboration.NewComment;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.risk.NewRaidEntry;
import org.gantry.server.risk.NewRisk;
import org.gantry.server.risk.RaidEntry;
import org.gantry.server.risk.RaidEntryChanges;
import org.gantry.server.risk.RaidService;
import org.gantry.server.risk.Risk;
import org.gantry.server.risk.RiskOccurred;
import org.gantry.server.risk.RiskService;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The RAID log page in the browser: a member adds an entry of each kind with the form (the service's field
 * errors shown next to their fields, nothing typed lost), filters the log by kind, status and text with the
 * filters in the address, and downloads the filtered log as CSV; an edit made stale by someone else shows the
 * entry as it is now and what the person typed; a manager deletes an entry after confirming; a stakeholder
 * reads the log, the decision's who and why and the issue's risk, with no form but the comment form (comments
 * as on tasks, others' replies appearing live); and the log refreshes in place when someone else adds an entry.
 */
class RaidPageIT extends BrowserTest {
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Autowired
    TaskService tasks;

    @Autowired
    RiskService risks;

    @Autowired
    RaidService raid;

    @Autowired
    CommentService comments;

    private Task task(Person owner, Project project, String name) {
        return tasks.create(
                owner.user(),
                project.key(),
                new NewTask(
                        name, null, null, null, null, null, null, null, null, "2d", null, null, null, null, null,
                        null));
    }

    private Risk risk(Person owner, Project project, String title) {
        return risks.create(
                owner.user(),
                project.key(),
                new NewRisk(
                        title, null, null, null, null, null, 3, 4, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null));
    }

    private static NewRaidEntry entry(String type, String title) {
        return new NewRaidEntry(type, title, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private Person member(Project project, String name, ProjectRole role) {
        Person person = invite(name);
        projects.addMember(admin(), project.key(), new NewMember(person.user().id(), null, role));
        return person;
    }

    private Locator rows() {
        return page.locator("#raid-list tbody tr");
    }

    /** The row of the one entry of this kind. */
    private Locator kind(String type) {
        return page.locator("#raid-list tbody tr[data-kind='" + type + "']");
    }

    private void add() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add entry"))
                .click();
    }

    @Test
    void aMemberAddsEachKindSeesWhatIsWrongFiltersAndExportsWhatIsShown() throws Exception {
        Person owner = invite("Olga Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        Task install = task(owner, project, "Install racks");
        Risk vendor = risk(owner, project, "Vendor ships late");
        Person member = member(project, "Mara Member", ProjectRole.MEMBER);

        logIn(member);
        page.navigate("/projects/" + project.key() + "/list");
        page.getByLabel("Project views")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("RAID log").setExact(true))
                .click();
        assertThat(rows()).hasCount(1);
        assertThat(rows().first()).containsText("Vendor ships late");
        assertThat(rows().first().locator(".badge")).hasText("Risk");

        // A decision without a title and decided in 1800: both messages next to their fields, the rest kept.
        page.getByLabel("Kind", EXACT).selectOption("DECISION");
        page.getByLabel("Decided by", EXACT)
                .selectOption(String.valueOf(owner.user().id()));
        page.getByLabel("Decided on", EXACT).fill("1800-01-01");
        page.getByLabel("Why (rationale)", EXACT).fill("Cheaper and two weeks sooner");
        add();
        assertThat(page.locator("#add-entry-problem")).containsText("please correct the fields marked below");
        assertThat(page.locator("#raid-title-error")).hasText("is required");
        assertThat(page.locator("#raid-decided-on-error")).containsText("must be between 1900-01-01");
        assertThat(page.getByLabel("Title", EXACT)).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Why (rationale)", EXACT)).hasValue("Cheaper and two weeks sooner");
        assertThat(page.getByLabel("Kind", EXACT)).hasValue("DECISION");
        assertAccessible("validation errors");

        page.getByLabel("Title", EXACT).fill("Use vendor B");
        page.getByLabel("Status", EXACT).selectOption("DECIDED");
        page.getByLabel("Decided on", EXACT).fill("2026-03-04");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add entry"))
                .focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#flash")).containsText("Entry added");
        Locator decision = kind("DECISION");
        assertThat(decision).containsText("Decided by Olga Owner on 2026-03-04: Cheaper and two weeks sooner");

        page.getByLabel("Kind", EXACT).selectOption("ASSUMPTION");
        page.getByLabel("Title", EXACT).fill("Racks arrive assembled");
        page.getByLabel("Owner", EXACT)
                .selectOption(String.valueOf(member.user().id()));
        add();
        assertThat(kind("ASSUMPTION")).containsText("Mara Member");

        page.getByLabel("Kind", EXACT).selectOption("ISSUE");
        page.getByLabel("Title", EXACT).fill("Server room too warm");
        page.getByLabel("Status", EXACT).selectOption("IN_PROGRESS");
        page.getByLabel("From risk", EXACT).selectOption(String.valueOf(vendor.id()));
        page.locator("#raid-tasks").getByLabel("1 Install racks").check();
        page.locator("#raid-linked").getByText("Racks arrive assembled").click();
        add();
        Locator issue = kind("ISSUE");
        assertThat(issue).containsText("In progress");
        assertThat(issue).containsText("From Risk #" + vendor.id() + ": Vendor ships late");
        assertThat(issue.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("1 Install racks")))
                .hasAttribute("href", "/projects/" + project.key() + "/list?task=" + install.id());
        assertThat(issue).containsText("Racks arrive assembled");

        page.getByLabel("Kind", EXACT).selectOption("DEPENDENCY");
        page.getByLabel("Title", EXACT).fill("Power feed from facilities");
        page.getByLabel("Due on", EXACT).fill("2026-05-01");
        add();
        assertThat(rows()).hasCount(5);
        assertThat(kind("DEPENDENCY")).containsText("2026-05-01");

        // Kind tab, then status and text: the address carries the filters, so a reload shows the same view.
        page.getByLabel("Kinds of entry")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Issues"))
                .click();
        assertThat(rows()).hasCount(1);
        assertThat(rows().first()).containsText("Server room too warm");
        page.getByLabel("Kinds of entry")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("All"))
                .click();
        page.locator("#filter-text").fill("ROOM");
        page.locator("#filter-text").press("Enter");
        page.waitForURL(url -> url.contains("text=ROOM"));
        assertThat(rows()).hasCount(1);
        page.locator("#filter-status").selectOption("IN_PROGRESS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        page.waitForURL(url -> url.contains("status=IN_PROGRESS"));
        page.reload();
        assertThat(page.locator("#filter-status")).hasValue("IN_PROGRESS");
        assertThat(page.locator("#filter-text")).hasValue("ROOM");
        assertThat(rows()).hasCount(1);
        assertThat(rows().first()).containsText("Server room too warm");
        assertThat(page.locator("#raid-count")).hasText("1 entry match the filters.");

        Download download =
                page.waitForDownload(() -> page.locator("#raid-export-csv").click());
        assertThat(download.suggestedFilename()).isEqualTo(project.key() + "-raid-log.csv");
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Server room too warm").doesNotContain("Use vendor B", "Vendor ships late");
        assertThat(csv.lines().count()).isEqualTo(2);
    }

    @Test
    void aStaleEditShowsTheEntryAsItIsNowAndWhatWasTyped() {
        Person owner = invite("Olga Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        RaidEntry issue = raid.create(owner.user(), project.key(), entry("ISSUE", "Build server down"));
        Person member = member(project, "Mara Member", ProjectRole.MEMBER);

        logIn(member);
        page.navigate("/projects/" + project.key() + "/raid");
        rows().getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions()
                                .setName("Build server down")
                                .setExact(true))
                .click();
        assertThat(page.locator("#entry-heading")).containsText("Build server down");
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        assertThat(page.locator("#delete-entry")).hasCount(0);
        page.getByLabel("Title", EXACT).fill("Build server fixed");
        page.getByLabel("Status", EXACT).selectOption("RESOLVED");

        // Meanwhile the owner renames it: the details above the form follow, the form keeps what is typed.
        raid.update(
                owner.user(),
                project.key(),
                issue.id(),
                new RaidEntryChanges(
                        "Build server down (rack 3)",
                        null,
                        owner.user().id(),
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
                        issue.version()));
        assertThat(page.locator("#entry-changed")).isVisible();
        assertThat(page.locator("#entry-owner")).hasText("Olga Owner");
        assertThat(page.getByLabel("Title", EXACT)).hasValue("Build server fixed");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry"))
                .click();
        Locator conflict = page.locator("#entry-conflict");
        assertThat(conflict).containsText("Someone else changed this entry");
        assertThat(conflict).containsText("Title “Build server fixed”");
        assertThat(conflict).containsText("Status “Resolved”");
        assertThat(page.getByLabel("Title", EXACT)).hasValue("Build server down (rack 3)");
        assertThat(page.getByLabel("Status", EXACT)).hasValue("OPEN");
        assertAccessible("stale edit");

        page.getByLabel("Status", EXACT).selectOption("RESOLVED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry"))
                .click();
        assertThat(page.locator("#flash")).containsText("Saved.");
        assertThat(page.locator("#entry-status")).hasText("Resolved");
        assertThat(page.locator("#entry-heading")).containsText("Build server down (rack 3)");
        RaidEntry saved = raid.get(owner.user(), project.key(), issue.id());
        assertThat(saved.status()).isEqualTo("RESOLVED");
        assertThat(saved.closedOn()).isEqualTo(LocalDate.now());
        assertThat(saved.ownerId()).isEqualTo(owner.user().id());
    }

    @Test
    void aManagerDeletesAnEntryAfterConfirmingWithTheKeyboard() {
        Project project = projectWith(null, null);
        Person manager = member(project, "Manu Manager", ProjectRole.MANAGER);
        RaidEntry dependency = raid.create(admin(), project.key(), entry("DEPENDENCY", "Firewall change by IT"));

        logIn(manager);
        page.navigate("/projects/" + project.key() + "/raid/" + dependency.id());
        Locator delete = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete this entry"));
        delete.focus();
        page.keyboard().press("Enter");
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Delete dependency #" + dependency.id() + " “Firewall change by IT”?");
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(page.locator("#entry-heading")).containsText("Firewall change by IT");

        delete.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete entry")))
                .isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#flash")).containsText("Entry #" + dependency.id() + " deleted.");
        assertThat(page.locator("#no-entries")).isVisible();
        assertThat(raid.list(admin(), project.key(), null, null, null, null)).isEmpty();
    }

    @Test
    void aStakeholderReadsTheDecisionAndTheIssueFromARiskWithoutFormsAndCommentsOnIt() {
        Person owner = invite("Olga Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        Risk vendor = risk(owner, project, "Vendor ships late");
        RaidEntry occurred =
                raid.riskOccurred(owner.user(), project.key(), vendor.id(), new RiskOccurred(vendor.version(), null));
        long decisionId = raid.create(
                        owner.user(),
                        project.key(),
                        new NewRaidEntry(
                                "DECISION",
                                "Use vendor B",
                                null,
                                null,
                                "DECIDED",
                                null,
                                null,
                                null,
                                owner.user().id(),
                                LocalDate.of(2026, 3, 4),
                                "Cheaper and two weeks sooner",
                                null,
                                null,
                                List.of(occurred.id())))
                .id();
        Person sponsor = member(project, "Stella Sponsor", ProjectRole.STAKEHOLDER);

        logIn(sponsor);
        page.navigate("/projects/" + project.key() + "/raid");
        assertThat(rows()).hasCount(3);
        assertThat(page.locator("#add-entry")).hasCount(0);
        assertThat(page.locator("#read-only-note")).isVisible();
        Locator issue = kind("ISSUE");
        assertThat(issue).containsText("Occurred: Vendor ships late");
        assertThat(issue).containsText("From Risk #" + vendor.id() + ": Vendor ships late");

        rows().getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Use vendor B").setExact(true))
                .click();
        assertThat(page.locator("#entry-decided-by")).hasText("Olga Owner");
        assertThat(page.locator("#entry-decided-on")).hasText("2026-03-04");
        assertThat(page.locator("#entry-rationale")).hasText("Cheaper and two weeks sooner");
        assertThat(page.locator("#entry-linked"))
                .containsText("Issue #" + occurred.id() + ": Occurred: Vendor ships late");
        assertThat(page.locator("#edit-entry-form")).hasCount(0);
        assertThat(page.locator("#delete-entry")).hasCount(0);
        assertThat(page.locator("#read-only-note")).isVisible();

        // Comments as on tasks: stakeholders may ask; the others' answers appear without a reload.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                .click();
        assertThat(page.locator("#comment-error")).hasText("Not posted: the comment is required: write something.");
        assertThat(page.getByLabel("Add a comment", EXACT)).hasAttribute("aria-invalid", "true");
        assertAccessible("comment refused");
        page.getByLabel("Add a comment", EXACT).fill("Does **B** include support?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                .click();
        assertThat(page.locator("#flash")).containsText("Comment posted.");
        Locator thread = page.locator("#raid-comments > ol > li").first();
        assertThat(thread).containsText("Stella Sponsor");
        assertThat(thread.locator(".comment-body strong")).hasText("B");
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        page.getByLabel("Add a comment", EXACT).fill("Half typed");
        long threadId = Long.parseLong(thread.getAttribute("data-comment-id"));
        comments.postOnRaidEntry(
                owner.user(), project.key(), decisionId, new NewComment("Yes, two years of it.", threadId));
        assertThat(thread.locator(".replies")).containsText("Yes, two years of it.");
        assertThat(thread.locator(".replies")).containsText("Olga Owner");
        assertThat(page.getByLabel("Add a comment", EXACT)).hasValue("Half typed");
    }

    @Test
    void aMemberMentionsAColleagueByKeyboardAndAttachesAFileAndTheColleagueIsToldWithALinkToTheEntry() {
        Person owner = invite("Olga Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        Person mia = member(project, "Mia Member", ProjectRole.MEMBER);
        Person dana = member(project, "Dana Designer", ProjectRole.MEMBER);
        RaidEntry issue = raid.create(owner.user(), project.key(), entry("ISSUE", "Badge readers offline"));
        String entryPage = "/projects/" + project.key() + "/raid/" + issue.id();

        logIn(mia);
        page.navigate(entryPage);
        Locator box = page.getByLabel("Add a comment", EXACT);
        Locator files = page.getByLabel("Attach files (optional)", EXACT);

        // A refused file posts nothing, and what was typed stays.
        box.fill("Photos of the reader");
        files.setInputFiles(new FilePayload("empty.png", "image/png", new byte[0]));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                .click();
        assertThat(page.locator("#comment-error")).containsText("is empty");
        assertThat(page.locator("#no-comments")).isVisible();
        assertThat(page.getByLabel("Add a comment", EXACT)).hasValue("Photos of the reader");
        assertThat(comments.listOnRaidEntry(owner.user(), project.key(), issue.id()))
                .isEmpty();

        box = page.getByLabel("Add a comment", EXACT);
        box.fill("");
        box.click();
        box.pressSequentially("Photo of the reader, over to you @Dan");
        Locator suggestions =
                page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("People to mention"));
        assertThat(suggestions.getByRole(AriaRole.OPTION)).hasCount(1);
        assertThat(suggestions.getByRole(AriaRole.OPTION).first()).containsText("Dana Designer");
        box.press("Enter");
        assertThat(box)
                .hasValue("Photo of the reader, over to you @" + dana.user().email() + " ");
        page.getByLabel("Attach files (optional)", EXACT)
                .setInputFiles(new FilePayload("reader.png", "image/png", AttachmentsIT.png()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                .click();
        assertThat(page.locator("#flash")).containsText("Comment posted.");
        Locator thread = page.locator("#raid-comments > ol > li").first();
        assertThat(thread.locator(".mention")).hasText("@Dana Designer");
        Locator file = thread.locator("li.attachment");
        assertThat(file).containsText("reader.png");
        assertThat(file.getByRole(AriaRole.IMG)).hasAttribute("alt", "Preview of reader.png");
        assertAccessible("comment with a mention and a file");

        forgetSession();
        logIn(dana);
        Locator bell =
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications")));
        assertThat(bell).hasAccessibleName(Pattern.compile("Notifications\\s+1\\s+unread"));
        bell.click();
        Locator told = page.locator("#notification-list > li").first();
        assertThat(told).containsText("Mia Member mentioned you on the issue “Badge readers offline”");
        told.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("mentioned you")))
                .click();
        page.waitForURL("**" + entryPage);
        assertThat(page.locator("#raid-comments")).containsText("Photo of the reader");
        Download download = page.waitForDownload(() -> page.locator("#raid-comments li.attachment")
                .getByRole(AriaRole.LINK)
                .click());
        assertThat(download.suggestedFilename()).isEqualTo("reader.png");
    }

    @Test
    void theLogRefreshesInPlaceWhenSomeoneElseAddsAnEntry() {
        Person owner = invite("Olga Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        raid.create(owner.user(), project.key(), entry("ASSUMPTION", "Racks arrive assembled"));
        Person member = member(project, "Mara Member", ProjectRole.MEMBER);

        logIn(member);
        page.navigate("/projects/" + project.key() + "/raid?type=ISSUE");
        assertThat(page.locator("#no-entries")).isVisible();
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        page.getByLabel("Title", EXACT).fill("Half typed");
        page.evaluate("() => { window.notReloaded = true; }");

        raid.create(owner.user(), project.key(), entry("ISSUE", "Cooling failed in rack 3"));
        raid.create(owner.user(), project.key(), entry("DECISION", "Not an issue, filtered out"));

        assertThat(rows().first()).containsText("Cooling failed in rack 3");
        assertThat(rows()).hasCount(1);
        assertThat(page.locator("#raid-count")).hasText("1 entry match the filters.");
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        assertThat(page.getByLabel("Title", EXACT)).hasValue("Half typed");
    }
}
