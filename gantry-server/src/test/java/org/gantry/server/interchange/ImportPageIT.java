package org.gantry.server.interchange;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.gantry.engine.DurationUnit;
import org.gantry.interchange.MspdiExport;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanLink;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanTask;
import org.gantry.server.web.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import page in headless Chromium: upload a file, read the report of moved dates, import, land on the
 * new project's plan. Same Spring configuration as the other integration tests, so the server is shared.
 */
class ImportPageIT extends BrowserTest {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2025, 3, 3, 8, 0);

    @TempDir
    Path folder;

    /** Runs after the base class opened the browser context: the import pages need an admin. */
    @BeforeEach
    void logIn() {
        context.setDefaultTimeout(20_000);
        page.navigate("/login");
        page.getByLabel("E-mail").fill(ADMIN_EMAIL);
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/projects**");
    }

    /** Two linked tasks stored as if both started on Monday: Gantry moves the second one. */
    private Path staleFile() throws Exception {
        PlanProperties properties = PlanProperties.standard("Office move", MONDAY);
        PlanTask pack = PlanTask.of("1", null, 1, "Pack boxes", PlanDuration.of(2, DurationUnit.DAYS, properties))
                .withWbs("1")
                .withDates(MONDAY, MONDAY.plusDays(1).withHour(17));
        PlanTask unpack = PlanTask.of("2", null, 1, "Unpack", PlanDuration.of(1, DurationUnit.DAYS, properties))
                .withWbs("2")
                .withDates(MONDAY, MONDAY.withHour(17));
        Plan plan = new Plan(
                properties,
                List.of(PlanCalendar.standard("1", "Standard")),
                List.of(pack, unpack),
                List.of(PlanLink.finishStart("1", "2")),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        Path file = folder.resolve("office-move.xml");
        Files.write(file, MspdiExport.bytes(plan));
        return file;
    }

    @Test
    void anUploadedPlanShowsItsReportAndOpensAsAProject() throws Exception {
        // Reached as a user reaches it: from the project list (the README's first steps say so).
        page.navigate("/projects");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import a project"))
                .click();
        page.waitForURL("**/projects/import");
        page.getByLabel("Project file").setInputFiles(staleFile());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read the file"))
                .click();

        assertThat(page.locator("#import-differences")).containsText("Unpack");
        assertThat(page.locator("#import-differences")).containsText("it follows its predecessor 'Pack boxes'");
        assertThat(page.locator("#import-counts")).containsText("2 tasks and 1 links");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import report")))
                .isFocused();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import with Gantry's dates"))
                .click();
        page.waitForURL("**/projects/*/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        assertThat(page.locator("#gantt [role=treegrid]")).hasAttribute("aria-rowcount", "3");
        assertThat(page.getByRole(AriaRole.ROW)
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Pack boxes")))
                .hasCount(1);
        assertThat(page.getByRole(AriaRole.ROW)
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Unpack")))
                .hasCount(1);
    }

    @Test
    void aFileThatIsNotAPlanSaysSoAndCreatesNothing() throws Exception {
        Path picture = folder.resolve("holiday.mpp");
        Files.write(picture, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        page.navigate("/projects/import");
        page.getByLabel("Project file").setInputFiles(picture);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read the file"))
                .click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("does not recognise this file's format");
        // The refusal is a 422 that htmx shows; Chromium logs every 4xx answer as a console error.
        consoleErrors.removeIf(error -> error.contains("status of 422"));
    }

    @Test
    void anEmptyOrCutShortFileSaysWhyAndCreatesNoProject() throws Exception {
        long before = projectCount();
        Path empty = folder.resolve("empty.mpp");
        Files.write(empty, new byte[0]);
        byte[] whole = Files.readAllBytes(staleFile());
        Path cut = folder.resolve("cut-short.xml");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

        for (Path bad : List.of(empty, cut)) {
            page.navigate("/projects/import");
            page.getByLabel("Project file").setInputFiles(bad);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read the file"))
                    .click();
            assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
            String message = page.getByRole(AriaRole.ALERT).textContent();
            assertThat(message).as(bad.getFileName().toString()).containsIgnoringCase("file");
            assertThat(message).doesNotContain("Exception").doesNotContain("null");
            assertThat(page.locator("#import-differences")).hasCount(0);
        }
        assertThat(projectCount()).isEqualTo(before);
        consoleErrors.removeIf(error -> error.matches(".*status of 4\\d\\d.*"));
    }

    @Test
    void aPlanImportsIntoAnExistingProjectFromItsListView() throws Exception {
        String key = "IN" + unique();
        projects.create(
                admin(), new org.gantry.server.project.NewProject(key, "Warehouse", null, null, null, null, null));
        page.navigate("/projects/" + key + "/list");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import into this project"))
                .click();
        page.waitForURL("**/projects/" + key + "/import");
        assertThat(page.locator("h1")).containsText("Import into Warehouse");
        page.getByLabel("Project file").setInputFiles(staleFile());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read the file"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import, keeping the file's dates"))
                .click();

        page.waitForURL("**/projects/" + key + "/gantt");
        assertThat(page.locator("#gantt [role=treegrid]")).hasAttribute("aria-rowcount", "3");
        assertThat(projects.list(admin(), key, true, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void theExportMenuDownloadsEachFormatAndStakeholdersCannotImport() throws Exception {
        String key = "EX" + unique();
        projects.create(
                admin(), new org.gantry.server.project.NewProject(key, "Archive", null, null, null, null, null));
        page.navigate("/projects/" + key + "/gantt");
        // Keyboard: Enter opens the menu, Escape closes it and leaves the focus on Export.
        page.locator("#export-menu summary").focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CSV (.csv)")))
                .isVisible();
        page.keyboard().press("Escape");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CSV (.csv)")))
                .isHidden();
        assertThat(page.locator("#export-menu summary")).isFocused();
        for (String[] format : new String[][] {
            {"Microsoft Project XML (.xml)", key + ".xml"},
            {"Primavera P6 (.xer)", key + ".xer"},
            {"CSV (.csv)", key + ".csv"},
            {"Excel (.xlsx)", key + ".xlsx"}
        }) {
            page.locator("#export-menu summary").click();
            com.microsoft.playwright.Download download = page.waitForDownload(
                    () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(format[0]))
                            .click());
            assertThat(download.suggestedFilename()).isEqualTo(format[1]);
            assertThat(Files.size(download.path())).isPositive();
        }

        var stakeholderAccount = users.invite(
                admin(),
                new org.gantry.server.identity.NewUser(
                        "sponsor." + unique().toLowerCase() + "@example.test", "Sponsor", false));
        projects.addMember(
                admin(),
                key,
                new org.gantry.server.project.NewMember(
                        stakeholderAccount.user().id(), null, org.gantry.server.project.ProjectRole.STAKEHOLDER));
        forgetSession();
        page.navigate("/login");
        page.getByLabel("E-mail").fill(stakeholderAccount.user().email());
        page.getByLabel("Password").fill(withOwnPassword(stakeholderAccount).password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        waitForLanding(page);
        page.navigate("/projects/" + key + "/list");
        assertThat(page.locator("#export-menu")).isVisible();
        assertThat(page.locator("#import-into-project")).hasCount(0);
    }

    private org.gantry.server.identity.CurrentUser admin() {
        var admin = users.findByEmail(ADMIN_EMAIL).orElseThrow();
        return new org.gantry.server.identity.CurrentUser(admin.id(), admin.email(), admin.name(), true);
    }

    private long projectCount() {
        return projects.list(admin(), null, true, 0, 1).total();
    }

    private static String unique() {
        return java.util
                .UUID
                .randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 6)
                .toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void aSpreadsheetIsMappedPreviewedAndImported() throws Exception {
        Path csv = folder.resolve("survey.csv");
        Files.writeString(csv, "Activity title,Takes\nSurvey,2d\nDraw,3d\n");
        page.navigate("/projects/import");
        page.getByLabel("Project file").setInputFiles(csv);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read the file"))
                .click();

        assertThat(page.locator("#import-row-errors")).containsText("no column is mapped to Name");
        page.getByLabel("Column Activity title").selectOption("NAME");
        page.getByLabel("Column Takes").selectOption("DURATION");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview again"))
                .click();

        assertThat(page.locator("#import-preview")).containsText("Survey");
        assertThat(page.locator("#import-preview")).containsText("3d");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Import").setExact(true))
                .click();
        page.waitForURL("**/projects/*/gantt");
        assertThat(page.getByRole(AriaRole.ROW)
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Draw")))
                .hasCount(1);
    }
}
