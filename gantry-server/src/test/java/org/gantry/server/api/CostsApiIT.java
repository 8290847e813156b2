package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fixed costs, expenses and budgets through the API, against figures worked out by hand below.
 *
 * <p>Project from Monday 2026-03-02, Monday to Friday. "Phase" holds S and E; P stands alone; each runs the
 * five days of that week and costs only its fixed cost: S 1,000 accrued at the START, E 600 at the END, P 500
 * PRORATED. Baseline 0 then holds BAC = 2,100. Progress: S 20 %, E 40 %, P 40 %.
 * <ul>
 *   <li>Status date Wednesday 2026-03-04. PV: S 1,000 (all on its first day), E 0 (all on Friday), P 3 of 5
 *       days of 500 = 300: 1,300. EV: 200 + 240 + 200 = 640.
 *   <li>AC: S has started, so its whole fixed cost (1,000, on Monday); E is not complete: 0; P 40 % of 500 =
 *       200; plus an expense of 250 on P on Tuesday; an expense of 80 on Thursday (no task) is not counted yet:
 *       1,450. On the Sunday before, nothing has started: PV 0 and AC 0.
 *   <li>The project's budget is 2,000: remaining 2,000 - 1,450 = 550; EAC = BAC x AC / EV = 2,100 x 1,450 / 640
 *       = 4,757.81, over the budget. Phase's budget 5,000: BAC 1,600, AC 1,000, EV 440, EAC = 1,600 x 1,000 / 440
 *       = 3,636.36, within it; remaining 4,000.
 *   <li>Status date Thursday: the 80 counts: AC 1,530. E at 100 %: at Friday its 600 counts (AC 2,130 + P's
 *       further progress none).
 * </ul>
 */
class CostsApiIT extends ApiIntegrationTest {

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void fixedCostsByAccrualExpensesAndBudgetsMatchTheFiguresWorkedOutByHand() {
        TestUser owner = newUser("owner");
        TestUser mia = newUser("mia");
        TestUser sponsor = newUser("sponsor");
        String key = newKey();
        String project = "/api/v1/projects/" + key;
        Response created = owner.api()
                .post("/api/v1/projects", json("key", key, "name", "Fixed " + key, "startDate", "2026-03-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        addMember(owner.api(), key, mia, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");

        long phase = createTask(owner.api(), key, "Phase", null).get("id").asLong();
        long s = createTask(owner.api(), key, json("name", "S", "parentId", phase, "duration", "5d"))
                .get("id")
                .asLong();
        long e = createTask(owner.api(), key, json("name", "E", "parentId", phase, "duration", "5d"))
                .get("id")
                .asLong();
        long p = createTask(owner.api(), key, json("name", "P", "duration", "5d"))
                .get("id")
                .asLong();
        fixedCost(owner, project, s, "1000", "START");
        fixedCost(owner, project, e, "600", "end");
        fixedCost(owner, project, p, "500", "PRORATED");

        // Money on a task is for owners and managers: a member neither sets nor reads it.
        Response byMember =
                mia.api().patch(project + "/tasks/" + s, json("fixedCost", 5, "version", version(owner, project, s)));
        assertThat(byMember.status()).as(byMember.toString()).isEqualTo(403);
        assertThat(mia.api()
                        .get(project + "/tasks/" + s)
                        .body()
                        .get("fixedCost")
                        .isNull())
                .isTrue();
        assertThat(sponsor.api()
                        .get(project + "/tasks/" + s)
                        .body()
                        .get("fixedCost")
                        .isNull())
                .isTrue();
        JsonNode seenByOwner = owner.api().get(project + "/tasks/" + e).body();
        assertThat(seenByOwner.get("fixedCost").decimalValue()).isEqualByComparingTo("600");
        assertThat(seenByOwner.get("fixedCostAccrual").asString()).isEqualTo("END");

        Response baseline = owner.api().post(project + "/baselines/0", json());
        assertThat(baseline.status()).as(baseline.toString()).isBetween(200, 201);
        progress(owner, project, s, 20);
        progress(owner, project, e, 40);
        progress(owner, project, p, 40);

        long onP =
                expense(mia, project, json("date", "2026-03-03", "amount", "250", "note", "Crane hire", "taskId", p));
        long later = expense(owner, project, json("date", "2026-03-05", "amount", 80, "note", "Courier"));

        JsonNode before = report(owner, project, "2026-03-01");
        assertThat(before.get("total").get("plannedValue").decimalValue()).isEqualByComparingTo(money(0));
        assertThat(before.get("total").get("actualCost").decimalValue()).isEqualByComparingTo(money(0));

        JsonNode wednesday = report(owner, project, "2026-03-04");
        JsonNode total = wednesday.get("total");
        double bac = 1000 + 600 + 500;
        double pv = 1000 + 0 + 500 * 3 / 5.0;
        double ev = 1000 * 0.2 + 600 * 0.4 + 500 * 0.4;
        double ac = 1000 + 0 + 500 * 0.4 + 250;
        assertThat(total.get("budgetAtCompletion").decimalValue()).isEqualByComparingTo(money(bac));
        assertThat(total.get("plannedValue").decimalValue()).isEqualByComparingTo(money(pv));
        assertThat(total.get("earnedValue").decimalValue()).isEqualByComparingTo(money(ev));
        assertThat(total.get("actualCost").decimalValue()).isEqualByComparingTo(money(ac));
        assertThat(figuresOf(wednesday, s).get("plannedValue").decimalValue()).isEqualByComparingTo(money(1000));
        assertThat(figuresOf(wednesday, s).get("actualCost").decimalValue()).isEqualByComparingTo(money(1000));
        assertThat(figuresOf(wednesday, e).get("plannedValue").decimalValue()).isEqualByComparingTo(money(0));
        assertThat(figuresOf(wednesday, e).get("actualCost").decimalValue()).isEqualByComparingTo(money(0));
        assertThat(figuresOf(wednesday, p).get("plannedValue").decimalValue()).isEqualByComparingTo(money(300));
        assertThat(figuresOf(wednesday, p).get("actualCost").decimalValue()).isEqualByComparingTo(money(200 + 250));
        assertThat(figuresOf(wednesday, phase).get("actualCost").decimalValue()).isEqualByComparingTo(money(1000));

        // Budgets: the project's and Phase's (a cost account).
        long projectBudget = budget(owner, project, json("amount", 2000, "note", "Approved in January"));
        long phaseBudget = budget(owner, project, json("amount", "5000", "taskId", phase));
        Response twice = owner.api().post(project + "/budgets", json("amount", 1));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.body().get("current").get("id").asLong()).isEqualTo(projectBudget);

        JsonNode budgets = report(owner, project, "2026-03-04").get("budgets");
        assertThat(budgets.size()).isEqualTo(2);
        JsonNode whole = budgets.get(0);
        assertThat(whole.get("taskId").isNull()).isTrue();
        assertThat(whole.get("budget").decimalValue()).isEqualByComparingTo(money(2000));
        assertThat(whole.get("budgetAtCompletion").decimalValue()).isEqualByComparingTo(money(bac));
        assertThat(whole.get("actualCost").decimalValue()).isEqualByComparingTo(money(ac));
        assertThat(whole.get("remaining").decimalValue()).isEqualByComparingTo(money(2000 - ac));
        assertThat(whole.get("forecast").decimalValue()).isEqualByComparingTo(money(bac * ac / ev));
        assertThat(whole.get("forecast").decimalValue()).isEqualByComparingTo("4757.81");
        assertThat(whole.get("overBudget").asBoolean()).isTrue();
        JsonNode phaseLine = budgets.get(1);
        assertThat(phaseLine.get("taskId").asLong()).isEqualTo(phase);
        assertThat(phaseLine.get("budgetAtCompletion").decimalValue()).isEqualByComparingTo(money(1600));
        assertThat(phaseLine.get("actualCost").decimalValue()).isEqualByComparingTo(money(1000));
        assertThat(phaseLine.get("remaining").decimalValue()).isEqualByComparingTo(money(4000));
        assertThat(phaseLine.get("forecast").decimalValue()).isEqualByComparingTo(money(1600 * 1000 / 440.0));
        assertThat(phaseLine.get("overBudget").asBoolean()).isFalse();

        // Raised to 5,000 the project's budget holds the forecast.
        Response raised = owner.api().patch(project + "/budgets/" + projectBudget, json("amount", 5000, "version", 0));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        Response staleBudget =
                owner.api().patch(project + "/budgets/" + projectBudget, json("amount", 1, "version", 0));
        assertThat(staleBudget.status()).isEqualTo(409);
        assertThat(staleBudget.body().get("current").get("amount").decimalValue())
                .isEqualByComparingTo("5000");
        JsonNode raisedLine =
                report(owner, project, "2026-03-04").get("budgets").get(0);
        assertThat(raisedLine.get("remaining").decimalValue()).isEqualByComparingTo(money(5000 - ac));
        assertThat(raisedLine.get("overBudget").asBoolean()).isFalse();

        // The expense of Thursday counts from Thursday on.
        JsonNode thursday = report(owner, project, "2026-03-05");
        assertThat(thursday.get("total").get("actualCost").decimalValue()).isEqualByComparingTo(money(ac + 80));

        // E's fixed cost is incurred at its end: once complete, on its finish day.
        progress(owner, project, e, 100);
        assertThat(figuresOf(report(owner, project, "2026-03-04"), e)
                        .get("actualCost")
                        .decimalValue())
                .isEqualByComparingTo(money(0));
        assertThat(figuresOf(report(owner, project, "2026-03-06"), e)
                        .get("actualCost")
                        .decimalValue())
                .isEqualByComparingTo(money(600));

        // Who sees which expense: owners all, members their own, stakeholders none.
        assertThat(ids(owner.api().get(project + "/expenses"))).containsExactly(onP, later);
        assertThat(ids(mia.api().get(project + "/expenses"))).containsExactly(onP);
        assertThat(ids(owner.api().get(project + "/expenses?from=2026-03-04&to=2026-03-31")))
                .containsExactly(later);
        assertThat(ids(owner.api().get(project + "/expenses?task=" + p))).containsExactly(onP);
        assertThat(mia.api().get(project + "/expenses/" + later).status()).isEqualTo(403);
        assertThat(mia.api()
                        .patch(project + "/expenses/" + later, json("amount", 1, "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(sponsor.api().get(project + "/expenses").status()).isEqualTo(403);
        assertThat(sponsor.api()
                        .post(project + "/expenses", json("date", "2026-03-03", "amount", 5))
                        .status())
                .isEqualTo(403);
        assertThat(mia.api().get(project + "/budgets").status()).isEqualTo(403);
        assertThat(sponsor.api().get(project + "/budgets").status()).isEqualTo(403);
        assertThat(mia.api()
                        .post(project + "/budgets", json("amount", 1, "taskId", p))
                        .status())
                .isEqualTo(403);
        assertThat(newUser("outsider").api().get(project + "/expenses").status())
                .isEqualTo(404);

        // A member changes and deletes their own; a stale version is a conflict with the current expense.
        Response changed =
                mia.api().patch(project + "/expenses/" + onP, json("amount", "260.50", "taskId", 0, "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("amount").decimalValue()).isEqualByComparingTo("260.50");
        assertThat(changed.body().get("taskId").isNull()).isTrue();
        Response stale = mia.api().patch(project + "/expenses/" + onP, json("amount", 1, "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("amount").decimalValue()).isEqualByComparingTo("260.50");
        assertThat(mia.api().delete(project + "/expenses/" + onP + "?version=0").status())
                .isEqualTo(409);
        assertThat(mia.api().delete(project + "/expenses/" + onP + "?version=1").status())
                .isEqualTo(204);
        assertThat(owner.api().delete(project + "/budgets/" + phaseBudget).status())
                .isEqualTo(204);
        assertThat(owner.api().get(project + "/budgets").body().size()).isEqualTo(1);
    }

    /**
     * A summary task's own fixed cost, as Microsoft Project allows: Phase (summary) holds A (Mon 2026-03-02 to
     * Fri, fixed cost 1,000 prorated) and has 400 of its own, accrued at the start. BAC: Phase 1,000 + 400 =
     * 1,400, as the project. A at 50 % makes Phase 50 % (its subtasks' progress by duration). Status date
     * Wednesday: PV = 400 (Monday) + 3/5 of 1,000 = 1,000; EV = 500 + 50 % of 400 = 700; AC = 50 % of A's 1,000 +
     * Phase's 400 (started) = 900.
     */
    @Test
    void aSummaryTasksOwnFixedCostRollsUpIntoItsCost() {
        TestUser owner = newUser("owner");
        TestUser mia = newUser("mia");
        String key = newKey();
        String project = "/api/v1/projects/" + key;
        Response created = owner.api()
                .post("/api/v1/projects", json("key", key, "name", "Summary " + key, "startDate", "2026-03-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        addMember(owner.api(), key, mia, "MEMBER");
        long phase = createTask(owner.api(), key, "Phase", null).get("id").asLong();
        long a = createTask(owner.api(), key, json("name", "A", "parentId", phase, "duration", "5d"))
                .get("id")
                .asLong();
        fixedCost(owner, project, a, "1000", "PRORATED");
        fixedCost(owner, project, phase, "400", "START");
        JsonNode shown = owner.api().get(project + "/tasks/" + phase).body();
        assertThat(shown.get("fixedCost").decimalValue()).isEqualByComparingTo("400");
        assertThat(shown.get("fixedCostAccrual").asString()).isEqualTo("START");
        assertThat(mia.api()
                        .get(project + "/tasks/" + phase)
                        .body()
                        .get("fixedCost")
                        .isNull())
                .isTrue();

        Response baseline = owner.api().post(project + "/baselines/0", json());
        assertThat(baseline.status()).as(baseline.toString()).isBetween(200, 201);
        // Phase's progress is its subtasks', weighted by duration, as Project rolls it up: A's 50 %.
        progress(owner, project, a, 50);

        JsonNode wednesday = report(owner, project, "2026-03-04");
        JsonNode total = wednesday.get("total");
        assertThat(total.get("budgetAtCompletion").decimalValue()).isEqualByComparingTo(money(1000 + 400));
        assertThat(total.get("plannedValue").decimalValue()).isEqualByComparingTo(money(400 + 1000 * 3 / 5.0));
        assertThat(total.get("earnedValue").decimalValue()).isEqualByComparingTo(money(500 + 400 * 0.5));
        assertThat(total.get("actualCost").decimalValue()).isEqualByComparingTo(money(500 + 400));
        JsonNode phaseFigures = figuresOf(wednesday, phase);
        assertThat(phaseFigures.get("budgetAtCompletion").decimalValue()).isEqualByComparingTo(money(1400));
        assertThat(phaseFigures.get("plannedValue").decimalValue()).isEqualByComparingTo(money(1000));
        assertThat(phaseFigures.get("earnedValue").decimalValue()).isEqualByComparingTo(money(700));
        assertThat(phaseFigures.get("actualCost").decimalValue()).isEqualByComparingTo(money(900));
        JsonNode aFigures = figuresOf(wednesday, a);
        assertThat(aFigures.get("budgetAtCompletion").decimalValue()).isEqualByComparingTo(money(1000));
        assertThat(aFigures.get("actualCost").decimalValue()).isEqualByComparingTo(money(500));
        // On the Sunday before, nothing is planned or spent yet.
        JsonNode before = report(owner, project, "2026-03-01").get("total");
        assertThat(before.get("plannedValue").decimalValue()).isEqualByComparingTo(money(0));
        assertThat(before.get("actualCost").decimalValue()).isEqualByComparingTo(money(0));
    }

    @Test
    void badMoneyDatesAndAccrualsAreNamedAndStaleTasksAreConflicts() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        String project = "/api/v1/projects/" + key;
        long task = createTask(owner.api(), key, json("name", "A", "duration", "1d"))
                .get("id")
                .asLong();
        long summary = createTask(owner.api(), key, "Summary", null).get("id").asLong();
        createTask(owner.api(), key, json("name", "Child", "parentId", summary, "duration", "1d"));

        int version = version(owner, project, task);
        assertThat(errorFields(owner.api()
                        .patch(
                                project + "/tasks/" + task,
                                json("fixedCost", -5, "fixedCostAccrual", "LATER", "version", version))))
                .containsExactlyInAnyOrder("fixedCost", "fixedCostAccrual");
        assertThat(errorFields(
                        owner.api().patch(project + "/tasks/" + task, json("fixedCost", "12.345", "version", version))))
                .containsExactly("fixedCost");
        assertThat(errorFields(owner.api()
                        .patch(
                                project + "/tasks/" + summary,
                                json("fixedCost", -10, "version", version(owner, project, summary)))))
                .containsExactly("fixedCost");
        Response set = owner.api().patch(project + "/tasks/" + task, json("fixedCost", 10, "version", version));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        Response stale = owner.api().patch(project + "/tasks/" + task, json("fixedCost", 20, "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(owner.api()
                        .get(project + "/tasks/" + task)
                        .body()
                        .get("fixedCost")
                        .decimalValue())
                .isEqualByComparingTo("10");

        assertThat(errorFields(owner.api().post(project + "/expenses", json("date", "2026-02-30", "amount", 5))))
                .containsExactly("date");
        assertThat(errorFields(owner.api().post(project + "/expenses", json("date", "2026-03-02", "amount", -5))))
                .containsExactly("amount");
        assertThat(errorFields(owner.api().post(project + "/expenses", json("note", "nothing"))))
                .containsExactlyInAnyOrder("date", "amount");
        assertThat(errorFields(owner.api()
                        .post(project + "/expenses", json("date", "1492-10-12", "amount", "1.001", "taskId", 0))))
                .containsExactlyInAnyOrder("date", "amount", "taskId");
        assertThat(errorFields(owner.api().post(project + "/budgets", json("amount", -1))))
                .containsExactly("amount");
        assertThat(errorFields(owner.api().post(project + "/budgets", json("amount", 1, "taskId", -4))))
                .containsExactly("taskId");
        assertThat(owner.api().get(project + "/expenses").body().size()).isZero();
        assertThat(owner.api().get(project + "/budgets").body().size()).isZero();
        assertThat(owner.api().get(project + "/expenses/999999999").status()).isEqualTo(404);
    }

    private static void fixedCost(TestUser owner, String project, long task, String amount, String accrual) {
        Response changed = owner.api()
                .patch(
                        project + "/tasks/" + task,
                        json(
                                "fixedCost",
                                amount,
                                "fixedCostAccrual",
                                accrual,
                                "version",
                                version(owner, project, task)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private static int version(TestUser owner, String project, long task) {
        return owner.api().get(project + "/tasks/" + task).body().get("version").asInt();
    }

    private static void progress(TestUser owner, String project, long task, int percent) {
        Response changed = owner.api()
                .patch(
                        project + "/tasks/" + task,
                        json("percentComplete", percent, "version", version(owner, project, task)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private static long expense(TestUser person, String project, Object body) {
        Response created = person.api().post(project + "/expenses", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private static long budget(TestUser owner, String project, Object body) {
        Response created = owner.api().post(project + "/budgets", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private static JsonNode report(TestUser owner, String project, String statusDate) {
        Response answer = owner.api().get(project + "/earned-value?baseline=0&by=week&statusDate=" + statusDate);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static java.util.List<Long> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.body().valueStream().map(node -> node.get("id").asLong()).toList();
    }

    private static JsonNode figuresOf(JsonNode report, long task) {
        return report.get("tasks")
                .valueStream()
                .filter(row -> row.get("taskId").asLong() == task)
                .findFirst()
                .orElseThrow()
                .get("figures");
    }
}
