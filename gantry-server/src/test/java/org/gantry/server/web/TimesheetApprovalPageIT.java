package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member fills and submits a week; the manager rejects it without a reason (refused), then approves it. */
class TimesheetApprovalPageIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private long task(Project project, int position, String name) {
        return jdbc.sql(
                        "insert into task (project_id, position, outline_path, name, status) values (?, ?, ?, ?, 'todo')"
                                + " returning id")
                .params(project.id(), position, new Integer[] {position}, name)
                .query(Long.class)
                .single();
    }

    private String entryStates(Person person) {
        return String.join(
                ",",
                jdbc.sql("select distinct state from time_entry where user_id = ? order by state")
                        .params(person.user().id())
                        .query(String.class)
                        .list());
    }

    @Test
    void aMemberSubmitsTheirWeekAndTheManagerApprovesIt() {
        Person tom = invite("Tom Submitter");
        Person mia = invite("Mia Approver");
        Project project = projectWith(tom, ProjectRole.MEMBER);
        projects.addMember(admin(), project.key(), new NewMember(mia.user().id(), null, ProjectRole.MANAGER));
        long design = task(project, 1, "Design");
        jdbc.sql("insert into task_assignee (task_id, user_id) values (?, ?)")
                .params(design, tom.user().id())
                .update();

        logIn(tom);
        page.navigate("/timesheet?week=2026-03-04");
        page.getByLabel("Design, Monday 2 March").fill("8");
        page.getByLabel("Design, Tuesday 3 March").fill("4:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit week for approval"))
                .click();

        assertThat(page.locator("#flash")).containsText("submitted for approval in " + project.key());
        Locator approval = page.locator("#week-submissions");
        assertThat(approval).containsText("Awaiting approval");
        assertThat(approval).containsText("12.5");
        assertThat(page.locator("#row-" + design)).containsText("8 submitted");
        assertThat(page.getByLabel("Design, Monday 2 March")).hasValue("");
        assertThat(page.locator("#week-total")).hasText("12.5");
        org.assertj.core.api.Assertions.assertThat(entryStates(tom)).isEqualTo("SUBMITTED");
        assertAccessible("timesheet with a submitted week");

        forgetSession();
        logIn(mia);
        page.navigate("/projects/" + project.key());
        page.getByLabel("Project views")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Timesheets"))
                .click();
        page.waitForURL("**/timesheets");
        Locator week = page.locator("article.submission").first();
        assertThat(week).containsText("Tom Submitter, week of 2 March 2026");
        assertThat(week).containsText("awaiting approval");
        assertThat(week.locator("table")).containsText("Design");

        week.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Reject Tom Submitter, week of 2026-03-02"))
                .click();
        assertThat(page.locator(".field-error")).containsText("Reason is required");
        assertAccessible("approvals with a refused rejection");
        org.assertj.core.api.Assertions.assertThat(entryStates(tom)).isEqualTo("SUBMITTED");

        page.locator("article.submission")
                .first()
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Approve Tom Submitter, week of 2026-03-02"))
                .click();
        assertThat(page.locator("#flash")).containsText("Approved: Tom Submitter, week of 2026-03-02");
        assertThat(page.locator("article.submission").first()).containsText("approved by Mia Approver");
        org.assertj.core.api.Assertions.assertThat(entryStates(tom)).isEqualTo("APPROVED");

        forgetSession();
        logIn(tom);
        page.navigate("/timesheet?week=2026-03-02");
        assertThat(page.locator("#week-submissions")).containsText("Approved");
        assertThat(page.locator("#row-" + design)).containsText("8 approved");
        // A correction of an approved day is a new entry, typed into the same cell.
        page.getByLabel("Design, Monday 2 March").fill("0.5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save week"))
                .click();
        assertThat(page.locator("#week-total")).hasText("13");
        org.assertj.core.api.Assertions.assertThat(entryStates(tom)).isEqualTo("APPROVED,OPEN");
    }

    /**
     * The judged path end to end: Tom (50 an hour) logs 4 h on Monday and Tuesday on Excavate (baseline Mon
     * 2026-03-02 to Fri, budget 1,000, 40 % done; Yard the week after, 500) and submits; Mia approves. The
     * task panel shows 8 h of actual work of Tom's 40; the S-curve at Wednesday by week: PV 1,000 then 1,500,
     * AC and EV 400 in the first week (as worked out in EarnedValuePageIT).
     */
    @Test
    void approvedHoursShowAsActualWorkOnTheTaskAndAsActualCostInTheSCurve() {
        Person tom = invite("Tom Digger");
        Person mia = invite("Mia Foreman");
        Project project = projectWith(tom, ProjectRole.MEMBER);
        projects.addMember(admin(), project.key(), new NewMember(mia.user().id(), null, ProjectRole.MANAGER));
        long excavate = baselined(project, 1, "Excavate", 40, "2026-03-02", "2026-03-06", 1000);
        baselined(project, 2, "Yard", 0, "2026-03-09", "2026-03-13", 500);
        // Tom is a member, so he is a work resource of the project already (V140), and making him an assignee
        // gives him the assignment (the task row written here has no duration, so its work is set: 40 h).
        jdbc.sql("insert into task_assignee (task_id, user_id) values (?, ?)")
                .params(excavate, tom.user().id())
                .update();
        int rated = jdbc.sql("update resource set standard_rate = 50, standard_rate_per = 'HOURS'"
                        + " where project_id = ? and user_id = ? and kind = 'WORK'")
                .params(project.id(), tom.user().id())
                .update();
        int assigned = jdbc.sql("update assignment set work_minutes = 2400, remaining_work_minutes = 2400"
                        + " where task_id = ?")
                .param(excavate)
                .update();
        org.assertj.core.api.Assertions.assertThat(List.of(rated, assigned)).containsExactly(1, 1);

        logIn(tom);
        page.navigate("/timesheet?week=2026-03-02");
        page.getByLabel("Excavate, Monday 2 March").fill("4");
        page.getByLabel("Excavate, Tuesday 3 March").fill("4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit week for approval"))
                .click();
        assertThat(page.locator("#week-submissions")).containsText("Awaiting approval");

        forgetSession();
        logIn(mia);
        page.navigate("/projects/" + project.key() + "/timesheets");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve Tom Digger, week of 2026-03-02"))
                .click();
        assertThat(page.locator("#flash")).containsText("Approved: Tom Digger");

        page.navigate("/projects/" + project.key() + "/list");
        page.locator("tr.task-row[data-name=\"Excavate\"] td.c-wbs").click();
        page.keyboard().press(" ");
        Locator time = page.locator("#drawer #task-time");
        assertThat(time.locator("#task-actual-work")).hasText("8 h");
        assertThat(time.locator("#task-remaining-work")).hasText("32 h");
        assertThat(time.locator("#task-assignment-actuals")).containsText("Tom");
        assertAccessible("task panel with its time");

        page.navigate("/projects/" + project.key() + "/earned-value?statusDate=2026-03-04&by=week");
        assertThat(page.locator("#s-curve")).hasAttribute("data-rendered", "true");
        @SuppressWarnings("unchecked")
        java.util.List<java.util.List<Object>> series = (java.util.List<java.util.List<Object>>)
                page.evaluate(
                        "() => echarts.getInstanceByDom(document.getElementById('s-curve')).getOption().series.map(s => s.data)");
        org.assertj.core.api.Assertions.assertThat(numbers(series.get(0))).containsExactly(1000.0, 1500.0, null);
        org.assertj.core.api.Assertions.assertThat(numbers(series.get(1))).containsExactly(400.0, null, null);
        org.assertj.core.api.Assertions.assertThat(numbers(series.get(2))).containsExactly(400.0, null, null);
    }

    private long baselined(
            Project project, int position, String name, int percent, String start, String finish, int cost) {
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
                        java.time.LocalDate.parse(start).atTime(8, 0),
                        java.time.LocalDate.parse(finish).atTime(17, 0),
                        cost)
                .update();
        return id;
    }

    private static java.util.List<Double> numbers(java.util.List<Object> values) {
        return values.stream()
                .map(value -> value == null ? null : ((Number) value).doubleValue())
                .toList();
    }

    @Test
    void aManagerDefinesAnActivityTypeLogsTimeFromTheTaskPanelAndReadsTheHoursByActivity() {
        Person mia = invite("Mia Reporter");
        Project project = projectWith(mia, ProjectRole.MANAGER);
        task(project, 1, "Design");
        logIn(mia);
        page.navigate("/projects/" + project.key() + "/timesheets");
        page.getByLabel("New activity type").fill("Workshops");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add activity type"))
                .click();
        assertThat(page.locator("#activity-type-list")).containsText("Workshops");

        page.navigate("/projects/" + project.key() + "/list");
        page.locator("tr.task-row[data-name=\"Design\"] td.c-wbs").click();
        page.keyboard().press(" ");
        Locator time = page.locator("#drawer #task-time");
        time.locator("#log-date").fill("2026-03-03");
        time.locator("#log-hours").fill("1:30");
        time.locator("#log-activity")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Workshops"));
        time.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log time"))
                .click();
        assertThat(page.locator("#drawer #time-logged")).containsText("Logged 1:30 h on 2026-03-03");
        assertThat(page.locator("#drawer #task-pending-hours")).containsText("1.5 h logged are not approved yet");
        time = page.locator("#drawer #task-time");
        time.locator("#log-date").fill("2026-03-04");
        time.locator("#log-hours").fill("lots");
        time.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log time"))
                .click();
        assertThat(page.locator("#drawer #log-hours-error")).containsText("hours such as 1.5 or 1:30");
        assertAccessible("task panel with a refused hour");

        page.navigate("/projects/" + project.key() + "/timesheets?by=activity");
        assertThat(page.locator("#hours-table")).containsText("Workshops");
        assertThat(page.locator("#hours-total")).hasText("1.5");
        assertAccessible("hours by activity type");
    }
}
