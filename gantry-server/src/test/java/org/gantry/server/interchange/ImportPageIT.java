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
import org.junit.jupiter.api.Tag;
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
        page.navigate("/projects/import");
        page.getByLabel("Project file").setInputFiles(staleFile());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read the file"))
                .click();

        assertThat(page.locator("#import-differences")).containsText("Unpack");
        assertThat(page.locator("#import-differences")).containsText("it follows its predecessor 'Pack boxes'");
        assertThat(page.locator("#import-counts")).containsText("2 tasks and 1 links");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import with Gantry's dates"))
                .click();
        page.waitForURL("**/projects/*/list");
        assertThat(page.locator("body")).containsText("Pack boxes");
        assertThat(page.locator("body")).containsText("Unpack");
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
        page.waitForURL("**/projects/*/list");
        assertThat(page.locator("body")).containsText("Draw");
    }

    @Test
    @Tag("oracle")
    void aMicrosoftProjectFileUploadsAndOpens() throws Exception {
        String oracles = System.getProperty("gantry.oracles");
        assertThat(oracles).as("system property gantry.oracles").isNotBlank();
        page.navigate("/projects/import");
        page.getByLabel("Project file").setInputFiles(Path.of(oracles, "msproject", "mpp14relations.mpp"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read the file"))
                .click();

        assertThat(page.locator("#import-counts")).containsText("tasks");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import, keeping the file's dates"))
                .click();
        page.waitForURL("**/projects/*/list");
    }
}
