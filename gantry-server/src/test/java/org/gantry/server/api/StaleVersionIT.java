package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two people edit the same row: the second, holding an old version, gets 409 and the row as it is now. */
class StaleVersionIT extends ApiIntegrationTest {

    @Test
    void aStaleTaskUpdateIsRefusedWithTheCurrentTask() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        JsonNode task = createTask(owner.api(), key, "Write spec", null);
        String path = "/api/v1/projects/" + key + "/tasks/" + task.get("id").asLong();
        int read = task.get("version").asInt();

        Response first = owner.api().patch(path, json("name", "Write the spec", "version", read));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Response second = owner.api().patch(path, json("percentComplete", 30, "version", read));

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.body().get("title").asString()).isEqualTo("Stale version");
        assertThat(second.body().get("current").get("name").asString()).isEqualTo("Write the spec");
        assertThat(second.body().get("current").get("version").asInt()).isEqualTo(read + 1);
        JsonNode now = owner.api().get(path).body();
        assertThat(now.get("percentComplete").asInt())
                .as("the stale change was not applied")
                .isZero();
    }

    @Test
    void staleOutlineMovesProjectsMembersAndLinksAreRefusedToo() {
        TestUser owner = newUser("owner");
        TestUser member = newUser("member");
        String key = newProject(owner);
        ApiClient api = owner.api();
        JsonNode a = createTask(api, key, "A", null);
        JsonNode b = createTask(api, key, "B", null);
        String tasks = "/api/v1/projects/" + key + "/tasks/";
        assertThat(api.patch(tasks + b.get("id").asLong(), json("name", "B2", "version", 0))
                        .status())
                .isEqualTo(200);
        Response indent = api.post(tasks + b.get("id").asLong() + "/indent", json("version", 0));
        assertThat(indent.status()).as(indent.toString()).isEqualTo(409);
        assertThat(indent.body().get("current").get("parentId").isNull()).isTrue();
        Response move = api.post(
                tasks + b.get("id").asLong() + "/move",
                json("parentId", a.get("id").asLong(), "version", 0));
        assertThat(move.status()).isEqualTo(409);
        assertThat(api.delete(tasks + b.get("id").asLong() + "?version=0").status())
                .isEqualTo(409);

        String project = "/api/v1/projects/" + key;
        assertThat(api.patch(project, json("name", "Renamed", "version", 0)).status())
                .isEqualTo(200);
        Response staleProject = api.patch(project, json("description", "x", "version", 0));
        assertThat(staleProject.status()).isEqualTo(409);
        assertThat(staleProject.body().get("current").get("name").asString()).isEqualTo("Renamed");

        addMember(api, key, member, "MEMBER");
        assertThat(api.patch(project + "/members/" + member.id(), json("role", "MANAGER", "version", 0))
                        .status())
                .isEqualTo(200);
        Response staleMember =
                api.patch(project + "/members/" + member.id(), json("role", "STAKEHOLDER", "version", 0));
        assertThat(staleMember.status()).isEqualTo(409);
        assertThat(staleMember.body().get("current").get("role").asString()).isEqualTo("MANAGER");

        Response link = api.post(
                project + "/links",
                json(
                        "predecessorId",
                        a.get("id").asLong(),
                        "successorId",
                        b.get("id").asLong()));
        String linkPath = project + "/links/" + link.body().get("id").asLong();
        assertThat(api.patch(linkPath, json("lag", "1d", "version", 0)).status())
                .isEqualTo(200);
        Response staleLink = api.patch(linkPath, json("lag", "3d", "version", 0));
        assertThat(staleLink.status()).isEqualTo(409);
        assertThat(staleLink.body().get("current").get("lag").asString()).isEqualTo("1d");
    }

    @Test
    void anUpdateWithoutAVersionIsInvalid() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        JsonNode task = createTask(owner.api(), key, "A", null);
        Response response = owner.api()
                .patch("/api/v1/projects/" + key + "/tasks/" + task.get("id").asLong(), json("name", "B"));
        assertThat(errorFields(response)).containsExactly("version");
    }
}
