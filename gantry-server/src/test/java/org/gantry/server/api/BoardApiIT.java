package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The kanban board through the REST API: columns, cards, moves, WIP limits and the status history. */
class BoardApiIT extends ApiIntegrationTest {

    @Test
    void theBoardHasAColumnPerStatusInOrderAndALeafTaskCardWithEverythingItShows() {
        TestUser owner = newUser("board-owner");
        String key = projectStartingInThePast(owner);
        ApiClient api = owner.api();
        assertThat(api.post(path(key, "/statuses"), json("name", "Review", "category", "IN_PROGRESS"))
                        .status())
                .isEqualTo(201);
        long build = createTask(api, key, "Build", null).get("id").asLong();
        long design = createTask(
                        api,
                        key,
                        json(
                                "name",
                                "Design",
                                "parentId",
                                build,
                                "storyPoints",
                                5,
                                "priority",
                                "HIGH",
                                "tags",
                                List.of("ui"),
                                "assigneeIds",
                                List.of(owner.id())))
                .get("id")
                .asLong();
        long code = createTask(api, key, json("name", "Code", "parentId", build, "storyPoints", 8))
                .get("id")
                .asLong();
        long release = createTask(api, key, json("name", "Release", "status", "in_progress", "storyPoints", 0.5))
                .get("id")
                .asLong();
        long docs = createTask(api, key, json("name", "Docs", "status", "done"))
                .get("id")
                .asLong();
        link(api, key, design, code, "FS"); // Code waits for Design, not finished: blocked
        link(api, key, release, design, "SS"); // Release has started: Design is not held
        link(api, key, docs, release, "FS"); // Docs is done: Release is not held

        Response board = api.get(path(key, "/board"));

        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        assertThat(board.body().get("project").asString()).isEqualTo(key);
        JsonNode columns = board.body().get("columns");
        assertThat(columns.valueStream().map(c -> c.get("status").asString()))
                .containsExactly("todo", "in_progress", "done", "review");
        assertThat(columns.valueStream().map(c -> c.get("category").asString()))
                .containsExactly("TO_DO", "IN_PROGRESS", "DONE", "IN_PROGRESS");
        assertThat(columns.valueStream().map(c -> c.get("cardCount").asInt())).containsExactly(2, 1, 1, 0);
        assertThat(cardIds(columns.get(0))).containsExactly(design, code);
        assertThat(cardIds(columns.get(1))).containsExactly(release);
        assertThat(cardIds(columns.get(2))).containsExactly(docs);
        assertThat(columns.get(3).get("cards").size()).isZero();
        assertThat(columns.get(0).get("wipLimit").isNull()).isTrue();

        JsonNode designCard = columns.get(0).get("cards").get(0);
        JsonNode designTask = api.get(path(key, "/tasks/" + design)).body();
        assertThat(designCard.get("wbs").asString()).isEqualTo("1.1");
        assertThat(designCard.get("name").asString()).isEqualTo("Design");
        assertThat(designCard.get("priority").asString()).isEqualTo("HIGH");
        assertThat(designCard.get("tags").valueStream().map(JsonNode::asString)).containsExactly("ui");
        assertThat(designCard.get("assignees").get(0).get("id").asLong()).isEqualTo(owner.id());
        assertThat(designCard.get("storyPoints").toString()).isEqualTo("5");
        assertThat(designCard.get("finish").asString())
                .isEqualTo(designTask.get("finish").asString())
                .startsWith("2026-01-");
        assertThat(designCard.get("late").asBoolean()).isTrue();
        assertThat(designCard.get("blocked").asBoolean()).isFalse();
        assertThat(designCard.get("version").asInt())
                .isEqualTo(designTask.get("version").asInt());

        JsonNode codeCard = columns.get(0).get("cards").get(1);
        assertThat(codeCard.get("blocked").asBoolean()).isTrue();
        assertThat(codeCard.get("blockedBy").valueStream().map(JsonNode::asLong))
                .containsExactly(design);
        assertThat(codeCard.get("storyPoints").toString()).isEqualTo("8");
        JsonNode releaseCard = columns.get(1).get("cards").get(0);
        assertThat(releaseCard.get("storyPoints").toString()).isEqualTo("0.5");
        assertThat(releaseCard.get("blocked").asBoolean()).isFalse();
        JsonNode docsCard = columns.get(2).get("cards").get(0);
        assertThat(docsCard.get("late").asBoolean())
                .as("done work is never late")
                .isFalse();
        assertThat(docsCard.get("percentComplete").asInt()).isEqualTo(100);
        assertThat(docsCard.get("storyPoints").isNull()).isTrue();
    }

    @Test
    void movingCardsChangesStatusOrderAndPercentCompleteAndRecordsEveryStatusChange() {
        TestUser owner = newUser("mover");
        String key = newProject(owner);
        ApiClient api = owner.api();
        long first = createTask(api, key, "First", null).get("id").asLong();
        long second = createTask(api, key, "Second", null).get("id").asLong();
        long third = createTask(api, key, "Third", null).get("id").asLong();
        long fourth = createTask(api, key, "Fourth", null).get("id").asLong();
        Response started = api.patch(
                path(key, "/tasks/" + first), json("percentComplete", 40, "version", version(api, key, first)));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);

        JsonNode moved = move(api, key, third, "in_progress", null);
        assertThat(moved.get("status").asString()).isEqualTo("in_progress");
        assertThat(moved.get("percentComplete").asInt()).isZero();

        JsonNode done = move(api, key, first, "done", null);
        assertThat(done.get("percentComplete").asInt()).isEqualTo(100);
        assertThat(api.get(path(key, "/tasks/" + first))
                        .body()
                        .get("percentComplete")
                        .asInt())
                .isEqualTo(100);

        JsonNode reopened = move(api, key, first, "in_progress", 1);
        assertThat(reopened.get("status").asString()).isEqualTo("in_progress");
        assertThat(reopened.get("percentComplete").asInt())
                .as("back to the % complete it had before it was done")
                .isEqualTo(40);

        move(api, key, fourth, null, 1); // within To do, to the top
        move(api, key, second, "in_progress", 2);

        JsonNode columns = api.get(path(key, "/board")).body().get("columns");
        assertThat(cardIds(columns.get(0))).containsExactly(fourth);
        assertThat(cardIds(columns.get(1))).containsExactly(first, second, third);
        assertThat(cardIds(columns.get(2))).isEmpty();

        // The same order after more moves at the edges and in the middle.
        move(api, key, third, null, 1);
        move(api, key, fourth, "in_progress", 3);
        move(api, key, second, null, 4);
        columns = api.get(path(key, "/board")).body().get("columns");
        assertThat(cardIds(columns.get(1))).containsExactly(third, first, fourth, second);

        Response history = api.get(path(key, "/status-history?task=" + first));
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.body()
                        .valueStream()
                        .map(c ->
                                c.get("from").asString(null) + ">" + c.get("to").asString()))
                .containsExactly("null>todo", "todo>done", "done>in_progress");
        assertThat(history.body().valueStream().map(c -> c.get("byId").asLong()))
                .containsOnly(owner.id());
        assertThat(history.body().valueStream().map(c -> c.get("taskId").asLong()))
                .containsOnly(first);
        Response all = api.get(path(key, "/status-history"));
        assertThat(all.body().size()).as("4 creations and 5 changes of column").isEqualTo(9);
    }

    @Test
    void aStaleMoveIsRefusedWithTheCurrentCardAndChangesNothing() {
        TestUser owner = newUser("stale-mover");
        String key = newProject(owner);
        ApiClient api = owner.api();
        long task = createTask(api, key, "Contested", null).get("id").asLong();
        int old = version(api, key, task);
        move(api, key, task, "in_progress", null);

        Response stale = api.post(path(key, "/tasks/" + task + "/move-card"), json("status", "done", "version", old));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.body().get("current").get("id").asLong()).isEqualTo(task);
        assertThat(stale.body().get("current").get("status").asString()).isEqualTo("in_progress");
        assertThat(stale.body().get("current").get("version").asInt()).isEqualTo(old + 1);
        JsonNode current = api.get(path(key, "/tasks/" + task)).body();
        assertThat(current.get("status").asString()).isEqualTo("in_progress");
        assertThat(current.get("percentComplete").asInt()).isZero();
    }

    @Test
    void aWipLimitIsShownWhenExceededAndRefusesMovesWhenBlocking() {
        TestUser owner = newUser("wip-owner");
        TestUser member = newUser("wip-member");
        String key = newProject(owner);
        addMember(owner.api(), key, member, "MEMBER");
        ApiClient api = owner.api();
        long a = createTask(api, key, "A", null).get("id").asLong();
        long b = createTask(api, key, "B", null).get("id").asLong();
        long c = createTask(api, key, "C", null).get("id").asLong();

        Response set = api.put(path(key, "/board/columns/in_progress"), json("wipLimit", 1, "version", 0));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().get("wipLimit").asInt()).isEqualTo(1);
        assertThat(set.body().get("wipBlocking").asBoolean()).isFalse();
        assertThat(set.body().get("version").asInt()).isEqualTo(1);
        move(member.api(), key, a, "in_progress", null);
        move(member.api(), key, b, "in_progress", null);
        JsonNode column = api.get(path(key, "/board")).body().get("columns").get(1);
        assertThat(column.get("cardCount").asInt()).isEqualTo(2);
        assertThat(column.get("overLimit").asBoolean()).isTrue();

        assertThat(member.api()
                        .put(path(key, "/board/columns/in_progress"), json("wipLimit", 2, "version", 1))
                        .status())
                .as("managers set limits")
                .isEqualTo(403);
        Response stale = api.put(path(key, "/board/columns/in_progress"), json("wipLimit", 2, "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("wipLimit").asInt()).isEqualTo(1);
        assertThat(errorFields(api.put(path(key, "/board/columns/in_progress"), json("wipLimit", 0, "version", 1))))
                .containsExactly("wipLimit");
        assertThat(api.put(path(key, "/board/columns/nothing"), json("wipLimit", 2, "version", 0))
                        .status())
                .isEqualTo(404);
        Response blocking = api.put(
                path(key, "/board/columns/in_progress"), json("wipLimit", 2, "wipBlocking", true, "version", 1));
        assertThat(blocking.status()).as(blocking.toString()).isEqualTo(200);

        Response refused = member.api()
                .post(
                        path(key, "/tasks/" + c + "/move-card"),
                        json("status", "in_progress", "version", version(api, key, c)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().get("title").asString()).isEqualTo("WIP limit reached");
        assertThat(refused.body().get("current").get("status").asString()).isEqualTo("todo");
        assertThat(api.get(path(key, "/tasks/" + c)).body().get("status").asString())
                .isEqualTo("todo");
        // Moving within the full column stays possible.
        move(member.api(), key, b, null, 1);
        assertThat(cardIds(api.get(path(key, "/board")).body().get("columns").get(1)))
                .containsExactly(b, a);
    }

    @Test
    void aColumnHoldsSeveralStatusesAndACardDroppedIntoItTakesItsDefaultStatus() {
        TestUser owner = newUser("shared-column-owner");
        String key = newProject(owner);
        ApiClient api = owner.api();
        assertThat(api.post(path(key, "/statuses"), json("name", "Review", "category", "IN_PROGRESS"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(path(key, "/statuses"), json("name", "Testing", "category", "IN_PROGRESS"))
                        .status())
                .isEqualTo(201);
        long a = createTask(api, key, "A", null).get("id").asLong();
        long b = createTask(api, key, "B", null).get("id").asLong();
        long c = createTask(api, key, json("name", "C", "status", "review"))
                .get("id")
                .asLong();

        Response set = api.put(
                path(key, "/board/columns/in_progress"), json("statuses", List.of("testing", "review"), "version", 0));

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().get("statuses").valueStream().map(st -> st.get("status")
                        .asString()))
                .as("its own status first, then the others in the statuses' order")
                .containsExactly("in_progress", "review", "testing");
        JsonNode columns = api.get(path(key, "/board")).body().get("columns");
        assertThat(columns.valueStream().map(column -> column.get("status").asString()))
                .containsExactly("todo", "in_progress", "done");
        assertThat(cardIds(columns.get(1))).containsExactly(c);
        assertThat(columns.get(1).get("cards").get(0).get("status").asString()).isEqualTo("review");

        // A drop names the column's default status: the card takes it.
        move(api, key, a, "in_progress", null);
        assertThat(api.get(path(key, "/tasks/" + a)).body().get("status").asString())
                .isEqualTo("in_progress");
        assertThat(cardIds(api.get(path(key, "/board")).body().get("columns").get(1)))
                .containsExactly(c, a);
        // Within the column a card keeps the status it is sent with (the board sends its own)...
        move(api, key, c, "review", 2);
        assertThat(api.get(path(key, "/tasks/" + c)).body().get("status").asString())
                .isEqualTo("review");
        assertThat(cardIds(api.get(path(key, "/board")).body().get("columns").get(1)))
                .containsExactly(a, c);
        // ... or takes another status of the column, keeping its place.
        move(api, key, a, "testing", 1);
        assertThat(api.get(path(key, "/tasks/" + a)).body().get("status").asString())
                .isEqualTo("testing");
        assertThat(cardIds(api.get(path(key, "/board")).body().get("columns").get(1)))
                .containsExactly(a, c);

        // The column's WIP limit counts the cards of all its statuses, whichever one a move names.
        Response limited = api.put(
                path(key, "/board/columns/in_progress"), json("wipLimit", 2, "wipBlocking", true, "version", 1));
        assertThat(limited.status()).as(limited.toString()).isEqualTo(200);
        assertThat(limited.body().get("statuses").size())
                .as("statuses left out: unchanged")
                .isEqualTo(3);
        assertThat(limited.body().get("cardCount").asInt()).isEqualTo(2);
        Response refused = api.post(
                path(key, "/tasks/" + b + "/move-card"), json("status", "review", "version", version(api, key, b)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().get("title").asString()).isEqualTo("WIP limit reached");

        assertThat(errorFields(api.put(
                        path(key, "/board/columns/in_progress"), json("statuses", List.of("nowhere"), "version", 2))))
                .containsExactly("statuses");
        assertThat(errorFields(api.put(
                        path(key, "/board/columns/done"), json("statuses", List.of("in_progress"), "version", 0))))
                .as("a status holding others cannot be held")
                .containsExactly("statuses");
        Response held = api.put(path(key, "/board/columns/review"), json("wipLimit", 3, "version", 1));
        assertThat(held.status()).as(held.toString()).isEqualTo(409);
        assertThat(held.body().get("current").get("status").asString()).isEqualTo("in_progress");

        // Review gets its own column back; In progress keeps Testing, and its version moved.
        Response own = api.put(path(key, "/board/columns/review"), json("statuses", List.of(), "version", 1));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        columns = api.get(path(key, "/board")).body().get("columns");
        assertThat(columns.valueStream().map(column -> column.get("status").asString()))
                .containsExactly("todo", "in_progress", "done", "review");
        assertThat(columns.get(1).get("statuses").valueStream().map(st -> st.get("status")
                        .asString()))
                .containsExactly("in_progress", "testing");
        assertThat(columns.get(1).get("version").asInt()).isEqualTo(3);
        assertThat(cardIds(columns.get(1))).containsExactly(a);
        assertThat(cardIds(columns.get(3))).containsExactly(c);
    }

    @Test
    void aSwimlaneCellLimitIsCountedPerLaneAndRefusesMovesIntoAFullCellWhenBlocking() {
        TestUser owner = newUser("cell-owner");
        TestUser member = newUser("cell-member");
        String key = newProject(owner);
        addMember(owner.api(), key, member, "MEMBER");
        ApiClient api = owner.api();
        long a = createTask(api, key, json("name", "A", "assigneeIds", List.of(member.id())))
                .get("id")
                .asLong();
        long b = createTask(api, key, json("name", "B", "assigneeIds", List.of(member.id())))
                .get("id")
                .asLong();
        long c = createTask(api, key, json("name", "C", "assigneeIds", List.of(member.id())))
                .get("id")
                .asLong();
        long d = createTask(api, key, json("name", "D", "assigneeIds", List.of(owner.id())))
                .get("id")
                .asLong();
        Response set = api.put(path(key, "/board/columns/in_progress"), json("cellWipLimit", 1, "version", 0));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().get("cellWipLimit").asInt()).isEqualTo(1);
        assertThat(errorFields(api.put(path(key, "/board/columns/in_progress"), json("cellWipLimit", 0, "version", 1))))
                .containsExactly("cellWipLimit");
        Response lanes = member.api()
                .put(path(key, "/board/preferences"), json("swimlanes", "ASSIGNEE", "mine", true, "version", 0));
        assertThat(lanes.status()).as(lanes.toString()).isEqualTo(200);

        // Only shown: both of the member's cards go in, their cell is over its limit, the column is not.
        move(member.api(), key, a, "in_progress", null);
        move(member.api(), key, b, "in_progress", null);
        move(api, key, d, "in_progress", null);
        JsonNode view = member.api().get(path(key, "/board/view")).body();
        assertThat(view.get("lanes").size()).as("only my cards are shown").isEqualTo(1);
        JsonNode cell = view.get("lanes").get(0).get("cells").get(1);
        assertThat(cell.get("status").asString()).isEqualTo("in_progress");
        assertThat(cell.get("wipCount").asInt()).isEqualTo(2);
        assertThat(cell.get("wipLimit").asInt()).isEqualTo(1);
        assertThat(cell.get("overLimit").asBoolean()).isTrue();
        assertThat(view.get("lanes").get(0).get("cells").get(0).get("overLimit").asBoolean())
                .as("To do has no cell limit")
                .isFalse();
        assertThat(view.get("columns").get(1).get("overLimit").asBoolean()).isFalse();
        assertThat(view.get("columns").get(1).get("cardCount").asInt()).isEqualTo(3);

        // Blocking at two a cell: the member's third card is refused, the owner's lane still has room.
        Response blocking = api.put(
                path(key, "/board/columns/in_progress"), json("cellWipLimit", 2, "wipBlocking", true, "version", 1));
        assertThat(blocking.status()).as(blocking.toString()).isEqualTo(200);
        Response refused = member.api()
                .post(
                        path(key, "/tasks/" + c + "/move-card"),
                        json("status", "in_progress", "version", version(api, key, c)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().get("title").asString()).isEqualTo("WIP limit reached");
        assertThat(refused.body().get("detail").asString()).contains("holds 2 of at most 2 cards");
        assertThat(refused.body().get("current").get("status").asString()).isEqualTo("todo");
        assertThat(api.get(path(key, "/tasks/" + c)).body().get("status").asString())
                .isEqualTo("todo");
        // Within the full cell a card still moves.
        move(member.api(), key, b, null, 1);
        cell = member.api()
                .get(path(key, "/board/view"))
                .body()
                .get("lanes")
                .get(0)
                .get("cells")
                .get(1);
        assertThat(cell.get("cards").valueStream().map(card -> card.get("id").asLong()))
                .containsExactly(b, a);
        assertThat(cell.get("overLimit").asBoolean()).isFalse();
    }

    @Test
    void movesThatCannotBeDoneAreRefusedWithAReason() {
        TestUser owner = newUser("refused-mover");
        TestUser stakeholder = newUser("board-sponsor");
        String key = newProject(owner);
        addMember(owner.api(), key, stakeholder, "STAKEHOLDER");
        ApiClient api = owner.api();
        long summary = createTask(api, key, "Phase", null).get("id").asLong();
        long leaf = createTask(api, key, "Work", summary).get("id").asLong();
        int version = version(api, key, leaf);

        Response onSummary = api.post(
                path(key, "/tasks/" + summary + "/move-card"),
                json("status", "done", "version", version(api, key, summary)));
        assertThat(onSummary.status()).as(onSummary.toString()).isEqualTo(409);
        assertThat(onSummary.body().get("title").asString()).isEqualTo("Not a card");
        assertThat(errorFields(api.post(
                        path(key, "/tasks/" + leaf + "/move-card"), json("status", "nowhere", "version", version))))
                .containsExactly("status");
        assertThat(errorFields(api.post(path(key, "/tasks/" + leaf + "/move-card"), json("status", "done"))))
                .containsExactly("version");
        assertThat(errorFields(
                        api.post(path(key, "/tasks/" + leaf + "/move-card"), json("position", 0, "version", version))))
                .containsExactly("position");
        assertThat(api.post(path(key, "/tasks/999999999/move-card"), json("status", "done", "version", 0))
                        .status())
                .isEqualTo(404);
        Response forbidden = stakeholder
                .api()
                .post(path(key, "/tasks/" + leaf + "/move-card"), json("status", "done", "version", version));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.get(path(key, "/tasks/" + leaf)).body().get("version").asInt())
                .isEqualTo(version);
    }

    @Test
    void storyPointsAreAnyNonNegativeNumberWithAtMostTwoDecimals() {
        TestUser owner = newUser("pointer");
        String key = newProject(owner);
        ApiClient api = owner.api();
        JsonNode task = createTask(api, key, json("name", "Estimate me", "storyPoints", 3));
        long id = task.get("id").asLong();
        assertThat(task.get("storyPoints").toString()).isEqualTo("3");

        Response half =
                api.patch(path(key, "/tasks/" + id), json("storyPoints", 2.5, "version", version(api, key, id)));
        assertThat(half.body().get("storyPoints").toString()).isEqualTo("2.5");
        assertThat(errorFields(api.patch(
                        path(key, "/tasks/" + id), json("storyPoints", -1, "version", version(api, key, id)))))
                .containsExactly("storyPoints");
        assertThat(errorFields(api.patch(
                        path(key, "/tasks/" + id), json("storyPoints", 1.234, "version", version(api, key, id)))))
                .containsExactly("storyPoints");
        assertThat(errorFields(api.post(path(key, "/tasks"), json("name", "Negative", "storyPoints", -0.5))))
                .containsExactly("storyPoints");
        Response cleared = api.patch(
                path(key, "/tasks/" + id), json("clear", List.of("storyPoints"), "version", version(api, key, id)));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.body().get("storyPoints").isNull()).isTrue();
    }

    private String projectStartingInThePast(TestUser owner) {
        String key = newKey();
        Response created = owner.api()
                .post("/api/v1/projects", json("key", key, "name", "Board " + key, "startDate", "2026-01-05"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return key;
    }

    private static void link(ApiClient api, String key, long predecessor, long successor, String type) {
        Response linked = api.post(
                path(key, "/links"), json("predecessorId", predecessor, "successorId", successor, "type", type));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    }

    private static JsonNode move(ApiClient api, String key, long task, String status, Integer position) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("status", status);
        body.put("position", position);
        body.put("version", version(api, key, task));
        Response moved = api.post(path(key, "/tasks/" + task + "/move-card"), body);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return moved.body();
    }

    private static int version(ApiClient api, String key, long task) {
        return api.get(path(key, "/tasks/" + task)).body().get("version").asInt();
    }

    private static List<Long> cardIds(JsonNode column) {
        return column.get("cards")
                .valueStream()
                .map(card -> card.get("id").asLong())
                .toList();
    }

    private static String path(String key, String rest) {
        return "/api/v1/projects/" + key + rest;
    }
}
