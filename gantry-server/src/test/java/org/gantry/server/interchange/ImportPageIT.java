package org.gantry.server.interchange;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gantry.engine.DurationUnit;
import org.gantry.interchange.MspdiExport;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanLink;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import page in headless Chromium: upload a file, read the report of moved dates, import, land on the
 * new project's plan. Same Spring configuration as the other integration tests, so the server is shared.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gantry.db.ephemeral=true",
            "gantry.admin.email=admin@gantry.test",
            "gantry.admin.password=admin-password-1",
            "gantry.login.max-failures-per-address=100000",
            "gantry.demo=false",
            "logging.level.io.zonky=WARN",
            "logging.level.org.flywaydb=WARN"
        })
class ImportPageIT {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2025, 3, 3, 8, 0);
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void logIn() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1400, 900));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add("page error: " + error));
        page.navigate("/login");
        page.getByLabel("E-mail").fill("admin@gantry.test");
        page.getByLabel("Password").fill("admin-password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/projects**");
    }

    @AfterEach
    void closeWithoutConsoleErrors() {
        context.close();
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
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
