package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Board quick filters and swimlanes through the REST API: each person's saved choice, applied to their view
 * of the board, with the usual version check and field errors.
 */
class BoardViewApiIT extends ApiIntegrationTest {

    @Test
    void eachPersonsSavedFiltersNarrowTheirViewOfTheBoardOnly() {
        TestUser owner = newUser("view-owner");
        TestUser member = newUser("view-member");
        String key = newProject(owner);
        addMember(owner.api(), key, member, "MEMBER");
        ApiClient api = owner.api();
        long mine = task(
                api, key, json("name", "Design the form", "tags", List.of("ui"), "assigneeIds", List.of(member.id())));
        long owners = task(
                api, key, json("name", "Build the API", "tags", List.of("api"), "assigneeIds", List.of(owner.id())));
        long docs = task(api, key, json("name", "Write the docs", "tags", List.of("UI", "docs")));

        Response fresh = member.api().get(path(key, "/board/preferences"));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        assertThat(fresh.body().get("version").asInt()).isZero();
        assertThat(fresh.body().get("mine").asBoolean()).isFalse();
        assertThat(fresh.body().get("swimlanes").asString()).isEqualTo("NONE");

        JsonNode saved = save(member, key, prefs(true, null, null, null, false, null, 0));
        assertThat(saved.get("version").asInt()).isEqualTo(1);
        assertThat(saved.get("mine").asBoolean()).isTrue();
        assertThat(member.api()
                        .get(path(key, "/board/preferences"))
                        .body()
                        .get("mine")
                        .asBoolean())
                .isTrue();

        JsonNode view = member.api().get(path(key, "/board/view")).body();
        assertThat(shown(view, 0)).containsExactly(mine);
        assertThat(view.get("columns").get(0).get("cardCount").asInt())
                .as("the column still counts all its cards (WIP)")
                .isEqualTo(3);
        assertThat(view.get("positions").get(String.valueOf(mine)).asInt()).isEqualTo(1);
        assertThat(view.get("tags").valueStream().map(JsonNode::asString)).containsExactly("api", "docs", "ui", "UI");
        assertThat(shown(owner.api().get(path(key, "/board/view")).body(), 0))
                .as("the owner's own view is not filtered by the member's choice")
                .containsExactly(mine, owners, docs);

        save(member, key, prefs(false, null, " ui ", null, false, null, 1));
        assertThat(shown(member.api().get(path(key, "/board/view")).body(), 0))
                .as("tags match whatever their case")
                .containsExactly(mine, docs);
        save(member, key, prefs(false, owner.id(), null, null, false, null, 2));
        assertThat(shown(member.api().get(path(key, "/board/view")).body(), 0)).containsExactly(owners);
        save(member, key, prefs(false, null, null, "DOCS", false, null, 3));
        JsonNode byText = member.api().get(path(key, "/board/view")).body();
        assertThat(shown(byText, 0)).containsExactly(docs);
        assertThat(byText.get("positions").get(String.valueOf(docs)).asInt())
                .as("its place in the whole column")
                .isEqualTo(3);

        JsonNode none = save(member, key, prefs(false, null, null, null, true, null, 4));
        assertThat(none.get("activeSprintOnly").asBoolean()).isTrue();
        assertThat(shown(member.api().get(path(key, "/board/view")).body(), 0))
                .as("no sprint is active")
                .isEmpty();
        long sprint = api.post(path(key, "/sprints"), json("name", "Sprint 1", "endDate", "2099-01-01"))
                .body()
                .get("id")
                .asLong();
        Map<String, Object> plan = new HashMap<>();
        plan.put("sprintId", sprint);
        plan.put(
                "version",
                api.get(path(key, "/tasks/" + owners)).body().get("version").asInt());
        assertThat(api.post(path(key, "/tasks/" + owners + "/plan"), plan).status())
                .isEqualTo(200);
        Response started = api.post(path(key, "/sprints/" + sprint + "/start"), json("version", 0));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(shown(member.api().get(path(key, "/board/view")).body(), 0)).containsExactly(owners);
    }

    @Test
    void swimlanesSplitTheShownCardsByAssigneePrioritySummaryTaskOrTag() {
        TestUser owner = newUser("lanes-owner");
        TestUser ana = newUser("ana");
        String key = newProject(owner);
        addMember(owner.api(), key, ana, "MEMBER");
        ApiClient api = owner.api();
        long epic = task(api, key, json("name", "Checkout"));
        long pay = task(
                api,
                key,
                json(
                        "name",
                        "Pay",
                        "parentId",
                        epic,
                        "priority",
                        "HIGH",
                        "tags",
                        List.of("web"),
                        "assigneeIds",
                        List.of(ana.id())));
        long ship =
                task(api, key, json("name", "Ship", "parentId", epic, "assigneeIds", List.of(owner.id(), ana.id())));
        long loose = task(api, key, json("name", "Loose end", "status", "in_progress", "tags", List.of("ops", "web")));

        save(owner, key, prefs(false, null, null, null, false, "ASSIGNEE", 0));
        JsonNode byAssignee = owner.api().get(path(key, "/board/view")).body().get("lanes");
        assertThat(byAssignee.valueStream().map(lane -> lane.get("name").asString()))
                .as("by name (the first assignee of a card by name), the unassigned last")
                .containsExactly("ana Tester", "Unassigned");
        assertThat(laneCards(byAssignee.get(0), 0)).containsExactly(pay, ship);
        assertThat(laneCards(byAssignee.get(1), 1)).containsExactly(loose);
        assertThat(byAssignee.get(0).get("cardCount").asInt()).isEqualTo(2);
        assertThat(byAssignee.get(0).get("cells").get(0).get("status").asString())
                .isEqualTo("todo");

        save(owner, key, prefs(false, null, null, null, false, "PRIORITY", 1));
        JsonNode byPriority = owner.api().get(path(key, "/board/view")).body().get("lanes");
        assertThat(byPriority.valueStream().map(lane -> lane.get("key").asString()))
                .containsExactly("HIGH", "NORMAL");
        assertThat(laneCards(byPriority.get(0), 0)).containsExactly(pay);

        save(owner, key, prefs(false, null, null, null, false, "EPIC", 2));
        JsonNode byEpic = owner.api().get(path(key, "/board/view")).body().get("lanes");
        assertThat(byEpic.valueStream().map(lane -> lane.get("name").asString()))
                .containsExactly("1 Checkout", "No summary task");
        assertThat(byEpic.get(0).get("key").asString()).isEqualTo(String.valueOf(epic));
        assertThat(laneCards(byEpic.get(0), 0)).containsExactly(pay, ship);

        save(owner, key, prefs(false, null, null, null, false, "TAG", 3));
        JsonNode byTag = owner.api().get(path(key, "/board/view")).body().get("lanes");
        assertThat(byTag.valueStream().map(lane -> lane.get("name").asString()))
                .as("a card goes to the lane of its first tag by name")
                .containsExactly("ops", "web", "No tag");
        assertThat(laneCards(byTag.get(0), 1)).containsExactly(loose);
        assertThat(laneCards(byTag.get(1), 0)).containsExactly(pay);
        assertThat(laneCards(byTag.get(2), 0)).containsExactly(ship);

        save(owner, key, prefs(true, null, null, null, false, "TAG", 4));
        JsonNode mineByTag = owner.api().get(path(key, "/board/view")).body().get("lanes");
        assertThat(mineByTag.valueStream().map(lane -> lane.get("name").asString()))
                .as("lanes hold the filtered cards only")
                .containsExactly("No tag");
    }

    @Test
    void aStaleVersionIs409WithTheSavedChoiceAndBadFieldsAre400() {
        TestUser owner = newUser("prefs-owner");
        TestUser outsider = newUser("prefs-outsider");
        String key = newProject(owner);
        save(owner, key, prefs(false, null, "ui", null, false, "TAG", 0));

        Response stale =
                owner.api().put(path(key, "/board/preferences"), prefs(true, null, null, null, false, null, 0));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("current").get("tag").asString()).isEqualTo("ui");
        assertThat(stale.body().get("current").get("version").asInt()).isEqualTo(1);
        assertThat(owner.api()
                        .get(path(key, "/board/preferences"))
                        .body()
                        .get("mine")
                        .asBoolean())
                .isFalse();

        Response bad = owner.api()
                .put(
                        path(key, "/board/preferences"),
                        prefs(false, outsider.id(), "x".repeat(101), "y".repeat(201), false, null, null));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("assigneeId", "tag", "text", "version");
        Response nul =
                owner.api().put(path(key, "/board/preferences"), prefs(false, null, null, "a\u0000b", false, null, 1));
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(errorFields(nul)).containsExactly("text");
        Response lanes = owner.api().put(path(key, "/board/preferences"), json("swimlanes", "SIDEWAYS", "version", 1));
        assertThat(lanes.status()).as(lanes.toString()).isEqualTo(400);
        assertThat(errorFields(lanes)).containsExactly("swimlanes");
        assertThat(outsider.api().get(path(key, "/board/preferences")).status()).isEqualTo(404);
    }

    private static long task(ApiClient api, String key, Map<String, Object> body) {
        return createTask(api, key, body).get("id").asLong();
    }

    private static Map<String, Object> prefs(
            boolean mine, Long assigneeId, String tag, String text, boolean sprint, String swimlanes, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("mine", mine);
        body.put("assigneeId", assigneeId);
        body.put("tag", tag);
        body.put("text", text);
        body.put("activeSprintOnly", sprint);
        body.put("swimlanes", swimlanes);
        body.put("version", version);
        return body;
    }

    private static JsonNode save(TestUser user, String key, Map<String, Object> body) {
        Response saved = user.api().put(path(key, "/board/preferences"), body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.body();
    }

    private static List<Long> shown(JsonNode view, int column) {
        return view.get("columns")
                .get(column)
                .get("cards")
                .valueStream()
                .map(card -> card.get("id").asLong())
                .toList();
    }

    private static List<Long> laneCards(JsonNode lane, int cell) {
        return lane.get("cells")
                .get(cell)
                .get("cards")
                .valueStream()
                .map(card -> card.get("id").asLong())
                .toList();
    }

    private static String path(String key, String rest) {
        return "/api/v1/projects/" + key + rest;
    }
}
