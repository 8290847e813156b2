package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.gantry.server.identity.ApiTokenService;
import org.gantry.server.identity.TokenRequest;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Delivery page in headless Chromium, fed the way a CI server feeds it: a webhook created over the REST
 * API and signed deliveries in Gantry's generic format posted to it. Without signals every tile says "Not
 * enough data"; a push and a deployment delivered while a stakeholder has the page open appear without a
 * reload (tiles, band, chart and its table); a failed deployment shows as a change failure; the period lives
 * in the address; a bad period is explained.
 */
class DeliveryPageIT extends BrowserTest {
    private static final String SHA = "3f786850e387550fdab836ed7e6dc881de23001b";

    @Autowired
    ApiTokenService tokens;

    @Test
    void deliveriesAppearAsTilesAndWeeklyChartsWithoutAReload() {
        Person stakeholder = invite("Della Delivery");
        Project project = projectWith(stakeholder, ProjectRole.STAKEHOLDER);
        CiServer hook = newHook(project);
        logIn(stakeholder);

        page.navigate("/projects/" + project.key() + "/board");
        page.getByLabel("Project views").getByText("Delivery").click();
        page.waitForURL("**/projects/" + project.key() + "/delivery");
        for (String tile : new String[] {
            "deployment-frequency",
            "lead-time",
            "change-failure-rate",
            "time-to-restore",
            "rework-rate",
            "escaped-defects",
            "defect-containment",
            "security-fix-lead-time"
        }) {
            assertThat(page.locator("#value-" + tile)).hasText("Not enough data");
        }
        assertThat(page.locator("#note-deployment-frequency")).hasText(Pattern.compile("^No deployment to production"));
        assertThat(page.locator("#throughput-empty")).containsText("No deployments yet");
        assertThat(page.locator("#throughput-chart")).hasCount(0);
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");

        // Two days ago: a commit at 08:00 and its deployment to production at 10:00.
        Instant deployed = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant committed = deployed.minus(2, ChronoUnit.HOURS);
        deliver(
                hook,
                "push",
                "{\"repository\":\"acme/shop\",\"branch\":\"main\",\"after\":\"" + SHA + "\",\"commits\":[{\"id\":\""
                        + SHA + "\",\"message\":\"Search by name\",\"author\":\"Ana\",\"timestamp\":\"" + committed
                        + "\"}]}");
        deliver(
                hook,
                "deployment",
                "{\"repository\":\"acme/shop\",\"id\":\"d1\",\"environment\":\"production\",\"status\":\"success\","
                        + "\"sha\":\"" + SHA + "\",\"at\":\"" + deployed + "\"}");

        assertThat(page.locator("#value-lead-time")).hasText("2 h");
        assertThat(page.locator("#value-deployment-frequency")).hasText("0.1 per week");
        assertThat(page.locator("#band-deployment-frequency")).containsText("low");
        assertThat(page.locator("#value-change-failure-rate")).hasText("0 %");
        assertThat(page.locator("#band-change-failure-rate")).containsText("elite");
        assertThat(page.locator("#delivery-content")).hasAttribute("data-refreshed", Pattern.compile("\\d+"));
        Locator chart = page.locator("#throughput-chart");
        assertThat(chart).hasAttribute("data-deployments", "1");
        assertThat(chart).hasAttribute("role", "img");
        assertThat(chart.locator("svg").first()).isAttached();
        assertThat(page.locator("#times-chart")).hasAttribute("data-weeks", Pattern.compile("1[23]"));
        page.locator("#throughput-summary").click();
        Locator rows = page.locator("#throughput-table tbody tr");
        assertThat(rows).hasCount(Integer.parseInt(chart.getAttribute("data-weeks")));
        LocalDate day = deployed.atZone(ZoneId.of(project.timeZone())).toLocalDate();
        Locator week = page.locator("#throughput-table tbody tr")
                .filter(new Locator.FilterOptions()
                        .setHasText(Pattern.compile("to (" + day + "|" + day.plusDays(1)
                                + "|" + day.plusDays(2) + "|" + day.plusDays(3) + "|" + day.plusDays(4) + "|"
                                + day.plusDays(5) + "|" + day.plusDays(6) + ")")))
                .first();
        assertThat(week.locator("td").first()).hasText("1");

        // A failed deployment an hour later: a change failure, listed with its reason; the open table stays open.
        deliver(
                hook,
                "deployment",
                "{\"repository\":\"acme/shop\",\"id\":\"d2\",\"environment\":\"production\",\"status\":\"failed\","
                        + "\"sha\":\"" + SHA + "\",\"at\":\"" + deployed.plus(1, ChronoUnit.HOURS) + "\"}");
        assertThat(page.locator("#value-change-failure-rate")).hasText("50 %");
        assertThat(page.locator("#band-change-failure-rate")).containsText("low");
        assertThat(page.locator("#failures-table")).containsText("the deployment failed");
        assertThat(page.locator("#throughput-details")).hasAttribute("open", "");
        assertThat(page.url()).endsWith("/projects/" + project.key() + "/delivery");
        page.locator("#times-summary").click();
        assertAccessible("charts drawn, tables open");

        // A preset puts the period in the address; a reload keeps it.
        LocalDate today = LocalDate.now(ZoneId.of(project.timeZone()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("4 weeks"))
                .click();
        page.waitForURL(url -> url.contains("from=" + today.minusWeeks(4).plusDays(1)));
        assertThat(page.locator("#delivery-from"))
                .hasValue(today.minusWeeks(4).plusDays(1).toString());
        assertThat(page.locator("#throughput-chart")).hasAttribute("data-weeks", Pattern.compile("[45]"));
        page.reload();
        assertThat(page.locator("#throughput-chart")).hasAttribute("data-weeks", Pattern.compile("[45]"));

        // The service filter: the deployed repository is a service to choose; the figures are its own.
        page.navigate("/projects/" + project.key() + "/delivery");
        page.locator("#delivery-service").selectOption("acme/shop");
        page.locator("#delivery-period button[type=submit]").click();
        page.waitForURL(url -> url.contains("service=acme%2Fshop"));
        assertThat(page.locator("#delivery-service-name")).hasText("acme/shop");
        assertThat(page.locator("#value-lead-time")).hasText("2 h");
        assertThat(page.locator("#value-rework-rate")).hasText("0 %");
        assertAccessible("filtered by service");
        page.locator("#delivery-service").selectOption("");
        page.locator("#delivery-period button[type=submit]").click();
        page.waitForURL(url -> url.contains("service=&") || url.endsWith("service="));
        assertThat(page.locator("#delivery-service-name")).hasCount(0);

        // Another environment has nothing yet; a bad period is explained and the default one shown.
        page.locator("#delivery-environment").fill("staging");
        page.locator("#delivery-period button[type=submit]").click();
        page.waitForURL(url -> url.contains("environment=staging"));
        assertThat(page.locator("#value-deployment-frequency")).hasText("Not enough data");
        page.navigate("/projects/" + project.key() + "/delivery?from=2026-05-01&to=2026-04-01");
        assertThat(page.locator("#period-error")).containsText("from must be on or before to");
        assertThat(page.locator("#value-lead-time")).hasText("2 h");
        page.navigate("/projects/" + project.key() + "/delivery?from=yesterday");
        assertThat(page.locator("#period-error")).containsText("must be a date like");
        screenshot("delivery");
    }

    private CiServer newHook(Project project) {
        String token = tokens.create(new TokenRequest(ADMIN_EMAIL, ADMIN_PASSWORD, "ci", null), "127.0.0.1")
                .token();
        return new CiServer(port, token).connect(project.key());
    }

    private static void deliver(CiServer hook, String event, String body) {
        hook.deliver(event, body);
    }
}
