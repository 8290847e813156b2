package org.gantry.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gantry.server.api.GantryIntegrationTest;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.Invitation;
import org.gantry.server.identity.NewUser;
import org.gantry.server.identity.UserAccount;
import org.gantry.server.identity.UserService;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.project.ProjectService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests drive Debian's Chromium through Playwright against the real server on a random port.
 * One browser per test class, a fresh browser context (cookies, storage) per test, and each test makes
 * its own users and projects, so tests do not depend on each other. A test fails when the page logs a
 * console error or throws, or when axe-core finds a serious or critical WCAG 2.1 A/AA violation on a page
 * it visits or in its final state ({@link AccessibilityCheck}). For that {@code page} is a proxy of the
 * browser's page: {@code PlaywrightAssertions.assertThat(page)} cannot take it, wait with
 * {@code page.waitForURL(...)} instead.
 *
 * <p>The set-up is {@link GantryIntegrationTest}, that of every integration test, so Spring's context cache
 * shares one server and one embedded PostgreSQL between all integration tests of a JVM.
 */
@GantryIntegrationTest
public abstract class BrowserTest {

    protected static final String ADMIN_EMAIL = GantryIntegrationTest.ADMIN_EMAIL;
    protected static final String ADMIN_PASSWORD = GantryIntegrationTest.ADMIN_PASSWORD;
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserService users;

    @Autowired
    protected ProjectService projects;

    protected BrowserContext context;
    protected Page page;
    private AccessibilityCheck accessibility;
    protected final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    /** A person who can log in, with the password they would type. */
    public record Person(CurrentUser user, String password) {}

    @BeforeAll
    static void launchBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create();
        browser = launchChromium(playwright);
    }

    /** Debian's Chromium, headless; Playwright never downloads a browser of its own here. */
    static Browser launchChromium(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
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
    void openContext() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1400, 900));
        // Generous, not tight: seven engineers' builds share two cores (load averages of 40 and more).
        context.setDefaultTimeout(30_000);
        Page browserPage = context.newPage();
        accessibility = new AccessibilityCheck(browserPage);
        page = accessibility.checkingEveryNavigation();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text() + " at " + message.location());
            }
        });
        page.onPageError(error -> consoleErrors.add("page error: " + error));
    }

    @AfterEach
    void closeContextWithoutConsoleErrors() {
        try {
            assertAccessible("final");
        } finally {
            context.close();
        }
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    }

    /**
     * Fails on a serious or critical axe-core violation in the page's current state, e.g. with a dialog open
     * or a validation error shown ({@code state} names it; one URL in one state is analysed once).
     */
    protected void assertAccessible(String state) {
        accessibility.assertAccessible(state);
    }

    /**
     * Signs the browser out by forgetting its cookies, after leaving the page: a request the page still had
     * in flight (the bell loads after every page) would otherwise bring back a session of its own between
     * the next sign-in form and its submission.
     */
    protected void forgetSession() {
        page.navigate("about:blank");
        context.clearCookies();
    }

    CurrentUser admin() {
        UserAccount admin = users.findByEmail(ADMIN_EMAIL).orElseThrow();
        return new CurrentUser(admin.id(), admin.email(), admin.name(), true);
    }

    Person invite(String name) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + unique().toLowerCase(Locale.ROOT)
                + "@example.test";
        return withOwnPassword(users.invite(admin(), new NewUser(email, name, false)));
    }

    /**
     * The invited person after choosing their own password, as everybody on a one-time password must
     * before anything else.
     */
    protected Person withOwnPassword(Invitation invitation) {
        UserAccount account = invitation.user();
        CurrentUser user = new CurrentUser(account.id(), account.email(), account.name(), false);
        String own = "own-" + java.util.UUID.randomUUID();
        users.changePassword(user, new org.gantry.server.identity.PasswordChange(invitation.oneTimePassword(), own));
        return new Person(user, own);
    }

    /** A person invited and added to the project {@code key} as its manager. */
    Person managerOf(String key, String name) {
        Person manager = invite(name);
        projects.addMember(admin(), key, new NewMember(manager.user().id(), null, ProjectRole.MANAGER));
        return manager;
    }

    /** A new project owned by the admin, with {@code person} as a member in {@code role}. */
    Project projectWith(Person person, ProjectRole role) {
        Project project = projects.create(
                admin(), new NewProject("P" + unique(), "Project " + unique(), null, null, null, null, null));
        if (person != null) {
            projects.addMember(
                    admin(), project.key(), new NewMember(person.user().id(), null, role));
        }
        return project;
    }

    void logIn(String email, String password) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        waitForLanding(page);
    }

    /**
     * Waits for the page after login: the project list for people who run a project, "My work" for the
     * others.
     */
    protected static void waitForLanding(Page page) {
        page.waitForURL(url -> url.contains("/projects") || url.endsWith("/my-work"));
    }

    /**
     * Logs in with a one-time password, which opens only the password form, and chooses a password
     * of one's own there; returns it.
     */
    String logInAndChooseOwnPassword(String email, String oneTimePassword) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(oneTimePassword);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/account/password?required");
        String own = "own-" + java.util.UUID.randomUUID();
        page.getByLabel("Current password").fill(oneTimePassword);
        page.getByLabel("New password").fill(own);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Change password"))
                .click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#flash"))
                .containsText("Your password is changed");
        return own;
    }

    void logIn(Person person) {
        logIn(person.user().email(), person.password());
    }

    void logInAsAdmin() {
        logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    }
}
