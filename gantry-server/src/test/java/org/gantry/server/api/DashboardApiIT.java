package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard through the API, on a scripted plan whose figures can be worked out by hand. The project
 * starts Monday 2 March 2026 (Mon-Fri, 8 h a day). Design (2d) -> Build (3d) -> Launch (milestone); Docs (1d)
 * -> Launch; Review (2d) -> Launch. Baseline 0 is set: Launch on Fri 6 March 17:00, Review with 3 days of
 * slack. Then Design may not start before Wed 4 March and Review not before Thu 5 March: Build ends and
 * Launch falls on Tue 10 March (2 working days late), Review keeps 2 days of slack (1 day eroded). Design is
 * 50 % done, Docs 100 %, an Extra task (1d, done) is added after the baseline, one threat scores 16, and the
 * status date is Fri 6 March 12:00.
 */
class DashboardApiIT extends ApiIntegrationTest {

    record Plan(TestUser owner, String key, long design, long build, long launch, long docs, long review, long extra) {
        String path() {
            return "/api/v1/projects/" + key;
        }

        ApiClient api() {
            return owner.api();
        }
    }

    private Plan scripted() {
        TestUser owner = newUser("dashowner");
        TestUser pat = newUser("dashpat");
        String key = newProjectStarting(owner.api(), "Dashboard", LocalDate.of(2026, 3, 2));
        addMember(owner.api(), key, pat, "MEMBER");
        long design = task(owner, key, json("name", "Design", "duration", "2d", "assigneeIds", List.of(owner.id())));
        long build = task(owner, key, json("name", "Build", "duration", "3d", "assigneeIds", List.of(owner.id())));
        long launch = task(owner, key, json("name", "Launch", "milestone", true));
        long docs = task(owner, key, json("name", "Docs", "duration", "1d"));
        long review = task(
                owner, key, json("name", "Review", "duration", "2d", "assigneeIds", List.of(owner.id(), pat.id())));
        link(owner, key, design, build);
        link(owner, key, build, launch);
        link(owner, key, docs, launch);
        link(owner, key, review, launch);
        String path = "/api/v1/projects/" + key;
        Response baseline = owner.api().post(path + "/baselines/0", json());
        assertThat(baseline.status()).as(baseline.toString()).isBetween(200, 201);

        notBefore(owner, key, design, "2026-03-04T08:00:00");
        notBefore(owner, key, review, "2026-03-05T08:00:00");
        progress(owner, key, design, 50);
        progress(owner, key, docs, 100);
        long extra = task(owner, key, json("name", "Extra", "duration", "1d"));
        progress(owner, key, extra, 100);
        Response risk =
                owner.api().post(path + "/risks", json("title", "Vendor API late", "probability", 4, "impact", 4));
        assertThat(risk.status()).as(risk.toString()).isEqualTo(201);
        Response minor =
                owner.api().post(path + "/risks", json("title", "Tester leaves", "probability", 2, "impact", 3));
        assertThat(minor.status()).as(minor.toString()).isEqualTo(201);
        int version = owner.api().get(path).body().get("version").asInt();
        Response status =
                owner.api().put(path + "/status-date", json("statusDate", "2026-03-06T12:00:00", "version", version));
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        return new Plan(owner, key, design, build, launch, docs, review, extra);
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

    static void progress(TestUser owner, String key, long task, int percent) {
        String path = "/api/v1/projects/" + key + "/tasks/" + task;
        int version = owner.api().get(path).body().get("version").asInt();
        Response done = owner.api().patch(path, json("percentComplete", percent, "version", version));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }

    private static JsonNode dashboard(Plan plan) {
        Response answer = plan.api().get(plan.path() + "/dashboard");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode health(JsonNode dashboard, String area) {
        return dashboard
                .get("health")
                .valueStream()
                .filter(h -> h.get("area").asString().equals(area))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyTileIsWorkedOutFromTheScheduleTheBaselineAndTheStatusDate() {
        Plan plan = scripted();
        JsonNode dashboard = dashboard(plan);
        assertThat(dashboard.get("asOf").asString()).isEqualTo("2026-03-06T12:00:00");
        assertThat(dashboard.get("asOfSource").asString()).isEqualTo("status date");
        assertThat(dashboard.get("baselineSet").asBoolean()).isTrue();

        // Finish: Launch moved from Fri 6 March 17:00 to Tue 10 March 17:00, i.e. Mon 9 and Tue 10 later.
        JsonNode finish = dashboard.get("finish");
        assertThat(finish.get("finish").asString()).isEqualTo("2026-03-10T17:00:00");
        assertThat(finish.get("baselineFinish").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(finish.get("slipDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(finish.get("trend")).isEmpty();
        assertThat(finish.get("trendNote").asString()).contains("two saved baselines");

        // Planned: in the baseline Design, Docs and Review were done by Friday noon and Build had run 2.5 of
        // 3 days: (16 + 20 + 8 + 16) / (16 + 24 + 8 + 16) hours = 93.75 %. Actual: Design half of 16 h, Docs
        // 8 h and Extra 8 h of 16 + 24 + 8 + 16 + 8 hours = 24 / 72 = 33.3 %.
        JsonNode progress = dashboard.get("progress");
        assertThat(progress.get("plannedPercent").decimalValue()).isEqualByComparingTo("93.8");
        assertThat(progress.get("actualPercent").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(progress.get("basis").asString()).isEqualTo("baseline");

        // Design (finish Thu 5 March, 50 %) is late; Review ends Friday 17:00, so it is due this week.
        JsonNode tasks = dashboard.get("tasks");
        assertThat(tasks.get("late").asInt()).isEqualTo(1);
        assertThat(tasks.get("lateTasks").get(0).get("taskId").asLong()).isEqualTo(plan.design());
        assertThat(tasks.get("dueThisWeek").asInt()).isEqualTo(1);
        assertThat(tasks.get("dueTasks").get(0).get("taskId").asLong()).isEqualTo(plan.review());
        assertThat(tasks.get("weekStart").asString()).isEqualTo("2026-03-02");
        assertThat(tasks.get("weekEnd").asString()).isEqualTo("2026-03-08");

        JsonNode milestones = dashboard.get("milestones");
        assertThat(milestones.get("next").get(0).get("taskId").asLong()).isEqualTo(plan.launch());
        JsonNode slipped = milestones.get("slipped");
        assertThat(slipped).hasSize(1);
        assertThat(slipped.get(0).get("name").asString()).isEqualTo("Launch");
        assertThat(slipped.get(0).get("baselineFinish").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(slipped.get(0).get("finish").asString()).isEqualTo("2026-03-10T17:00:00");
        assertThat(slipped.get(0).get("slipDays").decimalValue()).isEqualByComparingTo("2.0");

        // Mon 2 March 08:00 (Docs, Extra) to Tue 10 March 17:00: 7 working days; Design, Build and Launch are
        // critical; Review had 3 days of slack at the baseline and has 2 now.
        JsonNode critical = dashboard.get("criticalPath");
        assertThat(critical.get("lengthDays").decimalValue()).isEqualByComparingTo("7.0");
        assertThat(critical.get("criticalTasks").asInt()).isEqualTo(3);
        assertThat(critical.get("erosionDays").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(critical.get("erosion")).hasSize(1);
        JsonNode review = critical.get("erosion").get(0);
        assertThat(review.get("taskId").asLong()).isEqualTo(plan.review());
        assertThat(review.get("slackDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(review.get("baselineSlackDays").decimalValue()).isEqualByComparingTo("3.0");

        // The owner works Design (Wed-Thu), Review (Thu-Fri) and Build (Fri) this week: 40 h of 40; Build's
        // Monday and Tuesday next week: 16 h. Pat works Review only.
        JsonNode people = dashboard.get("workload").get("people");
        assertThat(dashboard.get("workload").get("capacityThisWeekHours").decimalValue())
                .isEqualByComparingTo("40.0");
        JsonNode owner = person(people, plan.owner().id());
        assertThat(owner.get("thisWeekHours").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(owner.get("nextWeekHours").decimalValue()).isEqualByComparingTo("16.0");
        assertThat(owner.get("overAllocatedThisWeek").asBoolean()).isFalse();

        assertThat(dashboard.get("risk").get("open").asInt()).isEqualTo(2);
        assertThat(dashboard.get("risk").get("atOrAboveScore").asInt()).isEqualTo(1);
        assertThat(dashboard.get("risk").get("top").get(0).get("title").asString())
                .isEqualTo("Vendor API late");

        // No rates, so the baseline has no cost: "not set up", never a zero CPI.
        assertThat(dashboard.get("cost").get("state").asString()).isEqualTo("NOT_SET_UP");
        assertThat(dashboard.get("cost").get("costPerformanceIndex").isNull()).isTrue();

        assertThat(health(dashboard, "schedule").get("colour").asString()).isEqualTo("AMBER");
        assertThat(health(dashboard, "schedule").get("reason").asString())
                .isEqualTo("The finish is 2.0 working days behind the baseline (amber over 0 days).");
        assertThat(health(dashboard, "scope").get("colour").asString()).isEqualTo("AMBER");
        assertThat(health(dashboard, "scope").get("reason").asString())
                .isEqualTo("1 task added since the baseline (amber over 0).");
        assertThat(health(dashboard, "risk").get("colour").asString()).isEqualTo("AMBER");
        assertThat(health(dashboard, "risk").get("reason").asString())
                .isEqualTo("1 open threat with a score of 15 or more (amber over 0).");
        assertThat(health(dashboard, "cost").get("colour").asString()).isEqualTo("GREY");
        assertThat(health(dashboard, "cost").get("reason").asString()).startsWith("Not set up");
    }

    private static JsonNode person(JsonNode people, long userId) {
        return people.valueStream()
                .filter(p -> p.get("userId").asLong() == userId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + userId + " in " + people));
    }

    @Test
    void thresholdsTurnTheColoursAndAreCheckedForRangeOrderAndVersion() {
        Plan plan = scripted();
        String path = plan.path() + "/dashboard/thresholds";
        JsonNode defaults = plan.api().get(path).body();
        assertThat(defaults.get("version").asInt()).isZero();
        assertThat(defaults.get("scheduleRedDays").asInt()).isEqualTo(5);

        Response saved = plan.api()
                .put(
                        path,
                        json(
                                "scheduleAmberDays",
                                0,
                                "scheduleRedDays",
                                1,
                                "costAmberCpi",
                                0.9,
                                "costRedCpi",
                                0.8,
                                "scopeAmberTasks",
                                1,
                                "scopeRedTasks",
                                3,
                                "riskScore",
                                16,
                                "riskAmberCount",
                                0,
                                "riskRedCount",
                                0,
                                "version",
                                0));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body().get("version").asInt()).isEqualTo(1);
        JsonNode dashboard = dashboard(plan);
        assertThat(health(dashboard, "schedule").get("colour").asString()).isEqualTo("RED");
        assertThat(health(dashboard, "schedule").get("reason").asString())
                .isEqualTo("The finish is 2.0 working days behind the baseline (red over 1 days).");
        assertThat(health(dashboard, "scope").get("colour").asString()).isEqualTo("GREEN");
        assertThat(health(dashboard, "risk").get("colour").asString()).isEqualTo("RED");

        Response stale = plan.api()
                .put(
                        path,
                        json(
                                "scheduleAmberDays",
                                1,
                                "scheduleRedDays",
                                2,
                                "costAmberCpi",
                                0.9,
                                "costRedCpi",
                                0.8,
                                "scopeAmberTasks",
                                1,
                                "scopeRedTasks",
                                3,
                                "riskScore",
                                16,
                                "riskAmberCount",
                                0,
                                "riskRedCount",
                                0,
                                "version",
                                0));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("current").get("scheduleRedDays").asInt()).isEqualTo(1);

        Response wrong = plan.api()
                .put(
                        path,
                        json(
                                "scheduleAmberDays",
                                3,
                                "scheduleRedDays",
                                2,
                                "costAmberCpi",
                                0.8,
                                "costRedCpi",
                                0.9,
                                "scopeAmberTasks",
                                -1,
                                "scopeRedTasks",
                                3,
                                "riskScore",
                                26,
                                "riskAmberCount",
                                0,
                                "version",
                                1));
        assertThat(errorFields(wrong))
                .containsExactlyInAnyOrder(
                        "scheduleRedDays", "costRedCpi", "scopeAmberTasks", "riskScore", "riskRedCount");
        assertThat(plan.api().get(path).body().get("scheduleRedDays").asInt()).isEqualTo(1);
    }

    @Test
    void eachPersonKeepsTheirOwnTileOrderAndHiddenTiles() {
        Plan plan = scripted();
        TestUser sponsor = newUser("dashsponsor");
        addMember(plan.api(), plan.key(), sponsor, "STAKEHOLDER");
        String path = plan.path() + "/dashboard/preferences";
        JsonNode initial = sponsor.api().get(path).body();
        assertThat(initial.get("version").asInt()).isZero();
        assertThat(initial.get("order").get(0).asString()).isEqualTo("health");

        Response saved = sponsor.api()
                .put(path, json("order", List.of("risk", "health"), "hidden", List.of("workload"), "version", 0));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body()
                        .get("order")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly(
                        "risk",
                        "health",
                        "progress",
                        "milestones",
                        "finish",
                        "critical-path",
                        "tasks",
                        "workload",
                        "cost",
                        "delivery");
        assertThat(saved.body()
                        .get("hidden")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("workload");
        assertThat(plan.api().get(path).body().get("order").get(0).asString()).isEqualTo("health");

        assertThat(sponsor.api()
                        .put(path, json("order", List.of("health"), "version", 0))
                        .status())
                .isEqualTo(409);
        assertThat(errorFields(sponsor.api().put(path, json("order", List.of("health", "health"), "version", 1))))
                .containsExactly("order");
        assertThat(errorFields(sponsor.api().put(path, json("hidden", List.of("weather")))))
                .containsExactlyInAnyOrder("hidden", "version");

        // A stakeholder sees no money: the cost tile says so instead of showing figures.
        JsonNode seen = sponsor.api().get(plan.path() + "/dashboard").body();
        assertThat(seen.get("cost").get("state").asString()).isEqualTo("HIDDEN");
    }

    @Test
    void withoutABaselineThePlannedFiguresComeFromTheScheduleAndHealthIsNotJudged() {
        TestUser owner = newUser("dashempty");
        String key = newKey();
        owner.api().post("/api/v1/projects", json("key", key, "name", "Plain " + key, "startDate", "2026-03-02"));
        long only = task(owner, key, json("name", "Only", "duration", "2d"));
        progress(owner, key, only, 25);
        JsonNode dashboard =
                owner.api().get("/api/v1/projects/" + key + "/dashboard").body();
        assertThat(dashboard.get("baselineSet").asBoolean()).isFalse();
        assertThat(dashboard.get("progress").get("basis").asString()).isEqualTo("current schedule");
        assertThat(dashboard.get("progress").get("actualPercent").decimalValue())
                .isEqualByComparingTo("25.0");
        assertThat(health(dashboard, "schedule").get("colour").asString()).isEqualTo("GREY");
        assertThat(dashboard.get("cost").get("state").asString()).isEqualTo("NOT_SET_UP");
        assertThat(dashboard.get("criticalPath").get("erosionNote").asString()).contains("No baseline");
        assertThat(owner.api()
                        .get("/api/v1/projects/NOSUCH" + key + "/dashboard")
                        .status())
                .isEqualTo(404);
    }
}
