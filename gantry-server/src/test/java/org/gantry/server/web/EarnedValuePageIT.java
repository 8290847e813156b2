package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Earned value page in the browser: the figures, the S-curve drawn with the right last points, and no
 * way in for a member. Figures worked out by hand: X (Mon 2026-03-02 to Fri, budget 1,000, 40 % done) and Y
 * (the next week, 500, not started); the owner logged 4 h on Monday and Tuesday at 50 an hour,
 * approved. At Wednesday:
 * PV 600, EV 400, AC 400, SPI 0.67, CPI 1.00, EAC 1,500. By week: PV 1,000 then 1,500; AC and EV 400 in the
 * first week. Daily PV 200, 400, 600...: ES 2 of 3 days, IEAC(t) = 12 x 3 / 2 = 18 days, forecast finish
 * 2026-03-19, so the forecast line runs to the week ending 2026-03-22 at 1,500.
 */
class EarnedValuePageIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private long task(Project project, int position, String name, int percent, String start, String finish, int cost) {
        long id = jdbc.sql("insert into task (project_id, position, outline_path, name, status, percent_complete)"
                        + " values (?, ?, ?, ?, 'todo', ?) returning id")
                .params(project.id(), position, new Integer[] {position}, name, percent)
                .query(Long.class)
                .single();
        jdbc.sql("insert into task_baseline (task_id, project_id, slot, start_at, finish_at, duration_minutes, cost)"
                        + " values (?, ?, 0, ?, ?, 2400, ?)")
                .params(
                        id,
                        project.id(),
                        LocalDate.parse(start).atTime(8, 0),
                        LocalDate.parse(finish).atTime(17, 0),
                        cost)
                .update();
        return id;
    }

    @Test
    void anOwnerSeesTheFiguresAndTheSCurveAndAMemberIsKeptOut() {
        Person owner = invite("Olga Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        long x = task(project, 1, "Excavate", 40, "2026-03-02", "2026-03-06", 1000);
        task(project, 2, "Yard", 0, "2026-03-09", "2026-03-13", 500);
        jdbc.sql("insert into resource (project_id, name, kind, user_id, standard_rate, standard_rate_per)"
                        + " values (?, 'Olga', 'WORK', ?, 50, 'HOURS')")
                .params(project.id(), owner.user().id())
                .update();
        for (String day : List.of("2026-03-02", "2026-03-03")) {
            jdbc.sql("insert into time_entry (project_id, task_id, user_id, entry_date, minutes, state)"
                            + " values (?, ?, ?, ?, 240, 'APPROVED')")
                    .params(project.id(), x, owner.user().id(), LocalDate.parse(day))
                    .update();
        }

        logIn(owner);
        page.navigate("/projects/" + project.key() + "/list");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Earned value"))
                .click();
        page.getByLabel("Status date").fill("2026-03-04");
        page.getByLabel("S-curve by").selectOption("week");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Show"))
                .click();

        Locator figures = page.locator("#ev-figures");
        assertThat(figures).containsText("600.00");
        assertThat(page.locator("#ev-spi")).hasText("0.67");
        assertThat(page.locator("#ev-cpi")).hasText("1.00");
        assertThat(page.locator("#ev-eac")).hasText("1,500.00");
        assertThat(page.locator("#ev-forecast-finish")).hasText("2026-03-19");
        assertThat(page.locator("#s-curve")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#s-curve svg")).hasCount(1);

        @SuppressWarnings("unchecked")
        List<Object> periods = (List<Object>) page.evaluate(
                "() => echarts.getInstanceByDom(document.getElementById('s-curve')).getOption().xAxis[0].data");
        org.assertj.core.api.Assertions.assertThat(periods).containsExactly("2026-03-08", "2026-03-15", "2026-03-22");
        @SuppressWarnings("unchecked")
        List<List<Object>> series = (List<List<Object>>)
                page.evaluate(
                        "() => echarts.getInstanceByDom(document.getElementById('s-curve')).getOption().series.map(s => s.data)");
        org.assertj.core.api.Assertions.assertThat(numbers(series.get(0))).containsExactly(1000.0, 1500.0, null);
        org.assertj.core.api.Assertions.assertThat(numbers(series.get(1))).containsExactly(400.0, null, null);
        org.assertj.core.api.Assertions.assertThat(numbers(series.get(2))).containsExactly(400.0, null, null);
        org.assertj.core.api.Assertions.assertThat(numbers(series.get(3))).containsExactly(400.0, null, 1500.0);
        assertAccessible("earned value with the S-curve");

        Person member = invite("Mo Member");
        projects.addMember(
                admin(),
                project.key(),
                new org.gantry.server.project.NewMember(member.user().id(), null, ProjectRole.MEMBER));
        forgetSession();
        logIn(member);
        com.microsoft.playwright.Response refused = page.navigate("/projects/" + project.key() + "/earned-value");
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("main")).containsText("does not see costs");
        assertThat(page.locator("#s-curve")).hasCount(0);
        consoleErrors.removeIf(error -> error.contains("status of 403"));
    }

    private static List<Double> numbers(List<Object> values) {
        return values.stream()
                .map(value -> value == null ? null : ((Number) value).doubleValue())
                .toList();
    }
}
