package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Status reports through the API, on the dashboard's scripted plan (see DashboardApiIT): starts Mon 2 March
 * 2026; Design (2d, not before Wed 4 March, 50 %) -> Build (3d) -> Launch (milestone); Docs (1d, done) ->
 * Launch; Review (2d, not before Thu 5 March) -> Launch; baseline 0 set before the constraints, so Launch
 * slipped from Fri 6 to Tue 10 March; Extra (1d, done) added after the baseline; a threat scoring 16 and one
 * scoring 6; an open issue; status date Fri 6 March 12:00.
 */
class StatusReportApiIT extends ApiIntegrationTest {

    record Plan(TestUser owner, TestUser member, String key, long design, long launch, long issue) {
        String reports() {
            return "/api/v1/projects/" + key + "/status-reports";
        }

        String project() {
            return "/api/v1/projects/" + key;
        }

        ApiClient api() {
            return owner.api();
        }
    }

    private Plan scripted() {
        TestUser owner = newUser("reportowner");
        TestUser member = newUser("reportmember");
        String key = newProjectStarting(owner.api(), "Report", LocalDate.of(2026, 3, 2));
        addMember(owner.api(), key, member, "MEMBER");
        long design = task(owner, key, json("name", "Design", "duration", "2d"));
        long build = task(owner, key, json("name", "Build", "duration", "3d"));
        long launch = task(owner, key, json("name", "Launch", "milestone", true));
        long docs = task(owner, key, json("name", "Docs", "duration", "1d"));
        long review = task(owner, key, json("name", "Review", "duration", "2d"));
        link(owner, key, design, build);
        link(owner, key, build, launch);
        link(owner, key, docs, launch);
        link(owner, key, review, launch);
        String path = "/api/v1/projects/" + key;
        Response baseline = owner.api().post(path + "/baselines/0", json());
        assertThat(baseline.status()).as(baseline.toString()).isBetween(200, 201);
        notBefore(owner, key, design, "2026-03-04T08:00:00");
        notBefore(owner, key, review, "2026-03-05T08:00:00");
        DashboardApiIT.progress(owner, key, design, 50);
        DashboardApiIT.progress(owner, key, docs, 100);
        long extra = task(owner, key, json("name", "Extra", "duration", "1d"));
        DashboardApiIT.progress(owner, key, extra, 100);
        created(owner.api().post(path + "/risks", json("title", "Vendor API late", "probability", 4, "impact", 4)));
        created(owner.api().post(path + "/risks", json("title", "Tester leaves", "probability", 2, "impact", 3)));
        long issue = created(owner.api()
                        .post(
                                path + "/raid",
                                json("type", "ISSUE", "title", "Test lab flooded", "dueOn", "2026-03-09")))
                .get("id")
                .asLong();
        created(owner.api().post(path + "/raid", json("type", "ISSUE", "title", "Old printer", "status", "RESOLVED")));
        int version = owner.api().get(path).body().get("version").asInt();
        Response status =
                owner.api().put(path + "/status-date", json("statusDate", "2026-03-06T12:00:00", "version", version));
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        return new Plan(owner, member, key, design, launch, issue);
    }

    private static long task(TestUser owner, String key, Object body) {
        return createTask(owner.api(), key, body).get("id").asLong();
    }

    private static void notBefore(TestUser owner, String key, long task, String date) {
        String path = "/api/v1/projects/" + key + "/tasks/" + task;
        int version = owner.api().get(path).body().get("version").asInt();
        Response moved = owner.api()
                .patch(
                        path + "/schedule",
                        json("constraintType", "START_NO_EARLIER_THAN", "constraintDate", date, "version", version));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private static JsonNode area(JsonNode report, String name) {
        return report.get("areas")
                .valueStream()
                .filter(a -> a.get("area").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> names(JsonNode lines) {
        return lines.valueStream().map(line -> line.get("name").asString()).toList();
    }

    @Test
    void aReportFreezesTheDashboardAndItsSectionsAndStaysAsItWasWhenThePlanChanges() {
        Plan plan = scripted();
        Response answer = plan.api().post(plan.reports(), null);
        JsonNode report = created(answer);
        assertThat(answer.header("Location"))
                .endsWith("/status-reports/" + report.get("id").asLong());
        assertThat(report.get("state").asString()).isEqualTo("DRAFT");
        assertThat(report.get("statusDate").asString()).isEqualTo("2026-03-06T12:00:00");
        assertThat(report.get("title").asString()).isEqualTo("Status report 2026-03-06");
        assertThat(report.get("version").asInt()).isZero();

        // RAGs start at the dashboard's colours, with its reasons.
        assertThat(area(report, "schedule").get("rag").asString()).isEqualTo("AMBER");
        assertThat(area(report, "schedule").get("computed").asString()).isEqualTo("AMBER");
        assertThat(area(report, "schedule").get("reason").asString())
                .isEqualTo("The finish is 2.0 working days behind the baseline (amber over 0 days).");
        assertThat(area(report, "cost").get("rag").asString()).isEqualTo("GREY");
        assertThat(area(report, "scope").get("rag").asString()).isEqualTo("AMBER");
        assertThat(area(report, "risk").get("rag").asString()).isEqualTo("AMBER");

        JsonNode snapshot = report.get("snapshot");
        assertThat(snapshot.get("projectName").asString()).isEqualTo("Report " + plan.key());
        JsonNode dashboard = snapshot.get("dashboard");
        assertThat(dashboard.get("asOf").asString()).isEqualTo("2026-03-06T12:00:00");
        assertThat(dashboard.get("finish").get("slipDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(dashboard.get("progress").get("actualPercent").decimalValue())
                .isEqualByComparingTo("33.3");
        assertThat(dashboard.get("tasks").get("late").asInt()).isEqualTo(1);

        JsonNode launch = snapshot.get("milestones").get(0);
        assertThat(launch.get("name").asString()).isEqualTo("Launch");
        assertThat(launch.get("finish").asString()).isEqualTo("2026-03-10T17:00:00");
        assertThat(launch.get("baselineFinish").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(launch.get("varianceDays").decimalValue()).isEqualByComparingTo("2.0");

        JsonNode risks = snapshot.get("keyRisks");
        assertThat(risks.valueStream().map(r -> r.get("title").asString()))
                .containsExactly("Vendor API late", "Tester leaves");
        assertThat(risks.get(0).get("score").asInt()).isEqualTo(16);
        assertThat(snapshot.get("openIssues").valueStream().map(i -> i.get("id").asLong()))
                .containsExactly(plan.issue());

        // No report before: accomplishments look one period (14 days) back; next steps 14 days ahead.
        assertThat(snapshot.get("accomplishedSince").asString()).isEqualTo("2026-02-20T12:00:00");
        assertThat(names(snapshot.get("accomplishments"))).containsExactlyInAnyOrder("Docs", "Extra");
        assertThat(snapshot.get("nextStepsUntil").asString()).isEqualTo("2026-03-20T12:00:00");
        assertThat(names(snapshot.get("nextSteps"))).containsExactly("Review", "Build", "Launch");

        // Against baseline 0: Docs is on plan; Design, Build, Launch and Review moved; Extra was added.
        JsonNode variance = snapshot.get("variance");
        assertThat(variance.get("baselineSet").asBoolean()).isTrue();
        assertThat(variance.get("tasksInBaseline").asInt()).isEqualTo(5);
        assertThat(variance.get("tasksOnPlan").asInt()).isEqualTo(1);
        assertThat(variance.get("tasksAdded").asInt()).isEqualTo(1);
        assertThat(names(variance.get("rows"))).containsExactlyInAnyOrder("Design", "Build", "Launch", "Review");
        JsonNode review = variance.get("rows")
                .valueStream()
                .filter(r -> r.get("name").asString().equals("Review"))
                .findFirst()
                .orElseThrow();
        assertThat(review.get("startVarianceDays").decimalValue()).isEqualByComparingTo("3.0");
        assertThat(review.get("finishVarianceDays").decimalValue()).isEqualByComparingTo("3.0");
        assertThat(review.get("durationVarianceDays").decimalValue()).isEqualByComparingTo("0.0");

        // The plan changes: Design done, the big threat closed, a new milestone, a later status date.
        long id = report.get("id").asLong();
        DashboardApiIT.progress(plan.owner(), plan.key(), plan.design(), 100);
        created(plan.api().post(plan.project() + "/risks", json("title", "New threat", "probability", 5, "impact", 5)));
        createTask(plan.api(), plan.key(), json("name", "Go live", "milestone", true));
        int version = plan.api().get(plan.project()).body().get("version").asInt();
        Response moved = plan.api()
                .put(plan.project() + "/status-date", json("statusDate", "2026-03-09T12:00:00", "version", version));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        JsonNode again = plan.api().get(plan.reports() + "/" + id).body();
        assertThat(again.get("snapshot")).isEqualTo(snapshot);
        assertThat(again.get("areas")).isEqualTo(report.get("areas"));
        assertThat(again.get("statusDate").asString()).isEqualTo("2026-03-06T12:00:00");

        // A new report sees the change (and reports at its own date when one is given).
        JsonNode later =
                created(plan.api().post(plan.reports(), json("statusDate", "2026-03-09", "nextPeriodDays", 7)));
        assertThat(later.get("statusDate").asString()).isEqualTo("2026-03-09T23:59:00");
        assertThat(names(later.get("snapshot").get("accomplishments"))).contains("Design");
        assertThat(later.get("snapshot").get("keyRisks").get(0).get("title").asString())
                .isEqualTo("New threat");
        assertThat(names(later.get("snapshot").get("milestones"))).contains("Go live");

        List<Long> listed = plan.api()
                .get(plan.reports())
                .body()
                .valueStream()
                .map(line -> line.get("id").asLong())
                .toList();
        assertThat(listed).containsExactly(later.get("id").asLong(), id);
    }

    @Test
    void accomplishmentsStartAtThePreviousPublishedReport() {
        Plan plan = scripted();
        JsonNode first = created(plan.api().post(plan.reports(), json("statusDate", "2026-03-03")));
        Response published =
                plan.api().post(plan.reports() + "/" + first.get("id").asLong() + "/publish", json("version", 0));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        JsonNode second = created(plan.api().post(plan.reports(), null));
        assertThat(second.get("snapshot").get("accomplishedSince").asString()).isEqualTo("2026-03-03T23:59:00");
        // Docs and Extra finished Mon 2 March, before the previous report: not accomplished in this period.
        assertThat(second.get("snapshot").get("accomplishments")).isEmpty();
    }

    @Test
    void invalidRequestsAreRefusedWithEveryField() {
        Plan plan = scripted();
        Response refused = plan.api()
                .post(
                        plan.reports(),
                        json("title", " ", "statusDate", "1800-01-01", "baselineSlot", 11, "nextPeriodDays", 0));
        assertThat(errorFields(refused))
                .containsExactlyInAnyOrder("title", "statusDate", "baselineSlot", "nextPeriodDays");
        assertThat(plan.api().get(plan.reports()).body()).isEmpty();

        Response badDate = plan.api().post(plan.reports(), json("statusDate", "2026-13-01"));
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);

        long id = created(plan.api().post(plan.reports(), null)).get("id").asLong();
        Response edit = plan.api()
                .patch(
                        plan.reports() + "/" + id,
                        json(
                                "title",
                                "x".repeat(201),
                                "areas",
                                Map.of("schedule", Map.of("rag", "PURPLE"), "weather", Map.of("rag", "RED"))));
        assertThat(errorFields(edit)).containsExactlyInAnyOrder("version", "title", "areas.schedule.rag", "areas");
        Response publish = plan.api().post(plan.reports() + "/" + id + "/publish", json());
        assertThat(errorFields(publish)).containsExactly("version");
        assertThat(plan.api()
                        .get(plan.reports() + "/" + id)
                        .body()
                        .get("version")
                        .asInt())
                .isZero();

        assertThat(plan.api().get(plan.reports() + "/999999999").status()).isEqualTo(404);
        assertThat(plan.api().get(plan.reports() + "/abc").status()).isEqualTo(400);
    }

    @Test
    void staleEditsArePreventedAndPublishedReportsNeverChange() {
        Plan plan = scripted();
        long id = created(plan.api().post(plan.reports(), null)).get("id").asLong();
        String path = plan.reports() + "/" + id;

        Response edited = plan.api()
                .patch(
                        path,
                        json(
                                "version",
                                0,
                                "summary",
                                "Launch slips two days; the vendor is on it.",
                                "areas",
                                Map.of("schedule", Map.of("rag", "red", "comment", "Vendor late"))));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.body().get("version").asInt()).isEqualTo(1);
        assertThat(area(edited.body(), "schedule").get("rag").asString()).isEqualTo("RED");
        assertThat(area(edited.body(), "schedule").get("computed").asString()).isEqualTo("AMBER");
        assertThat(area(edited.body(), "schedule").get("comment").asString()).isEqualTo("Vendor late");
        assertThat(area(edited.body(), "scope").get("rag").asString()).isEqualTo("AMBER");

        Response stale = plan.api().patch(path, json("version", 0, "title", "Mine"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("current").get("version").asInt()).isEqualTo(1);
        assertThat(stale.body().get("current").get("summary").asString()).startsWith("Launch slips");
        assertThat(plan.api().post(path + "/publish", json("version", 0)).status())
                .isEqualTo(409);

        Response published = plan.api().post(path + "/publish", json("version", 1));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.body().get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(published.body().get("publishedAt").isNull()).isFalse();
        assertThat(published.body().get("publishedByName").asString()).isEqualTo("reportowner Tester");
        int version = published.body().get("version").asInt();

        Response change = plan.api().patch(path, json("version", version, "title", "Later"));
        assertThat(change.status()).as(change.toString()).isEqualTo(409);
        assertThat(change.body().get("title").asString()).isEqualTo("Report published");
        assertThat(plan.api().post(path + "/publish", json("version", version)).status())
                .isEqualTo(409);
        assertThat(plan.api().delete(path).status()).isEqualTo(409);
        JsonNode kept = plan.api().get(path).body();
        assertThat(kept.get("version").asInt()).isEqualTo(version);
        assertThat(kept.get("title").asString()).isEqualTo("Status report 2026-03-06");
        assertThat(area(kept, "schedule").get("rag").asString()).isEqualTo("RED");

        long draft = created(plan.api().post(plan.reports(), null)).get("id").asLong();
        assertThat(plan.api().delete(plan.reports() + "/" + draft).status()).isEqualTo(204);
        assertThat(plan.api().get(plan.reports() + "/" + draft).status()).isEqualTo(404);
    }

    @Test
    void ownersAndManagersWriteMembersReadAllStakeholdersReadPublishedOnes() {
        Plan plan = scripted();
        TestUser manager = newUser("reportmanager");
        TestUser stakeholder = newUser("reportsponsor");
        addMember(plan.api(), plan.key(), manager, "MANAGER");
        addMember(plan.api(), plan.key(), stakeholder, "STAKEHOLDER");

        long draft = created(manager.api().post(plan.reports(), null)).get("id").asLong();
        long published =
                created(plan.api().post(plan.reports(), null)).get("id").asLong();
        assertThat(plan.api()
                        .post(plan.reports() + "/" + published + "/publish", json("version", 0))
                        .status())
                .isEqualTo(200);

        assertThat(plan.member().api().post(plan.reports(), null).status()).isEqualTo(403);
        assertThat(plan.member()
                        .api()
                        .patch(plan.reports() + "/" + draft, json("version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(plan.member()
                        .api()
                        .post(plan.reports() + "/" + draft + "/publish", json("version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(plan.member().api().delete(plan.reports() + "/" + draft).status())
                .isEqualTo(403);
        assertThat(stakeholder.api().post(plan.reports(), null).status()).isEqualTo(403);

        JsonNode memberView =
                plan.member().api().get(plan.reports() + "/" + draft).body();
        assertThat(memberView.get("state").asString()).isEqualTo("DRAFT");
        // Costs stay with owners and managers, as on the dashboard.
        assertThat(memberView
                        .get("snapshot")
                        .get("dashboard")
                        .get("cost")
                        .get("state")
                        .asString())
                .isEqualTo("HIDDEN");
        assertThat(plan.api()
                        .get(plan.reports() + "/" + draft)
                        .body()
                        .get("snapshot")
                        .get("dashboard")
                        .get("cost")
                        .get("state")
                        .asString())
                .isEqualTo("NOT_SET_UP");
        assertThat(plan.member().api().get(plan.reports()).body()).hasSize(2);

        Response sponsorList = stakeholder.api().get(plan.reports());
        assertThat(sponsorList.body().valueStream().map(line -> line.get("id").asLong()))
                .containsExactly(published);
        assertThat(stakeholder.api().get(plan.reports() + "/" + published).status())
                .isEqualTo(200);
        Response hidden = stakeholder.api().get(plan.reports() + "/" + draft);
        assertThat(hidden.status()).isEqualTo(403);
        assertThat(hidden.header("Content-Type")).startsWith("application/problem+json");

        TestUser outsider = newUser("reportoutsider");
        assertThat(outsider.api().get(plan.reports()).status()).isEqualTo(404);
        assertThat(outsider.api().get(plan.reports() + "/" + published).status())
                .isEqualTo(404);
    }
}
