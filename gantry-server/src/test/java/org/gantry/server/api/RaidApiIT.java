package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The RAID log through the API: assumptions, issues, dependencies and decisions, and where they come from. */
class RaidApiIT extends ApiIntegrationTest {

    record Project(TestUser owner, String key, long taskA, long taskB) {
        String path() {
            return "/api/v1/projects/" + key;
        }

        ApiClient api() {
            return owner.api();
        }
    }

    private Project project() {
        TestUser owner = newUser("raid-owner");
        String key = newProjectStarting(owner.api(), "RAID", LocalDate.of(2026, 3, 2));
        long a = taskId(owner.api(), key, json("name", "A", "duration", "3d"));
        long b = taskId(owner.api(), key, json("name", "B", "duration", "2d"));
        return new Project(owner, key, a, b);
    }

    private static List<String> titles(JsonNode entries) {
        List<String> titles = new ArrayList<>();
        entries.forEach(entry -> titles.add(entry.get("title").asString()));
        return titles;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asLong()));
        return ids;
    }

    @Test
    void eachTypeIsRaisedWithItsFirstStatusAndTheFiltersFindIt() {
        Project project = project();
        JsonNode assumption = created(project.api()
                .post(
                        project.path() + "/raid",
                        json(
                                "type", "ASSUMPTION",
                                "title", "Test lab is free in March",
                                "description", "Booked informally by the lab manager",
                                "ownerId", project.owner().id(),
                                "raisedOn", "2026-03-01",
                                "dueOn", "2026-03-10",
                                "taskIds", List.of(project.taskA()))));
        JsonNode issue = created(project.api()
                .post(
                        project.path() + "/raid",
                        json("type", "issue", "title", "Build server down", "status", "IN_PROGRESS")));
        JsonNode dependency = created(project.api()
                .post(
                        project.path() + "/raid",
                        json(
                                "type", "DEPENDENCY",
                                "title", "Payment gateway sandbox from the vendor",
                                "status", "AT_RISK",
                                "linkedEntryIds", List.of(issue.get("id").asLong()))));
        JsonNode decision = created(project.api()
                .post(
                        project.path() + "/raid",
                        json(
                                "type", "DECISION",
                                "title", "Use PostgreSQL for reporting",
                                "status", "DECIDED",
                                "decidedById", project.owner().id(),
                                "decidedOn", "2026-03-03",
                                "rationale", "One database to run")));

        assertThat(assumption.get("status").asString()).isEqualTo("OPEN");
        assertThat(assumption.get("ownerName").asString()).isEqualTo("raid-owner Tester");
        assertThat(assumption.get("raisedOn").asString()).isEqualTo("2026-03-01");
        assertThat(assumption.get("dueOn").asString()).isEqualTo("2026-03-10");
        assertThat(ids(assumption.get("taskIds"))).containsExactly(project.taskA());
        assertThat(assumption.get("version").asInt()).isZero();
        assertThat(issue.get("type").asString()).isEqualTo("ISSUE");
        assertThat(issue.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(ids(dependency.get("linkedEntryIds")))
                .containsExactly(issue.get("id").asLong());
        assertThat(decision.get("decidedByName").asString()).isEqualTo("raid-owner Tester");
        assertThat(decision.get("decidedOn").asString()).isEqualTo("2026-03-03");
        assertThat(decision.get("rationale").asString()).isEqualTo("One database to run");
        assertThat(decision.get("closedOn").isNull())
                .as("a decided decision is closed")
                .isFalse();
        JsonNode issueAgain =
                ok(project.api().get(project.path() + "/raid/" + issue.get("id").asLong()));
        assertThat(ids(issueAgain.get("linkedEntryIds")))
                .as("a link reads both ways")
                .containsExactly(dependency.get("id").asLong());

        assertThat(titles(ok(project.api().get(project.path() + "/raid"))))
                .containsExactly(
                        "Use PostgreSQL for reporting",
                        "Payment gateway sandbox from the vendor",
                        "Build server down",
                        "Test lab is free in March");
        assertThat(titles(ok(project.api().get(project.path() + "/raid?type=DEPENDENCY"))))
                .containsExactly("Payment gateway sandbox from the vendor");
        assertThat(titles(ok(project.api().get(project.path() + "/raid?status=OPEN"))))
                .containsExactly("Test lab is free in March");
        assertThat(titles(ok(project.api()
                        .get(project.path() + "/raid?owner=" + project.owner().id()))))
                .containsExactly("Test lab is free in March");
        assertThat(titles(ok(project.api().get(project.path() + "/raid?text=LAB%20MANAGER"))))
                .as("text searches the description too, in any case")
                .containsExactly("Test lab is free in March");
        assertThat(titles(ok(project.api().get(project.path() + "/raid?type=ISSUE&text=server"))))
                .containsExactly("Build server down");
        assertThat(errorFields(project.api().get(project.path() + "/raid?type=RISKY&status=LATE")))
                .containsExactlyInAnyOrder("type", "status");
    }

    @Test
    void invalidFieldsAreAllNamedAndNothingIsWritten() {
        Project project = project();
        TestUser outsider = newUser("raid-outsider");
        Response refused = project.api()
                .post(
                        project.path() + "/raid",
                        json(
                                "type", "ISSUE",
                                "title", " ",
                                "status", "VALIDATED",
                                "ownerId", outsider.id(),
                                "dueOn", "3026-01-01",
                                "taskIds", List.of(-1),
                                "linkedEntryIds", List.of(999_999_999)));
        assertThat(errorFields(refused))
                .containsExactlyInAnyOrder("title", "status", "ownerId", "dueOn", "taskIds", "linkedEntryIds");
        assertThat(errorFields(project.api().post(project.path() + "/raid", json("title", "No type"))))
                .containsExactly("type");
        assertThat(ok(project.api().get(project.path() + "/raid"))).isEmpty();

        JsonNode issue =
                created(project.api().post(project.path() + "/raid", json("type", "ISSUE", "title", "Login slow")));
        String path = project.path() + "/raid/" + issue.get("id").asLong();
        assertThat(errorFields(project.api().patch(path, json("status", "MET", "title", ""))))
                .containsExactlyInAnyOrder("status", "title", "version");
        assertThat(errorFields(project.api().patch(path, json("clear", List.of("type"), "version", 0))))
                .containsExactly("clear");
        assertThat(ok(project.api().get(path)).get("version").asInt()).isZero();
        assertThat(project.api().get(project.path() + "/raid/999999999").status())
                .isEqualTo(404);
    }

    @Test
    void aStaleVersionIsRefusedWithTheEntryAsItIsNow() {
        Project project = project();
        JsonNode issue =
                created(project.api().post(project.path() + "/raid", json("type", "ISSUE", "title", "Login slow")));
        String path = project.path() + "/raid/" + issue.get("id").asLong();

        JsonNode resolved = ok(project.api().patch(path, json("status", "RESOLVED", "version", 0)));
        assertThat(resolved.get("version").asInt()).isEqualTo(1);
        assertThat(resolved.get("closedOn").isNull()).as("resolving closes it").isFalse();
        Response stale = project.api().patch(path, json("title", "Login very slow", "version", 0));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.body().get("current").get("status").asString()).isEqualTo("RESOLVED");
        assertThat(stale.body().get("current").get("version").asInt()).isEqualTo(1);
        assertThat(ok(project.api().get(path)).get("title").asString()).isEqualTo("Login slow");

        JsonNode reopened = ok(project.api().patch(path, json("status", "OPEN", "version", 1)));
        assertThat(reopened.get("closedOn").isNull())
                .as("reopening clears the closing date")
                .isTrue();
        assertThat(project.api().delete(path).status()).isEqualTo(204);
        assertThat(project.api().get(path).status()).isEqualTo(404);
    }

    @Test
    void aRiskThatOccurredBecomesAnIssueLinkedToItAndIsClosedAsOccurred() {
        Project project = project();
        JsonNode risk = created(project.api()
                .post(
                        project.path() + "/risks",
                        json(
                                "title",
                                "Vendor API late",
                                "event",
                                "API delivered late",
                                "effect",
                                "Integration slips",
                                "probability",
                                4,
                                "impact",
                                4,
                                "ownerId",
                                project.owner().id(),
                                "taskIds",
                                List.of(project.taskB()))));
        String riskPath = project.path() + "/risks/" + risk.get("id").asLong();

        assertThat(errorFields(project.api().post(riskPath + "/occurred", json())))
                .containsExactly("version");
        JsonNode issue = created(project.api().post(riskPath + "/occurred", json("version", 0)));

        assertThat(issue.get("type").asString()).isEqualTo("ISSUE");
        assertThat(issue.get("status").asString()).isEqualTo("OPEN");
        assertThat(issue.get("title").asString()).isEqualTo("Occurred: Vendor API late");
        assertThat(issue.get("description").asString()).isEqualTo("API delivered late\nEffect: Integration slips");
        assertThat(issue.get("riskId").asLong()).isEqualTo(risk.get("id").asLong());
        assertThat(issue.get("ownerId").asLong()).isEqualTo(project.owner().id());
        assertThat(ids(issue.get("taskIds"))).containsExactly(project.taskB());
        JsonNode occurred = ok(project.api().get(riskPath));
        assertThat(occurred.get("status").asString()).isEqualTo("OCCURRED");
        assertThat(occurred.get("version").asInt()).isEqualTo(1);

        Response again = project.api().post(riskPath + "/occurred", json("version", 0));
        assertThat(again.status()).as("a stale risk version").isEqualTo(409);
        assertThat(again.body().get("current").get("status").asString()).isEqualTo("OCCURRED");
        assertThat(errorFields(project.api().post(riskPath + "/occurred", json("version", 1))))
                .as("it occurs once")
                .containsExactly("status");
        assertThat(ok(project.api().get(project.path() + "/raid?type=ISSUE"))).hasSize(1);
    }

    @Test
    void theChangeBoardsDecisionsAreRecordedInTheRaidLog() {
        Project project = project();
        String changes = project.path() + "/change-requests";
        JsonNode request = created(project.api()
                .post(
                        changes,
                        json(
                                "title", "Add a security review",
                                "reason", "Audit finding",
                                "requestedBy", "CISO",
                                "edits",
                                        List.of(json(
                                                "type", "ADD_TASK",
                                                "name", "Security review",
                                                "duration", "5d",
                                                "predecessorIds", List.of(project.taskA()))))));
        long id = request.get("id").asLong();
        ok(project.api().post(changes + "/" + id + "/submit", null));
        ok(project.api().post(changes + "/" + id + "/defer", json("note", "Wait for the audit report")));
        ok(project.api().post(changes + "/" + id + "/approve", json("note", "Board 5 March")));

        JsonNode decisions = ok(project.api().get(project.path() + "/raid?type=DECISION"));
        assertThat(titles(decisions))
                .containsExactly(
                        "Approved change request #" + id + ": Add a security review",
                        "Deferred change request #" + id + ": Add a security review");
        JsonNode approval = decisions.get(0);
        assertThat(approval.get("status").asString()).isEqualTo("DECIDED");
        assertThat(approval.get("changeRequestId").asLong()).isEqualTo(id);
        assertThat(approval.get("decidedById").asLong())
                .isEqualTo(project.owner().id());
        assertThat(approval.get("decidedOn").isNull()).isFalse();
        assertThat(approval.get("rationale").asString())
                .isEqualTo("Board 5 March\nReason for the request: Audit finding");
        assertThat(decisions.get(1).get("rationale").asString())
                .isEqualTo("Wait for the audit report\nReason for the request: Audit finding");
    }
}
