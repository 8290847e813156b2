package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Builds a small project through the API (tasks, people with rates, assignments, a baseline, progress and
 * time entries) and checks the earned value API against figures worked out by hand below.
 *
 * <p>Project from Monday 2026-03-02, Monday to Friday, 8 h a day. "Phase" holds A (5 days) and B (5 days,
 * after A); C (2 days) stands alone. Pat costs 50 an hour, Lee 40 an hour and 20 per use.
 * <ul>
 *   <li>A: Pat 100 %, 40 h: 40 x 50 = 2,000. B: Lee 50 %, 20 h: 20 x 40 + 20 x 0.5 = 810. C: Lee 100 %,
 *       16 h: 16 x 40 + 20 = 660. BAC = 3,470, captured into baseline 0.
 *   <li>After the baseline Pat's rate becomes 60 from Wednesday 2026-03-04 (the budget does not change).
 *   <li>Status date Thursday 2026-03-05. PV: A 4 of 5 days of 2,000 = 1,600; B 0; C 660: 2,260.
 *   <li>EV: A 60 % of 2,000 = 1,200; C 100 % = 660: 1,860.
 *   <li>AC (approved hours only: both weeks of 2026-03-02 are submitted and approved): Pat on A 8 h + 7:30 (Mon, Tue, at 50) = 775, 8 h + 1.5 h (Wed, Thu, at 60) = 570; Lee on C 8 h +
 *       6.25 h at 40 = 570; Pat's 2 h of next Monday are after the status date: 1,915.
 * </ul>
 */
class EarnedValueApiIT extends ApiIntegrationTest {

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal index(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    @Test
    void earnedValueOfAProjectBuiltThroughTheApiMatchesTheFiguresWorkedOutByHand() {
        TestUser owner = newUser("owner");
        TestUser pat = newUser("pat");
        TestUser lee = newUser("lee");
        TestUser sponsor = newUser("sponsor");
        String key = newKey();
        String project = "/api/v1/projects/" + key;
        Response created = owner.api()
                .post("/api/v1/projects", json("key", key, "name", "Money " + key, "startDate", "2026-03-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        addMember(owner.api(), key, pat, "MEMBER");
        addMember(owner.api(), key, lee, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");

        long phase = createTask(owner.api(), key, "Phase", null).get("id").asLong();
        long a = createTask(owner.api(), key, json("name", "A", "parentId", phase, "duration", "5d"))
                .get("id")
                .asLong();
        long b = createTask(owner.api(), key, json("name", "B", "parentId", phase, "duration", "5d"))
                .get("id")
                .asLong();
        long c = createTask(owner.api(), key, json("name", "C", "duration", "2d"))
                .get("id")
                .asLong();
        assertThat(owner.api()
                        .post(project + "/links", json("predecessorId", a, "successorId", b))
                        .status())
                .isEqualTo(201);
        assertThat(owner.api().get(project + "/tasks/" + b).body().get("start").asString())
                .startsWith("2026-03-09T08:00");

        long patResource = resource(owner, project, json("name", "Pat", "userId", pat.id(), "standardRate", 50));
        long leeResource =
                resource(owner, project, json("name", "Lee", "userId", lee.id(), "standardRate", 40, "costPerUse", 20));
        assign(owner, project, a, json("resourceId", patResource, "units", 100, "workHours", 40));
        assign(owner, project, b, json("resourceId", leeResource, "units", 50, "workHours", 20));
        assign(owner, project, c, json("resourceId", leeResource, "units", 100, "workHours", 16));

        Response baseline = owner.api().post(project + "/baselines/0", json());
        assertThat(baseline.status()).as(baseline.toString()).isBetween(200, 201);
        Response raise = owner.api()
                .post(
                        project + "/resources/" + patResource + "/rates",
                        json("effectiveFrom", "2026-03-04", "standardRate", 60));
        assertThat(raise.status()).as(raise.toString()).isEqualTo(201);

        progress(owner, project, a, 60);
        progress(owner, project, c, 100);

        time(pat, a, "2026-03-02", "8");
        time(pat, a, "2026-03-03", "7:30");
        time(pat, a, "2026-03-04", "8");
        time(pat, a, "2026-03-05", "1.5");
        time(pat, a, "2026-03-09", "2");
        time(lee, c, "2026-03-02", "8");
        time(lee, c, "2026-03-03", "6.25");

        // Logged hours are actual cost once an owner or manager approved them (the project's default).
        Response unapproved = owner.api().get(project + "/earned-value?statusDate=2026-03-05&baseline=0&by=week");
        assertThat(unapproved.body().get("total").get("actualCost").decimalValue())
                .isEqualByComparingTo(money(0));
        approveWeek(owner, pat, key, "2026-03-02");
        approveWeek(owner, lee, key, "2026-03-02");

        Response answer = owner.api().get(project + "/earned-value?statusDate=2026-03-05&baseline=0&by=week");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode report = answer.body();
        JsonNode total = report.get("total");

        double bac = 40 * 50 + (20 * 40 + 20 * 0.5) + (16 * 40 + 20);
        double pv = 2000 * 4 / 5.0 + 660;
        double ev = 2000 * 0.6 + 660;
        double ac = (8 + 7.5) * 50 + (8 + 1.5) * 60 + (8 + 6.25) * 40;
        assertThat(total.get("budgetAtCompletion").decimalValue()).isEqualByComparingTo(money(bac));
        assertThat(total.get("plannedValue").decimalValue()).isEqualByComparingTo(money(pv));
        assertThat(total.get("earnedValue").decimalValue()).isEqualByComparingTo(money(ev));
        assertThat(total.get("actualCost").decimalValue()).isEqualByComparingTo(money(ac));
        assertThat(total.get("scheduleVariance").decimalValue()).isEqualByComparingTo(money(ev - pv));
        assertThat(total.get("costVariance").decimalValue()).isEqualByComparingTo(money(ev - ac));
        assertThat(total.get("schedulePerformanceIndex").decimalValue()).isEqualByComparingTo(index(ev / pv));
        assertThat(total.get("costPerformanceIndex").decimalValue()).isEqualByComparingTo(index(ev / ac));
        assertThat(total.get("estimateAtCompletion").decimalValue()).isEqualByComparingTo(money(bac * ac / ev));
        assertThat(total.get("estimateAtCompletionAtBudgetedRate").decimalValue())
                .isEqualByComparingTo(money(ac + bac - ev));
        assertThat(total.get("toCompletePerformanceIndex").decimalValue())
                .isEqualByComparingTo(index((bac - ev) / (bac - ac)));
        assertThat(report.get("currency").asString()).isEqualTo("EUR");

        JsonNode phaseFigures = figuresOf(report, phase);
        assertThat(phaseFigures.get("budgetAtCompletion").decimalValue()).isEqualByComparingTo(money(2000 + 810));
        assertThat(phaseFigures.get("plannedValue").decimalValue()).isEqualByComparingTo(money(1600));
        assertThat(phaseFigures.get("actualCost").decimalValue()).isEqualByComparingTo(money(775 + 570));
        assertThat(figuresOf(report, b).get("budgetAtCompletion").decimalValue())
                .isEqualByComparingTo(money(810));

        // Daily cumulative PV: 730, 1,460, 1,860, 2,260, 2,660, (weekend) 2,660, 2,660, 2,822 ... 3,470 on day 12.
        // EV 1,860 = PV of day 3: C = 3, ES = 3; AT = 4 days; SPI(t) = 0.75; IEAC(t) = 12 x 4 / 3 = 16 days.
        JsonNode schedule = report.get("earnedSchedule");
        assertThat(schedule.get("plannedDuration").asInt()).isEqualTo(12);
        assertThat(schedule.get("actualTime").asInt()).isEqualTo(4);
        assertThat(schedule.get("earnedSchedule").decimalValue()).isEqualByComparingTo(index(3));
        assertThat(schedule.get("scheduleVariance").decimalValue()).isEqualByComparingTo(index(-1));
        assertThat(schedule.get("schedulePerformanceIndex").decimalValue()).isEqualByComparingTo(index(0.75));
        assertThat(schedule.get("independentEstimateAtCompletion").decimalValue())
                .isEqualByComparingTo(index(16));
        assertThat(schedule.get("forecastFinish").asString()).isEqualTo("2026-03-17");

        JsonNode curve = report.get("curve");
        assertThat(curve.size()).isEqualTo(2);
        assertThat(curve.get(0).get("periodEnd").asString()).isEqualTo("2026-03-08");
        assertThat(curve.get(0).get("plannedValue").decimalValue()).isEqualByComparingTo(money(2000 + 660));
        assertThat(curve.get(0).get("actualCost").decimalValue()).isEqualByComparingTo(money(ac));
        assertThat(curve.get(0).get("earnedValue").decimalValue()).isEqualByComparingTo(money(ev));
        assertThat(curve.get(1).get("plannedValue").decimalValue()).isEqualByComparingTo(money(bac));
        assertThat(curve.get(1).get("actualCost").isNull()).isTrue();

        // Money is for owners and managers: members and stakeholders neither read it nor see rates.
        assertThat(pat.api().get(project + "/earned-value").status()).isEqualTo(403);
        assertThat(sponsor.api().get(project + "/earned-value").status()).isEqualTo(403);
        assertThat(newUser("outsider").api().get(project + "/earned-value").status())
                .isEqualTo(404);
        JsonNode seenByPat =
                pat.api().get(project + "/resources/" + patResource).body().get("resource");
        assertThat(seenByPat.get("standardRate").isNull()).isTrue();
        assertThat(seenByPat.get("name").asString()).isEqualTo("Pat");
        assertThat(owner.api()
                        .get(project + "/resources/" + patResource)
                        .body()
                        .get("resource")
                        .get("standardRate")
                        .decimalValue())
                .isEqualByComparingTo("50");
        assertThat(pat.api()
                        .get(project + "/resources/" + patResource + "/rates")
                        .status())
                .isEqualTo(403);
        java.util.regex.Pattern patsRate = java.util.regex.Pattern.compile("<StandardRate>50(\\.0+)?</StandardRate>");
        String ownersExport =
                owner.api().get(project + "/export?format=mspdi").raw().body();
        String patsExport =
                pat.api().get(project + "/export?format=mspdi").raw().body();
        assertThat(ownersExport).containsPattern(patsRate);
        assertThat(patsExport).contains("<Name>Pat</Name>").doesNotContainPattern(patsRate);
        Response workbook = owner.api().get(project + "/earned-value/export?statusDate=2026-03-05");
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.header("Content-Type")).startsWith("application/vnd.openxmlformats");
        try (var excel = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                owner.api().download(project + "/earned-value/export?statusDate=2026-03-05")))) {
            var sheet = excel.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("BAC");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(bac);
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(ac);
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + 4);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(pat.api().get(project + "/earned-value/export").status()).isEqualTo(403);
        assertThat(changedFields(owner, project)).contains("standard_rate", "cost_per_use");
        assertThat(changedFields(pat, project)).contains("name").doesNotContain("standard_rate", "cost_per_use");
    }

    /** Every field named in the project's activity feed, as the person reads it. */
    private static java.util.List<String> changedFields(TestUser person, String project) {
        Response feed = person.api().get(project + "/activity?size=200");
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        return feed.body()
                .get("items")
                .valueStream()
                .flatMap(item -> item.get("changes").valueStream())
                .map(change -> change.get("field").asString())
                .toList();
    }

    @Test
    void badParametersAreNamedAndAnEmptyBaselineIsAConflict() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        createTask(owner.api(), key, json("name", "A", "duration", "1d"));
        String path = "/api/v1/projects/" + key + "/earned-value";

        assertThat(errorFields(owner.api().get(path + "?statusDate=yesterday&by=fortnight&baseline=11")))
                .containsExactlyInAnyOrder("statusDate", "by", "baseline");
        Response empty = owner.api().get(path + "?baseline=3");
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
    }

    private static long resource(TestUser owner, String project, Object body) {
        Response created = owner.api().post(project + "/resources", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private static void assign(TestUser owner, String project, long task, Object body) {
        Response created = owner.api().post(project + "/tasks/" + task + "/assignments", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static void progress(TestUser owner, String project, long task, int percent) {
        int version = owner.api()
                .get(project + "/tasks/" + task)
                .body()
                .get("version")
                .asInt();
        Response changed =
                owner.api().patch(project + "/tasks/" + task, json("percentComplete", percent, "version", version));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private static void approveWeek(TestUser owner, TestUser person, String key, String week) {
        String submissions = "/api/v1/projects/" + key + "/timesheet-submissions";
        Response submitted = person.api().post(submissions, json("week", week));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        Response approved = owner.api()
                .post(
                        submissions + "/" + submitted.body().get("id").asLong() + "/approve",
                        json("version", submitted.body().get("version").asInt()));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    }

    private static void time(TestUser person, long task, String date, String hours) {
        Response logged = person.api().post("/api/v1/time-entries", json("taskId", task, "date", date, "hours", hours));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
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
