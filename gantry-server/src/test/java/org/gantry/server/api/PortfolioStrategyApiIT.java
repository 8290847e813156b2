package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The portfolio's strategy through the API: the portfolio manager role, programmes, strategic goals with
 * weights, scores, the alignment they give (exact figures for scripted goals and scores), grouping, the
 * what-if ranking with its budget line, milestones on the timeline, and who may do what.
 *
 * <p>Alignment is measured against every strategic goal there is, so the tests that assert exact alignments
 * first delete the goals earlier tests left (goals are the organisation's, not a project's: no fresh copy
 * of them can be made per test).
 */
class PortfolioStrategyApiIT extends ApiIntegrationTest {

    @Test
    void alignmentIsTheWeightedScoreOverTheMostItCouldScore() {
        deleteEveryGoal();
        TestUser manager = portfolioManager("pm-align");
        TestUser owner = newUser("align-owner");
        TestUser projectManager = newUser("align-manager");
        long growth = goal(manager, "Growth " + newKey(), 3);
        long cost = goal(manager, "Cost " + newKey(), 1);
        long safety = goal(manager, "Safety " + newKey(), 2);
        String a = newProject(owner);
        String b = newProject(owner);
        String c = newProject(owner);
        addMember(owner.api(), b, projectManager, "MANAGER");
        score(owner, a, growth, 5);
        score(owner, a, cost, 0);
        score(owner, a, safety, 3);
        score(projectManager, b, growth, 2);
        score(projectManager, b, cost, 5);
        score(projectManager, b, safety, 1);
        // The portfolio manager is no member of c, and scores it all the same.
        score(manager, c, growth, 1);

        // a: (3*5 + 1*0 + 2*3) / (5 * 6) = 21/30; b: (6 + 5 + 2) / 30 = 13/30; c: 3/30.
        JsonNode placement = ok(owner.api().get("/api/v1/projects/" + a + "/portfolio"));
        assertThat(placement.get("alignment").decimalValue()).isEqualByComparingTo("70.0");
        assertThat(placement.get("scores").size()).isEqualTo(3);
        JsonNode byAlignment = ok(manager.api().get("/api/v1/portfolio?sort=ALIGNMENT"));
        assertThat(alignment(byAlignment, a)).isEqualByComparingTo("70.0");
        assertThat(alignment(byAlignment, b)).isEqualByComparingTo("43.3");
        assertThat(alignment(byAlignment, c)).isEqualByComparingTo("10.0");
        assertThat(keys(byAlignment).stream().filter(List.of(a, b, c)::contains).toList())
                .containsExactly(a, b, c);

        JsonNode byGoal = ok(owner.api().get("/api/v1/portfolio?groupBy=GOAL"));
        assertThat(group(byGoal, growth)).containsExactly(a, b, c);
        assertThat(group(byGoal, cost)).containsExactly(b);
        assertThat(group(byGoal, safety)).containsExactly(a, b);

        // Cost weighs 4 now: a (15 + 0 + 6) / 45 = 46.7, b (6 + 20 + 2) / 45 = 62.2: b moves ahead.
        JsonNode costGoal = ok(manager.api().get("/api/v1/strategic-goals/" + cost));
        Response heavier = manager.api()
                .patch(
                        "/api/v1/strategic-goals/" + cost,
                        json("weight", 4, "version", costGoal.get("version").asInt()));
        assertThat(heavier.status()).as(heavier.toString()).isEqualTo(200);
        JsonNode reweighed = ok(owner.api().get("/api/v1/portfolio?sort=alignment"));
        assertThat(alignment(reweighed, a)).isEqualByComparingTo("46.7");
        assertThat(alignment(reweighed, b)).isEqualByComparingTo("62.2");
        assertThat(keys(reweighed).stream().filter(List.of(a, b, c)::contains).toList())
                .containsExactly(b, a, c);

        Response stale = manager.api()
                .patch(
                        "/api/v1/strategic-goals/" + cost,
                        json("weight", 2, "version", costGoal.get("version").asInt()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("weight").asInt()).isEqualTo(4);
        Response staleScore =
                owner.api().put("/api/v1/projects/" + a + "/goal-scores/" + growth, json("score", 1, "version", 0));
        assertThat(staleScore.status()).isEqualTo(409);
        assertThat(staleScore.body().get("current").get("alignment").decimalValue())
                .isEqualByComparingTo("46.7");
        assertThat(errorFields(owner.api()
                        .put("/api/v1/projects/" + a + "/goal-scores/" + growth, json("score", 6, "version", 1))))
                .containsExactly("score");
        assertThat(errorFields(manager.api().post("/api/v1/strategic-goals", json("name", "", "weight", 0))))
                .containsExactlyInAnyOrder("name", "weight");
        assertThat(owner.api()
                        .put("/api/v1/projects/" + a + "/goal-scores/999999999", json("score", 1, "version", 0))
                        .status())
                .isEqualTo(404);

        // Deleting a goal drops its scores: a is left with growth and safety, (15 + 6) / (5 * 5) = 84.0.
        assertThat(manager.api().delete("/api/v1/strategic-goals/" + cost).status())
                .isEqualTo(204);
        assertThat(ok(owner.api().get("/api/v1/projects/" + a + "/portfolio"))
                        .get("alignment")
                        .decimalValue())
                .isEqualByComparingTo("84.0");
    }

    @Test
    void theWhatIfListRanksProposedProjectsAndDrawsTheBudgetLine() {
        deleteEveryGoal();
        TestUser manager = portfolioManager("pm-whatif");
        TestUser owner = newUser("whatif-owner");
        long value = goal(manager, "Value " + newKey(), 1);
        String best = newProject(owner);
        String second = newProject(owner);
        String third = newProject(owner);
        String approved = newProject(owner);
        place(owner, best, null, true, "100");
        place(owner, second, null, true, "250");
        place(owner, third, null, true, "80");
        place(owner, approved, null, false, "10");
        score(owner, best, value, 5);
        score(owner, second, value, 4);
        score(owner, third, value, 2);
        score(owner, approved, value, 5);

        // 100 fits 340; 100 + 250 does not, and the line stays there: the 80 below it is under the line too.
        JsonNode tight = ok(owner.api().get("/api/v1/portfolio/what-if?budget=340"));
        assertThat(tight.get("ranked")
                        .valueStream()
                        .map(c -> c.get("key").asString())
                        .toList())
                .containsExactly(best, second, third);
        assertThat(tight.get("ranked")
                        .valueStream()
                        .map(c -> c.get("alignment").decimalValue().toPlainString()))
                .containsExactly("100.0", "80.0", "40.0");
        assertThat(tight.get("ranked")
                        .valueStream()
                        .map(c -> c.get("cumulativeCost").decimalValue().intValue()))
                .containsExactly(100, 350, 430);
        assertThat(tight.get("ranked").valueStream().map(c -> c.get("fits").asBoolean()))
                .containsExactly(true, false, false);
        assertThat(tight.get("fitting").asInt()).isEqualTo(1);
        assertThat(tight.get("fittingCost").decimalValue()).isEqualByComparingTo("100");

        JsonNode roomier = ok(owner.api().get("/api/v1/portfolio/what-if?budget=350"));
        assertThat(roomier.get("ranked").valueStream().map(c -> c.get("fits").asBoolean()))
                .containsExactly(true, true, false);
        assertThat(roomier.get("fittingCost").decimalValue()).isEqualByComparingTo("350");
        JsonNode unlimited = ok(owner.api().get("/api/v1/portfolio/what-if"));
        assertThat(unlimited.get("ranked").get(0).get("fits").isNull()).isTrue();

        assertThat(errorFields(owner.api().get("/api/v1/portfolio/what-if?budget=-1")))
                .containsExactly("budget");
        assertThat(owner.api().get("/api/v1/portfolio/what-if?budget=lots").status())
                .isEqualTo(400);
        assertThat(errorFields(owner.api().get("/api/v1/portfolio?sort=luck"))).containsExactly("sort");
    }

    @Test
    void programmesGroupThePortfolioAndOnlyOwnersPlaceTheirProjects() {
        TestUser manager = portfolioManager("pm-programme");
        TestUser owner = newUser("programme-owner");
        TestUser projectManager = newUser("programme-manager");
        TestUser member = newUser("programme-member");
        String key = newProject(owner);
        String other = newProject(owner);
        addMember(owner.api(), key, projectManager, "MANAGER");
        addMember(owner.api(), key, member, "MEMBER");
        String name = "Platform " + newKey();
        JsonNode programme = created(manager.api().post("/api/v1/programmes", json("name", name)));
        long id = programme.get("id").asLong();
        assertThat(manager.api()
                        .post("/api/v1/programmes", json("name", name.toLowerCase()))
                        .status())
                .isEqualTo(409);
        assertThat(member.api()
                        .post("/api/v1/programmes", json("name", "Mine " + newKey()))
                        .status())
                .isEqualTo(403);

        String path = "/api/v1/projects/" + key + "/portfolio";
        assertThat(projectManager
                        .api()
                        .put(path, json("programmeId", id, "proposed", false, "version", 0))
                        .status())
                .isEqualTo(403);
        JsonNode placed = ok(owner.api().put(path, json("programmeId", id, "estimatedCost", 1200.5, "version", 0)));
        assertThat(placed.get("programmeName").asString()).isEqualTo(name);
        assertThat(placed.get("version").asInt()).isEqualTo(1);
        assertThat(ok(member.api().get(path)).get("programmeId").asLong()).isEqualTo(id);
        Response stale = owner.api().put(path, json("programmeId", null, "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("programmeId").asLong()).isEqualTo(id);
        assertThat(errorFields(
                        owner.api().put(path, json("programmeId", 999999999, "estimatedCost", -5, "version", 1))))
                .containsExactlyInAnyOrder("programmeId", "estimatedCost");
        assertThat(ok(owner.api().get(path)).get("version").asInt()).isEqualTo(1);

        JsonNode grouped = ok(owner.api().get("/api/v1/portfolio?groupBy=PROGRAMME"));
        Map<String, List<String>> groups = new HashMap<>();
        grouped.get("groups")
                .valueStream()
                .forEach(group -> groups.put(
                        group.get("name").asString(),
                        group.get("projects")
                                .valueStream()
                                .map(JsonNode::asString)
                                .toList()));
        assertThat(groups.get(name)).containsExactly(key);
        assertThat(groups.get("No programme")).contains(other).doesNotContain(key);
        assertThat(ok(manager.api().get("/api/v1/programmes/" + id))
                        .get("projects")
                        .asInt())
                .isEqualTo(1);

        assertThat(manager.api().delete("/api/v1/programmes/" + id).status()).isEqualTo(204);
        assertThat(ok(owner.api().get(path)).get("programmeId").isNull()).isTrue();
        assertThat(manager.api().get("/api/v1/programmes/" + id).status()).isEqualTo(404);
    }

    @Test
    void aPortfolioManagerSeesEveryProjectWithoutBeingAMember() {
        TestUser stranger = newUser("far-owner");
        TestUser plain = newUser("plain-user");
        String far = newProject(stranger);
        long launch = createTask(stranger.api(), far, json("name", "Launch", "milestone", true))
                .get("id")
                .asLong();
        assertThat(line(ok(plain.api().get("/api/v1/portfolio")), far)).isNull();

        TestUser manager = portfolioManager("pm-sees");
        JsonNode seen = line(ok(manager.api().get("/api/v1/portfolio")), far);
        assertThat(seen).isNotNull();
        assertThat(seen.get("role").isNull()).isTrue();
        assertThat(seen.get("milestones").valueStream().map(m -> m.get("taskId").asLong()))
                .containsExactly(launch);
        assertThat(seen.get("milestones").get(0).get("name").asString()).isEqualTo("Launch");
        // Figures, not the project itself: its tasks stay its members'.
        assertThat(manager.api().get("/api/v1/projects/" + far).status()).isEqualTo(404);
        assertThat(manager.api().get("/api/v1/projects/" + far + "/tasks").status())
                .isEqualTo(404);
        assertThat(ok(manager.api().get("/api/v1/projects/" + far + "/portfolio"))
                        .get("canPlace")
                        .asBoolean())
                .isTrue();

        int version =
                ok(admin().get("/api/v1/users/" + manager.id())).get("version").asInt();
        ok(admin().patch("/api/v1/users/" + manager.id(), json("portfolioManager", false, "version", version)));
        assertThat(line(ok(manager.api().get("/api/v1/portfolio")), far)).isNull();
        assertThat(manager.api().get("/api/v1/projects/" + far + "/portfolio").status())
                .isEqualTo(404);
        assertThat(manager.api()
                        .post("/api/v1/programmes", json("name", "Gone " + newKey()))
                        .status())
                .isEqualTo(403);

        List<JsonNode> audit = ok(admin().get(
                                "/api/v1/admin/audit?size=50&kind=SYSTEM_ROLE_CHANGED&person=" + manager.id()))
                .get("items")
                .valueStream()
                .toList();
        assertThat(audit).hasSize(2);
        assertThat(audit.stream()
                        .map(row -> row.get("oldValue").asString() + ">"
                                + row.get("newValue").asString()))
                .containsExactlyInAnyOrder("user>portfolio manager", "portfolio manager>user");
        assertThat(errorFields(admin().patch("/api/v1/users/" + manager.id(), json("portfolioManager", true))))
                .containsExactly("version");
        assertThat(manager.api()
                        .patch("/api/v1/users/" + plain.id(), json("portfolioManager", true, "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(anonymous().get("/api/v1/programmes").status()).isEqualTo(401);
    }

    // ----- helpers -----

    private TestUser portfolioManager(String label) {
        TestUser user = newUser(label);
        int version =
                ok(admin().get("/api/v1/users/" + user.id())).get("version").asInt();
        JsonNode granted =
                ok(admin().patch("/api/v1/users/" + user.id(), json("portfolioManager", true, "version", version)));
        assertThat(granted.get("portfolioManager").asBoolean()).isTrue();
        return user;
    }

    private void deleteEveryGoal() {
        for (JsonNode goal :
                ok(admin().get("/api/v1/strategic-goals")).valueStream().toList()) {
            assertThat(admin().delete(
                                    "/api/v1/strategic-goals/" + goal.get("id").asLong())
                            .status())
                    .isEqualTo(204);
        }
    }

    private static long goal(TestUser by, String name, int weight) {
        return created(by.api().post("/api/v1/strategic-goals", json("name", name, "weight", weight)))
                .get("id")
                .asLong();
    }

    private static void score(TestUser by, String project, long goal, int score) {
        JsonNode placement = ok(by.api().get("/api/v1/projects/" + project + "/portfolio"));
        int version = placement
                .get("scores")
                .valueStream()
                .filter(s -> s.get("goalId").asLong() == goal)
                .findFirst()
                .orElseThrow()
                .get("version")
                .asInt();
        ok(by.api()
                .put("/api/v1/projects/" + project + "/goal-scores/" + goal, json("score", score, "version", version)));
    }

    private static void place(TestUser by, String project, Long programme, boolean proposed, String cost) {
        String path = "/api/v1/projects/" + project + "/portfolio";
        int version = ok(by.api().get(path)).get("version").asInt();
        ok(by.api()
                .put(
                        path,
                        json(
                                "programmeId",
                                programme,
                                "proposed",
                                proposed,
                                "estimatedCost",
                                new BigDecimal(cost),
                                "version",
                                version)));
    }

    private static JsonNode line(JsonNode portfolio, String key) {
        return portfolio
                .get("projects")
                .valueStream()
                .filter(line -> line.get("key").asString().equals(key))
                .findFirst()
                .orElse(null);
    }

    private static BigDecimal alignment(JsonNode portfolio, String key) {
        return line(portfolio, key).get("alignment").decimalValue();
    }

    private static List<String> keys(JsonNode portfolio) {
        return portfolio
                .get("projects")
                .valueStream()
                .map(line -> line.get("key").asString())
                .toList();
    }

    private static List<String> group(JsonNode portfolio, long goal) {
        return portfolio
                .get("groups")
                .valueStream()
                .filter(group -> group.get("id").asLong() == goal)
                .findFirst()
                .orElseThrow()
                .get("projects")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }
}
