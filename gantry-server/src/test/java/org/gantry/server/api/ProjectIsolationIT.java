package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** Another project's data answers 404, as if it did not exist, whichever way it is addressed. */
class ProjectIsolationIT extends ApiIntegrationTest {

    @Test
    void aNonMemberCannotSeeAProjectOrAnythingInIt() {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        String aliceProject = newProject(alice);
        long task =
                createTask(alice.api(), aliceProject, "Secret", null).get("id").asLong();
        String base = "/api/v1/projects/" + aliceProject;
        long id = alice.api().get(base).body().get("id").asLong();

        for (String path : new String[] {
            base,
            "/api/v1/projects/" + id,
            base + "/tasks",
            base + "/tasks/" + task,
            base + "/links",
            base + "/members",
            base + "/statuses"
        }) {
            Response response = bob.api().get(path);
            assertThat(response.status()).as(path + ": " + response).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(bob.api()
                        .patch(base + "/tasks/" + task, json("name", "Mine", "version", 0))
                        .status())
                .isEqualTo(404);
        assertThat(bob.api().delete(base).status()).isEqualTo(404);
        assertThat(bob.api()
                        .get("/api/v1/projects")
                        .body()
                        .get("items")
                        .valueStream()
                        .map(p -> p.get("key").asString()))
                .doesNotContain(aliceProject);
        assertThat(admin().get(base + "/tasks/" + task).status())
                .as("admins see every project")
                .isEqualTo(200);
    }

    @Test
    void aTaskOfAnotherProjectIsNotFoundThroughAProjectTheCallerCanSee() {
        TestUser alice = newUser("alice");
        String first = newProject(alice);
        String second = newProject(alice);
        long foreign = createTask(alice.api(), first, "In the first project", null)
                .get("id")
                .asLong();
        long local = createTask(alice.api(), second, "In the second project", null)
                .get("id")
                .asLong();
        String other = "/api/v1/projects/" + second;

        assertThat(alice.api().get(other + "/tasks/" + foreign).status()).isEqualTo(404);
        assertThat(alice.api()
                        .patch(other + "/tasks/" + foreign, json("name", "x", "version", 0))
                        .status())
                .isEqualTo(404);
        assertThat(alice.api().delete(other + "/tasks/" + foreign).status()).isEqualTo(404);
        assertThat(alice.api()
                        .post(other + "/tasks/" + foreign + "/indent", json("version", 0))
                        .status())
                .isEqualTo(404);
        assertThat(errorFields(alice.api().post(other + "/tasks", json("name", "Child", "parentId", foreign))))
                .containsExactly("parentId");
        assertThat(errorFields(
                        alice.api().post(other + "/links", json("predecessorId", foreign, "successorId", local))))
                .containsExactly("predecessorId");
        assertThat(alice.api()
                        .get("/api/v1/projects/" + first + "/tasks/" + foreign)
                        .status())
                .isEqualTo(200);
    }
}
