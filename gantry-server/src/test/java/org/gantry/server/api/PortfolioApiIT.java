package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The portfolio through the API: exactly the projects the caller may see (all for an admin), each with the
 * figures its own dashboard shows the same caller, worst health first, costs only for roles that see them.
 */
class PortfolioApiIT extends ApiIntegrationTest {

    private static JsonNode line(JsonNode portfolio, String key) {
        return portfolio
                .get("projects")
                .valueStream()
                .filter(line -> line.get("key").asString().equals(key))
                .findFirst()
                .orElse(null);
    }

    @Test
    void theCallersProjectsWithTheFiguresOfTheirOwnDashboardsWorstFirst() {
        TestUser owner = newUser("pmo");
        TestUser member = newUser("pmomember");
        TestUser stranger = newUser("stranger");
        String slipping = newProject(owner);
        String calm = newProject(owner);
        String hidden = newProject(stranger);
        addMember(owner.api(), slipping, member, "MEMBER");
        String path = "/api/v1/projects/" + slipping;
        long design = createTask(owner.api(), slipping, json("name", "Design", "duration", "2d"))
                .get("id")
                .asLong();
        assertThat(owner.api().post(path + "/baselines/0", json()).status()).isBetween(200, 201);
        int version =
                owner.api().get(path + "/tasks/" + design).body().get("version").asInt();
        Response longer = owner.api().patch(path + "/tasks/" + design, json("duration", "20d", "version", version));
        assertThat(longer.status()).as(longer.toString()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            Response risk =
                    owner.api().post(path + "/risks", json("title", "Threat " + i, "probability", 5, "impact", 4));
            assertThat(risk.status()).as(risk.toString()).isEqualTo(201);
        }
        createTask(owner.api(), calm, "Plan", null);

        JsonNode portfolio = owner.api().get("/api/v1/portfolio").body();

        assertThat(line(portfolio, hidden)).isNull();
        JsonNode bad = line(portfolio, slipping);
        JsonNode good = line(portfolio, calm);
        assertThat(bad).isNotNull();
        assertThat(good).isNotNull();
        JsonNode dashboard = owner.api().get(path + "/dashboard").body();
        assertThat(bad.get("health")).isEqualTo(dashboard.get("health"));
        assertThat(bad.get("overall").asString()).isEqualTo("RED");
        assertThat(bad.get("slipDays").decimalValue())
                .isEqualByComparingTo(dashboard.get("finish").get("slipDays").decimalValue());
        assertThat(bad.get("slipDays").decimalValue()).isPositive();
        assertThat(bad.get("finish").asString())
                .isEqualTo(dashboard.get("finish").get("finish").asString());
        assertThat(bad.get("baselineFinish").asString())
                .isEqualTo(dashboard.get("finish").get("baselineFinish").asString());
        assertThat(bad.get("highThreats").asInt()).isEqualTo(3);
        assertThat(bad.get("openThreats").asInt()).isEqualTo(3);
        assertThat(bad.get("actualPercent").decimalValue())
                .isEqualByComparingTo(
                        dashboard.get("progress").get("actualPercent").decimalValue());
        assertThat(bad.get("role").asString()).isEqualTo("OWNER");
        assertThat(bad.get("costState").asString()).isEqualTo("NOT_SET_UP");
        assertThat(good.get("overall").asString()).isNotEqualTo("RED");
        List<String> keys = portfolio
                .get("projects")
                .valueStream()
                .map(line -> line.get("key").asString())
                .toList();
        assertThat(keys.indexOf(slipping)).isLessThan(keys.indexOf(calm));
        assertThat(portfolio.get("counts").get("red").asInt()).isGreaterThanOrEqualTo(1);

        JsonNode asMember = member.api().get("/api/v1/portfolio").body();
        assertThat(asMember.get("projects").size()).isEqualTo(1);
        assertThat(line(asMember, slipping).get("costState").asString()).isEqualTo("HIDDEN");
        assertThat(line(asMember, slipping).get("role").asString()).isEqualTo("MEMBER");

        JsonNode asAdmin = admin().get("/api/v1/portfolio").body();
        assertThat(line(asAdmin, hidden)).isNotNull();
        assertThat(line(asAdmin, slipping)).isNotNull();
    }

    @Test
    void anArchivedProjectLeavesThePortfolio() {
        TestUser owner = newUser("pmo");
        String key = newProject(owner);
        assertThat(line(owner.api().get("/api/v1/portfolio").body(), key)).isNotNull();
        assertThat(owner.api().delete("/api/v1/projects/" + key).status()).isBetween(200, 204);
        assertThat(line(owner.api().get("/api/v1/portfolio").body(), key)).isNull();
        assertThat(anonymous().get("/api/v1/portfolio").status()).isEqualTo(401);
    }
}
