package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The risk register and the Monte Carlo schedule risk analysis through the API, on a plan whose dates are
 * worked out by hand: from Monday 2026-03-02, Monday to Friday 08:00-12:00 and 13:00-17:00, A (3 days,
 * Monday to Wednesday) then B (2 days, Thursday and Friday 6 March 17:00); C (4 days, Monday to Thursday)
 * alone, one day of slack.
 */
class RiskApiIT extends ApiIntegrationTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient database;

    private static final String SCHEDULED_FINISH = "2026-03-06T17:00:00";

    record Plan(TestUser owner, String key, long a, long b, long c) {
        String path() {
            return "/api/v1/projects/" + key;
        }

        ApiClient api() {
            return owner.api();
        }
    }

    private Plan plan() {
        TestUser owner = newUser("risk-owner");
        String key = newProjectStarting(owner.api(), "Risky", LocalDate.of(2026, 3, 2));
        long a = taskId(owner.api(), key, json("name", "A", "duration", "3d"));
        long b = taskId(owner.api(), key, json("name", "B", "duration", "2d"));
        long c = taskId(owner.api(), key, json("name", "C", "duration", "4d"));
        link(owner.api(), key, a, b);
        return new Plan(owner, key, a, b, c);
    }

    private static JsonNode cell(JsonNode heatMap, int probability, int impact) {
        for (JsonNode cell : heatMap.get("cells")) {
            if (cell.get("probability").asInt() == probability
                    && cell.get("impact").asInt() == impact) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + probability + "x" + impact);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asLong()));
        return ids;
    }

    @Test
    void aRisksScoreIsProbabilityTimesImpactAndItSitsInItsHeatMapCell() {
        Plan plan = plan();
        JsonNode vendor = created(plan.api()
                .post(
                        plan.path() + "/risks",
                        json(
                                "title", "Vendor API late",
                                "category", "Supplier",
                                "cause", "Vendor has one engineer",
                                "event", "API delivered late",
                                "effect", "Integration slips",
                                "probability", 4,
                                "impact", 5,
                                "responseStrategy", "MITIGATE",
                                "ownerId", plan.owner().id(),
                                "reviewDate", "2026-03-09",
                                "taskIds", List.of(plan.b(), plan.a()))));
        JsonNode staff = created(
                plan.api().post(plan.path() + "/risks", json("title", "Tester leaves", "probability", 2, "impact", 3)));
        JsonNode closed = created(plan.api()
                .post(
                        plan.path() + "/risks",
                        json("title", "Licence audit", "probability", 4, "impact", 5, "status", "CLOSED")));

        assertThat(vendor.get("score").asInt()).isEqualTo(20);
        assertThat(vendor.get("level").asString()).isEqualTo("CRITICAL");
        assertThat(vendor.get("kind").asString()).isEqualTo("THREAT");
        assertThat(vendor.get("ownerName").asString()).isEqualTo("risk-owner Tester");
        assertThat(ids(vendor.get("taskIds")))
                .containsExactly(Math.min(plan.a(), plan.b()), Math.max(plan.a(), plan.b()));
        assertThat(vendor.get("delayChancePercent").asInt()).isEqualTo(70);
        assertThat(staff.get("score").asInt()).isEqualTo(6);
        assertThat(staff.get("level").asString()).isEqualTo("MEDIUM");

        JsonNode heatMap = ok(plan.api().get(plan.path() + "/risks/heat-map"));
        assertThat(heatMap.get("cells")).hasSize(25);
        assertThat(heatMap.get("openRisks").asInt()).isEqualTo(2);
        assertThat(heatMap.get("exposure").asInt()).isEqualTo(26);
        assertThat(ids(cell(heatMap, 4, 5).get("riskIds")))
                .containsExactly(vendor.get("id").asLong());
        assertThat(cell(heatMap, 4, 5).get("score").asInt()).isEqualTo(20);
        assertThat(ids(cell(heatMap, 2, 3).get("riskIds")))
                .containsExactly(staff.get("id").asLong());
        assertThat(cell(heatMap, 3, 3).get("count").asInt()).isZero();
        assertThat(heatMap.get("cells").get(0).get("probability").asInt()).isEqualTo(5);
        assertThat(heatMap.get("cells").get(0).get("impact").asInt()).isEqualTo(1);

        JsonNode inCell = ok(plan.api().get(plan.path() + "/risks?probability=4&impact=5"));
        assertThat(inCell.valueStream().map(risk -> risk.get("title").asString()))
                .containsExactly("Vendor API late", "Licence audit");
        JsonNode all = ok(plan.api().get(plan.path() + "/risks"));
        assertThat(all.valueStream().map(risk -> risk.get("id").asLong()))
                .containsExactly(
                        vendor.get("id").asLong(),
                        closed.get("id").asLong(),
                        staff.get("id").asLong());
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentRisk() {
        Plan plan = plan();
        JsonNode risk = created(
                plan.api().post(plan.path() + "/risks", json("title", "Outage", "probability", 3, "impact", 3)));
        String path = plan.path() + "/risks/" + risk.get("id").asLong();

        JsonNode first = ok(plan.api().patch(path, json("impact", 5, "status", "MONITORING", "version", 0)));
        Response second = plan.api().patch(path, json("probability", 1, "version", 0));

        assertThat(first.get("score").asInt()).isEqualTo(15);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("current").get("impact").asInt()).isEqualTo(5);
        assertThat(second.body().get("current").get("probability").asInt()).isEqualTo(3);
        assertThat(ok(plan.api().get(path)).get("probability").asInt()).isEqualTo(3);
    }

    @Test
    void invalidRisksAreRefusedFieldByFieldAndWriteNothing() {
        Plan plan = plan();
        long summary =
                createTask(plan.api(), plan.key(), "Phase", null).get("id").asLong();
        createTask(plan.api(), plan.key(), "Inside", summary);
        TestUser stranger = newUser("stranger");

        Response refused = plan.api()
                .post(
                        plan.path() + "/risks",
                        json(
                                "title",
                                " ",
                                "probability",
                                6,
                                "impact",
                                0,
                                "kind",
                                "OPPORTUNITY",
                                "responseStrategy",
                                "AVOID",
                                "ownerId",
                                stranger.id(),
                                "delayTaskId",
                                summary,
                                "delayDays",
                                2));
        Response missingDays = plan.api()
                .post(
                        plan.path() + "/risks",
                        json("title", "x", "probability", 1, "impact", 1, "delayTaskId", plan.a()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorFields(refused))
                .containsExactlyInAnyOrder(
                        "title", "probability", "impact", "responseStrategy", "ownerId", "delayTaskId");
        assertThat(errorFields(missingDays)).containsExactly("delayDays");
        assertThat(ok(plan.api().get(plan.path() + "/risks"))).isEmpty();
        assertThat(plan.api().get(plan.path() + "/risks/999999999").status()).isEqualTo(404);
    }

    @Test
    void theResidualRatingPlacesARiskOnTheResidualHeatMapAndInTheResidualExposure() {
        Plan plan = plan();
        JsonNode vendor = created(plan.api()
                .post(
                        plan.path() + "/risks",
                        json(
                                "title", "Vendor API late",
                                "probability", 4,
                                "impact", 5,
                                "responseStrategy", "MITIGATE",
                                "residualProbability", 2,
                                "residualImpact", 3,
                                "trigger", "Vendor misses the March demo",
                                "proximity", "2026-04-01",
                                "costImpact", "12500.50")));
        JsonNode staff = created(
                plan.api().post(plan.path() + "/risks", json("title", "Tester leaves", "probability", 2, "impact", 3)));

        assertThat(vendor.get("score").asInt()).isEqualTo(20);
        assertThat(vendor.get("residualScore").asInt()).isEqualTo(6);
        assertThat(vendor.get("residualLevel").asString()).isEqualTo("MEDIUM");
        assertThat(vendor.get("trigger").asString()).isEqualTo("Vendor misses the March demo");
        assertThat(vendor.get("proximity").asString()).isEqualTo("2026-04-01");
        assertThat(vendor.get("costImpact").decimalValue()).isEqualByComparingTo("12500.50");
        assertThat(staff.get("residualScore").isNull()).isTrue();

        JsonNode inherent = ok(plan.api().get(plan.path() + "/risks/heat-map"));
        JsonNode residual = ok(plan.api().get(plan.path() + "/risks/heat-map?basis=RESIDUAL"));
        assertThat(inherent.get("basis").asString()).isEqualTo("INHERENT");
        assertThat(inherent.get("exposure").asInt()).isEqualTo(26);
        assertThat(residual.get("basis").asString()).isEqualTo("RESIDUAL");
        assertThat(residual.get("exposure").asInt()).isEqualTo(12);
        assertThat(cell(residual, 4, 5).get("count").asInt()).isZero();
        assertThat(ids(cell(residual, 2, 3).get("riskIds")))
                .containsExactlyInAnyOrder(
                        vendor.get("id").asLong(), staff.get("id").asLong());
        JsonNode inResidualCell = ok(plan.api().get(plan.path() + "/risks?basis=residual&probability=2&impact=3"));
        assertThat(inResidualCell.valueStream().map(risk -> risk.get("title").asString()))
                .containsExactlyInAnyOrder("Vendor API late", "Tester leaves");

        String path = plan.path() + "/risks/" + vendor.get("id").asLong();
        JsonNode cleared = ok(plan.api()
                .patch(path, json("clear", List.of("residual", "costImpact"), "version", vendor.get("version"))));
        assertThat(cleared.get("residualProbability").isNull()).isTrue();
        assertThat(cleared.get("residualScore").isNull()).isTrue();
        assertThat(cleared.get("costImpact").isNull()).isTrue();
        assertThat(cleared.get("trigger").asString()).isEqualTo("Vendor misses the March demo");
        assertThat(ok(plan.api().get(plan.path() + "/risks/heat-map?basis=RESIDUAL"))
                        .get("exposure")
                        .asInt())
                .isEqualTo(26);
    }

    @Test
    void halfAResidualRatingAWrongCostOrAnUnknownBasisIsRefusedByField() {
        Plan plan = plan();
        Response refused = plan.api()
                .post(
                        plan.path() + "/risks",
                        json(
                                "title",
                                "Half rated",
                                "probability",
                                3,
                                "impact",
                                3,
                                "residualProbability",
                                2,
                                "costImpact",
                                "-1",
                                "proximity",
                                "0001-01-01"));
        Response badResidual = plan.api()
                .post(
                        plan.path() + "/risks",
                        json(
                                "title", "Off the scale",
                                "probability", 3,
                                "impact", 3,
                                "residualProbability", 0,
                                "residualImpact", 6,
                                "costImpact", "10.005"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactlyInAnyOrder("residualImpact", "costImpact", "proximity");
        assertThat(errorFields(badResidual))
                .containsExactlyInAnyOrder("residualProbability", "residualImpact", "costImpact");
        assertThat(errorFields(plan.api().get(plan.path() + "/risks/heat-map?basis=SIDEWAYS")))
                .containsExactly("basis");
        assertThat(ok(plan.api().get(plan.path() + "/risks"))).isEmpty();
    }

    @Test
    void theExposureTrendCarriesEachDaysFiguresForwardFromTheLastChange() {
        Plan plan = plan();
        assertThat(ok(plan.api().get(plan.path() + "/risks/exposure-trend")).get("days"))
                .as("nothing recorded yet, so no day is shown as a zero")
                .isEmpty();
        JsonNode vendor = created(plan.api()
                .post(
                        plan.path() + "/risks",
                        json(
                                "title",
                                "Vendor",
                                "probability",
                                4,
                                "impact",
                                5,
                                "residualProbability",
                                2,
                                "residualImpact",
                                2)));
        created(plan.api()
                .post(
                        plan.path() + "/risks",
                        json("title", "Faster build", "kind", "OPPORTUNITY", "probability", 3, "impact", 2)));
        created(plan.api().post(plan.path() + "/risks", json("title", "Staff", "probability", 1, "impact", 3)));
        ok(plan.api()
                .patch(
                        plan.path() + "/risks/" + vendor.get("id").asLong(),
                        json("status", "MONITORING", "version", vendor.get("version"))));

        JsonNode trend = ok(plan.api().get(plan.path() + "/risks/exposure-trend"));
        JsonNode days = trend.get("days");
        assertThat(days).hasSize(1);
        JsonNode today = days.get(0);
        assertThat(today.get("day").asString()).isEqualTo(trend.get("to").asString());
        assertThat(java.time.LocalDate.parse(trend.get("from").asString()))
                .isEqualTo(java.time.LocalDate.parse(trend.get("to").asString()).minusDays(89));
        assertThat(today.get("openRisks").asInt()).isEqualTo(3);
        assertThat(today.get("openThreats").asInt()).isEqualTo(2);
        assertThat(today.get("exposure").asInt()).isEqualTo(20 + 6 + 3);
        assertThat(today.get("threatExposure").asInt()).isEqualTo(23);
        assertThat(today.get("opportunityExposure").asInt()).isEqualTo(6);
        assertThat(today.get("residualExposure").asInt()).isEqualTo(4 + 6 + 3);

        // Closing a risk today changes today's figures, not a second row.
        JsonNode staff = ok(plan.api().get(plan.path() + "/risks?q=Staff")).get(0);
        ok(plan.api()
                .patch(
                        plan.path() + "/risks/" + staff.get("id").asLong(),
                        json("status", "CLOSED", "version", staff.get("version"))));
        JsonNode after =
                ok(plan.api().get(plan.path() + "/risks/exposure-trend")).get("days");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("exposure").asInt()).isEqualTo(26);
        assertThat(after.get(0).get("openRisks").asInt()).isEqualTo(2);

        // A deleted risk leaves the trend too (the register's trigger records every change).
        ok(plan.api().get(plan.path() + "/risks/" + vendor.get("id").asLong()));
        assertThat(plan.api()
                        .delete(plan.path() + "/risks/" + vendor.get("id").asLong())
                        .status())
                .isEqualTo(204);
        assertThat(ok(plan.api().get(plan.path() + "/risks/exposure-trend"))
                        .get("days")
                        .get(0)
                        .get("exposure")
                        .asInt())
                .isEqualTo(6);
        assertThat(ok(plan.api().get(plan.path() + "/risks/heat-map"))
                        .get("exposure")
                        .asInt())
                .isEqualTo(6);
    }

    @Test
    void anExposureTrendPeriodBackwardsOrOverTenYearsIsRefused() {
        Plan plan = plan();
        assertThat(errorFields(plan.api().get(plan.path() + "/risks/exposure-trend?from=2026-03-10&to=2026-03-01")))
                .containsExactly("from");
        assertThat(errorFields(plan.api().get(plan.path() + "/risks/exposure-trend?from=2016-01-01&to=2026-03-01")))
                .containsExactly("to");
        Response notADate = plan.api().get(plan.path() + "/risks/exposure-trend?from=yesterday");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(errorFields(notADate)).containsExactly("from");
        assertThat(plan.api()
                        .get("/api/v1/projects/NOSUCH/risks/exposure-trend")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aProjectWithRisksAndAnExposureTrendCanBeRemovedFromTheDatabase() {
        // The API only archives projects; an administrator removing one in SQL must not trip over the trigger
        // that records the exposure (it would record a day for the project being deleted).
        Plan plan = plan();
        created(plan.api().post(plan.path() + "/risks", json("title", "Outage", "probability", 3, "impact", 4)));
        assertThat(ok(plan.api().get(plan.path() + "/risks/exposure-trend")).get("days"))
                .hasSize(1);

        int removed = database.sql("delete from project where project_key = :key")
                .param("key", plan.key())
                .update();

        assertThat(removed).isEqualTo(1);
        assertThat(database.sql("select count(*) from risk_exposure_day d where not exists"
                                + " (select 1 from project p where p.id = d.project_id)")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(plan.api().get(plan.path() + "/risks").status()).isEqualTo(404);
    }

    @Test
    void withNoSpreadMonteCarloGivesTheProjectsScheduledFinish() {
        Plan plan = plan();
        String finish = latestFinish(plan);

        JsonNode report = ok(plan.api()
                .post(
                        plan.path() + "/schedule-risk",
                        json("iterations", 1000, "optimisticPercent", 100, "pessimisticPercent", 100)));

        assertThat(finish).isEqualTo(SCHEDULED_FINISH);
        assertThat(report.get("scheduledFinish").asString()).isEqualTo(SCHEDULED_FINISH);
        for (String percentile : List.of("p10", "p50", "p80", "p90")) {
            assertThat(report.get(percentile).asString()).as(percentile).isEqualTo(SCHEDULED_FINISH);
        }
        assertThat(report.get("meanDays").asDouble()).isEqualTo(5.0);
        assertThat(report.get("standardDeviationDays").asDouble()).isZero();
        assertThat(report.get("probabilityOfScheduledFinish").asDouble()).isEqualTo(1.0);
        Map<Long, Double> criticality = criticality(report);
        assertThat(criticality)
                .containsEntry(plan.a(), 1.0)
                .containsEntry(plan.b(), 1.0)
                .containsEntry(plan.c(), 0.0);
        assertThat(report.get("tornado")).isEmpty();
        assertThat(report.get("milestones")).isEmpty();
    }

    @Test
    void aMilestoneAfterAnUncertainTaskGetsItsOwnDates() {
        Plan plan = plan();
        long release = createTask(plan.api(), plan.key(), json("name", "Release", "milestone", true))
                .get("id")
                .asLong();
        Response link =
                plan.api().post(plan.path() + "/links", json("predecessorId", plan.a(), "successorId", release));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);

        // A: 2 to 4 days, uniform; the release follows A, so half the runs reach it by Wednesday 17:00.
        JsonNode report = ok(plan.api()
                .post(
                        plan.path() + "/schedule-risk",
                        json(
                                "iterations", 20_000,
                                "optimisticPercent", 100,
                                "pessimisticPercent", 100,
                                "estimates",
                                        List.of(json(
                                                "taskId", plan.a(),
                                                "optimisticDays", 2,
                                                "mostLikelyDays", 3,
                                                "pessimisticDays", 4,
                                                "distribution", "UNIFORM")))));

        JsonNode milestone = report.get("milestones").get(0);
        assertThat(report.get("milestones")).hasSize(1);
        assertThat(milestone.get("taskId").asLong()).isEqualTo(release);
        assertThat(milestone.get("name").asString()).isEqualTo("Release");
        assertThat(milestone.get("scheduledFinish").asString()).isEqualTo("2026-03-04T17:00:00");
        assertThat(milestone.get("probabilityOnTime").asDouble()).isCloseTo(0.5, within(0.02));
        assertThat(milestone.get("p10").asString()).startsWith("2026-03-04T"); // 2.2 days: Wednesday
        assertThat(milestone.get("p90").asString()).startsWith("2026-03-05T"); // 3.8 days: Thursday
        // Its own histogram and cumulative curve: half the runs reach it on Wednesday, the rest on Thursday.
        JsonNode days = milestone.get("finishDays");
        assertThat(days).hasSize(2);
        assertThat(days.get(0).get("date").asString()).isEqualTo("2026-03-04");
        assertThat(days.get(0).get("cumulativeProbability").asDouble()).isCloseTo(0.5, within(0.02));
        assertThat(days.get(1).get("date").asString()).isEqualTo("2026-03-05");
        assertThat(days.get(1).get("cumulativeProbability").asDouble()).isEqualTo(1.0);
        assertThat(days.get(0).get("runs").asInt() + days.get(1).get("runs").asInt())
                .isEqualTo(report.get("iterations").asInt());
    }

    @Test
    void aQuantifiedRiskDelaysTheFinishInTheRunsItOccursIn() {
        Plan plan = plan();
        JsonNode certain = created(plan.api()
                .post(
                        plan.path() + "/risks",
                        json(
                                "title", "Test rig shared",
                                "probability", 5,
                                "impact", 3,
                                "delayTaskId", plan.b(),
                                "delayDays", 2,
                                "delayPercent", 100)));
        Map<String, Object> noSpread = json("iterations", 2000, "optimisticPercent", 100, "pessimisticPercent", 100);

        JsonNode always = ok(plan.api().post(plan.path() + "/schedule-risk", noSpread));
        ok(plan.api()
                .patch(
                        plan.path() + "/risks/" + certain.get("id").asLong(),
                        json(
                                "delayPercent",
                                40,
                                "version",
                                certain.get("version").asInt())));
        JsonNode sometimes = ok(plan.api().post(plan.path() + "/schedule-risk", noSpread));

        // Two working days after Friday 6 March: Tuesday 10 March, 17:00, in every run.
        assertThat(always.get("risks").asInt()).isEqualTo(1);
        assertThat(always.get("p10").asString()).isEqualTo("2026-03-10T17:00:00");
        assertThat(always.get("probabilityOfScheduledFinish").asDouble()).isZero();
        // In 40 % of the runs: P50 on plan, P80 two days late; the risk leads the tornado.
        assertThat(sometimes.get("p50").asString()).isEqualTo(SCHEDULED_FINISH);
        assertThat(sometimes.get("p80").asString()).isEqualTo("2026-03-10T17:00:00");
        assertThat(sometimes.get("probabilityOfScheduledFinish").asDouble()).isCloseTo(0.6, within(0.03));
        assertThat(sometimes.get("meanDays").asDouble()).isCloseTo(5.8, within(0.06));
        JsonNode driver = sometimes.get("tornado").get(0);
        assertThat(driver.get("riskId").asLong()).isEqualTo(certain.get("id").asLong());
        assertThat(driver.get("name").asString()).isEqualTo("Test rig shared");
        assertThat(driver.get("correlation").asDouble()).isCloseTo(1.0, within(1e-9));
        // A and B take five days or more against C's four: C is never critical.
        assertThat(criticality(sometimes)).containsEntry(plan.c(), 0.0).containsEntry(plan.b(), 1.0);
    }

    @Test
    void theChanceOfMeetingTheBaselineFinishIsTheShareOfRunsFinishingByIt() {
        Plan plan = plan();
        created(plan.api()
                .post(
                        plan.path() + "/risks",
                        json(
                                "title", "Late parts",
                                "probability", 3,
                                "impact", 3,
                                "delayTaskId", plan.b(),
                                "delayDays", 2,
                                "delayPercent", 40)));
        Map<String, Object> noSpread = json("iterations", 5000, "optimisticPercent", 100, "pessimisticPercent", 100);
        JsonNode before = ok(plan.api().post(plan.path() + "/schedule-risk", noSpread));
        Response baseline = plan.api().post(plan.path() + "/baselines/0", json());
        assertThat(baseline.status()).as(baseline.toString()).isBetween(200, 201);
        // Baseline 0 finishes with B on Friday 6 March; the risk pushes the finish two days in 40 % of the runs.
        JsonNode after = ok(plan.api().post(plan.path() + "/schedule-risk", noSpread));

        assertThat(before.get("baselineFinish").isNull()).as("no baseline yet").isTrue();
        assertThat(before.get("baselineProbability").isNull()).isTrue();
        assertThat(after.get("baselineFinish").asString()).isEqualTo(SCHEDULED_FINISH);
        assertThat(after.get("baselineProbability").asDouble()).isCloseTo(0.6, within(0.03));
        assertThat(after.get("baselineProbability").asDouble())
                .isEqualTo(after.get("probabilityOfScheduledFinish").asDouble());
    }

    @Test
    void anEstimateGivesTheChanceOfMeetingADeadline() {
        Plan plan = plan();
        // A takes 2 to 4 days, uniform; B then ends 5 days later at the median: Friday 6 March.
        Map<String, Object> request = json(
                "iterations", 20_000,
                "seed", 7,
                "optimisticPercent", 100,
                "pessimisticPercent", 100,
                "deadline", "2026-03-06",
                "estimates",
                        List.of(json(
                                "taskId", plan.a(),
                                "optimisticDays", 2,
                                "mostLikelyDays", 3,
                                "pessimisticDays", 4,
                                "distribution", "UNIFORM")));

        JsonNode report = ok(plan.api().post(plan.path() + "/schedule-risk", request));
        JsonNode again = ok(plan.api().post(plan.path() + "/schedule-risk", request));

        assertThat(report.get("estimates").asInt()).isEqualTo(1);
        assertThat(report.get("deadlineProbability").asDouble()).isCloseTo(0.5, within(0.02));
        assertThat(report.get("meanDays").asDouble()).isCloseTo(5.0, within(0.02));
        // P10: A 2.2 days, finish after 4.2 days (Friday); P90: A 3.8 days, 5.8 days (Monday 9 March).
        assertThat(report.get("p10").asString()).startsWith("2026-03-06T");
        assertThat(report.get("p90").asString()).startsWith("2026-03-09T");
        // A then B take at least 4 days, as long as C: A and B are critical in every run.
        assertThat(criticality(report).get(plan.a())).isCloseTo(1.0, within(1e-9));
        JsonNode days = report.get("finishDays");
        assertThat(days.get(days.size() - 1).get("cumulativeProbability").asDouble())
                .isEqualTo(1.0);
        assertThat(again.get("finishDays")).isEqualTo(days);
        assertThat(again.get("p50")).isEqualTo(report.get("p50"));
    }

    @Test
    void correlatedTasksWidenTheSpreadOfTheFinish() {
        Plan plan = plan();
        // A (2 to 4 days) then B (1 to 3 days), uniform, beside C (4 days): the finish is max(A + B, 4 days).
        // Independent, A + B is triangular on 3..7 days and the variance 0.5608 day^2; perfectly correlated,
        // A + B = 3 + 4u is uniform on 3..7 and the variance 27.25 - 5.125^2 = 0.9844 day^2.
        List<Map<String, Object>> estimates = List.of(
                json(
                        "taskId",
                        plan.a(),
                        "optimisticDays",
                        2,
                        "mostLikelyDays",
                        3,
                        "pessimisticDays",
                        4,
                        "distribution",
                        "UNIFORM"),
                json(
                        "taskId",
                        plan.b(),
                        "optimisticDays",
                        1,
                        "mostLikelyDays",
                        2,
                        "pessimisticDays",
                        3,
                        "distribution",
                        "UNIFORM"));
        Map<String, Object> independent =
                json("iterations", 50_000, "optimisticPercent", 100, "pessimisticPercent", 100, "estimates", estimates);
        Map<String, Object> together = new java.util.HashMap<>(independent);
        together.put("correlations", List.of(json("taskIds", List.of(plan.a(), plan.b()), "coefficient", 1)));

        double apart = ok(plan.api().post(plan.path() + "/schedule-risk", independent))
                .get("standardDeviationDays")
                .asDouble();
        double joined = ok(plan.api().post(plan.path() + "/schedule-risk", together))
                .get("standardDeviationDays")
                .asDouble();
        Response twice = plan.api()
                .post(
                        plan.path() + "/schedule-risk",
                        json(
                                "correlations",
                                List.of(
                                        json("taskIds", List.of(plan.a(), plan.b()), "coefficient", 0.5),
                                        json("taskIds", List.of(plan.b(), plan.c()), "coefficient", 2))));

        assertThat(apart * apart).isCloseTo(0.5608, within(0.015));
        assertThat(joined * joined).isCloseTo(0.9844, within(0.025));
        assertThat(errorFields(twice)).containsExactly("correlations[1].coefficient");
    }

    @Test
    void badAnalysisRequestsAreRefusedWithTheirFields() {
        Plan plan = plan();

        Response refused = plan.api()
                .post(
                        plan.path() + "/schedule-risk",
                        json(
                                "iterations",
                                5,
                                "distribution",
                                "NORMAL",
                                "pessimisticPercent",
                                50,
                                "estimates",
                                List.of(json(
                                        "taskId", 1, "optimisticDays", 3, "mostLikelyDays", 2, "pessimisticDays", 4))));
        Response inverted = plan.api()
                .post(
                        plan.path() + "/schedule-risk",
                        json(
                                "estimates",
                                List.of(json(
                                        "taskId",
                                        plan.a(),
                                        "optimisticDays",
                                        3,
                                        "mostLikelyDays",
                                        2,
                                        "pessimisticDays",
                                        4))));

        Response centuries = plan.api()
                .post(
                        plan.path() + "/schedule-risk",
                        json(
                                "estimates",
                                List.of(json(
                                        "taskId",
                                        plan.a(),
                                        "optimisticDays",
                                        1,
                                        "mostLikelyDays",
                                        2,
                                        "pessimisticDays",
                                        100_000))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactlyInAnyOrder("iterations", "distribution", "pessimisticPercent");
        assertThat(centuries.status()).isEqualTo(400);
        assertThat(errorFields(centuries)).containsExactly("estimates");
        assertThat(errorFields(inverted)).containsExactly("estimates[0]");
    }

    private String latestFinish(Plan plan) {
        JsonNode tasks = ok(plan.api().get(plan.path() + "/tasks?size=50")).get("items");
        return tasks.valueStream()
                .map(task -> task.get("finish").asString())
                .max(String::compareTo)
                .orElseThrow();
    }

    private static Map<Long, Double> criticality(JsonNode report) {
        Map<Long, Double> indexes = new java.util.HashMap<>();
        report.get("criticality")
                .forEach(entry -> indexes.put(
                        entry.get("taskId").asLong(),
                        entry.get("criticalityIndex").asDouble()));
        return indexes;
    }
}
