package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Comments on tasks through the REST API: Markdown made safe, mentions, threads, edits, deletes, resolving. */
class CommentApiIT extends ApiIntegrationTest {

    private static String comments(String key, long taskId) {
        return "/api/v1/projects/" + key + "/tasks/" + taskId + "/comments";
    }

    @Test
    void markdownIsRenderedAndEveryWayToSmuggleScriptIsDefused() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        long taskId =
                createTask(owner.api(), key, json("name", "Spec")).get("id").asLong();
        String body = String.join(
                "\n\n",
                "**Bold** and _italic_ and `code` and ~~gone~~",
                "",
                "<script>alert('x')</script>",
                "<img src=x onerror=alert(1)>",
                "[click](javascript:alert(1)) and [site](https://example.com/a?b=1)",
                "<a href=\"#\" onclick=\"alert(1)\">raw link</a>",
                "![pixel](https://tracker.example/p.gif)",
                "- one\n- two");
        Response posted = owner.api().post(comments(key, taskId), json("body", body));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        String html = posted.body().get("html").asString();

        assertThat(html)
                .contains("<strong>Bold</strong>")
                .contains("<em>italic</em>")
                .contains("<code>code</code>")
                .contains("<del>gone</del>")
                .contains("<li>one</li>")
                .contains("href=\"https://example.com/a?b=1\"")
                .contains("rel=\"nofollow noopener noreferrer\"");
        assertThat(html.toLowerCase())
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContainPattern("<[^>]+\\son\\w+\\s*=")
                .doesNotContainPattern("href=\"\\s*javascript:");
        assertThat(html).as("raw HTML is shown as text").contains("&lt;script&gt;");
        assertThat(posted.body().get("body").asString()).isEqualTo(body);
    }

    @Test
    void membersAreMentionedByEmailAndOutsidersCannotBeMentionedAtAll() {
        TestUser owner = newUser("owner");
        TestUser dana = newUser("dana");
        TestUser outsider = newUser("outsider");
        String key = newProject(owner);
        addMember(owner.api(), key, dana, "STAKEHOLDER");
        long taskId =
                createTask(owner.api(), key, json("name", "Budget")).get("id").asLong();

        Response candidates = owner.api().get("/api/v1/projects/" + key + "/mention-candidates?q=dan");
        assertThat(candidates.body().valueStream().map(c -> c.get("email").asString()))
                .containsExactly(dana.email());
        assertThat(owner.api()
                        .get("/api/v1/projects/" + key + "/mention-candidates?q=outsider")
                        .body()
                        .size())
                .isZero();

        Response mentioned = owner.api().post(comments(key, taskId), json("body", "Over to you @" + dana.email()));
        assertThat(mentioned.status()).as(mentioned.toString()).isEqualTo(201);
        assertThat(mentioned.body().get("html").asString())
                .contains("class=\"mention\"")
                .contains("@dana Tester")
                .doesNotContain(dana.email() + "</");
        assertThat(mentioned.body().get("mentionedUserIds").valueStream().map(JsonNode::asLong))
                .containsExactly(dana.id());

        Response refused = owner.api().post(comments(key, taskId), json("body", "Ask @" + outsider.email() + " maybe"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactly("body");
        assertThat(refused.body().toString()).contains("only members of project");
        assertThat(owner.api().get(comments(key, taskId)).body().size())
                .as("the refused comment was not stored")
                .isEqualTo(1);
        assertThat(outsider.api()
                        .get("/api/v1/notifications")
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(outsider.api().get(comments(key, taskId)).status())
                .as("an outsider does not even see that the task has comments")
                .isEqualTo(404);
    }

    @Test
    void anEditThatAddsAMentionTellsOnlyTheNewlyMentionedPerson() {
        TestUser owner = newUser("owner");
        TestUser dana = newUser("dana");
        TestUser eli = newUser("eli");
        String key = newProject(owner);
        addMember(owner.api(), key, dana, "MEMBER");
        addMember(owner.api(), key, eli, "MEMBER");
        long taskId =
                createTask(owner.api(), key, json("name", "Budget")).get("id").asLong();
        JsonNode posted = owner.api()
                .post(comments(key, taskId), json("body", "Numbers from @" + dana.email() + " please"))
                .body();
        assertThat(mentions(dana)).isEqualTo(1);

        Response edited = owner.api()
                .patch(
                        "/api/v1/projects/" + key + "/comments/"
                                + posted.get("id").asLong(),
                        json(
                                "body",
                                "Numbers from @" + dana.email() + " and @" + eli.email() + " please",
                                "version",
                                posted.get("version").asInt()));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(mentions(eli)).as("newly mentioned").isEqualTo(1);
        assertThat(mentions(dana))
                .as("already told when the comment was posted")
                .isEqualTo(1);
        assertThat(eli.api()
                        .get("/api/v1/projects/" + key + "/tasks/" + taskId + "/watchers")
                        .body()
                        .get("watching")
                        .asBoolean())
                .isTrue();
    }

    private static long mentions(TestUser user) {
        return user.api()
                .get("/api/v1/notifications")
                .body()
                .get("items")
                .valueStream()
                .filter(n -> n.get("reason").asString().equals("MENTIONED"))
                .count();
    }

    @Test
    void aWbsReferenceLinksToThatTaskAndCodeIsLeftAlone() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        JsonNode design = createTask(owner.api(), key, json("name", "Design"));
        long testing =
                createTask(owner.api(), key, json("name", "Testing")).get("id").asLong();

        Response posted = owner.api()
                .post(comments(key, testing), json("body", "Blocked by #1 until it is done, not by `#1` or #99."));
        String html = posted.body().get("html").asString();
        assertThat(html)
                .contains("href=\"/projects/" + key + "/list?task="
                        + design.get("id").asLong() + "\"")
                .contains("#1 Design")
                .contains("<code>#1</code>")
                .contains("#99");
    }

    @Test
    void repliesJoinTheThreadAndOnlyTheAuthorEditsWhileManagersMayDelete() {
        TestUser owner = newUser("owner");
        TestUser member = newUser("member");
        TestUser sponsor = newUser("sponsor");
        String key = newProject(owner);
        addMember(owner.api(), key, member, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        long taskId =
                createTask(owner.api(), key, json("name", "Launch")).get("id").asLong();

        JsonNode question = sponsor.api()
                .post(comments(key, taskId), json("body", "Can we launch on Monday?"))
                .body();
        long questionId = question.get("id").asLong();
        JsonNode answer = member.api()
                .post(comments(key, taskId), json("body", "Yes, if QA signs off.", "parentId", questionId))
                .body();
        Response replyToReply = owner.api()
                .post(
                        comments(key, taskId),
                        json(
                                "body",
                                "> Yes, if QA signs off.\n\nAgreed.",
                                "parentId",
                                answer.get("id").asLong()));
        assertThat(replyToReply.status()).isEqualTo(201);
        assertThat(replyToReply.body().get("parentId").asLong())
                .as("a reply to a reply joins the thread")
                .isEqualTo(questionId);
        assertThat(replyToReply.body().get("html").asString()).contains("<blockquote>");

        List<JsonNode> threads =
                owner.api().get(comments(key, taskId)).body().valueStream().toList();
        assertThat(threads).hasSize(1);
        assertThat(threads.get(0).get("replies").size()).isEqualTo(2);

        String answerPath =
                "/api/v1/projects/" + key + "/comments/" + answer.get("id").asLong();
        int version = answer.get("version").asInt();
        assertThat(owner.api()
                        .patch(answerPath, json("body", "Not mine", "version", version))
                        .status())
                .as("not even the owner edits someone else's words")
                .isEqualTo(403);
        Response edited =
                member.api().patch(answerPath, json("body", "Yes, if QA signs off by Friday.", "version", version));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.body().get("edited").asBoolean()).isTrue();
        assertThat(member.api()
                        .patch(answerPath, json("body", "Stale", "version", version))
                        .status())
                .as("an edit based on an old version")
                .isEqualTo(409);
        assertThat(errorFields(member.api().patch(answerPath, json("body", " ", "version", version + 1))))
                .containsExactly("body");

        String questionPath = "/api/v1/projects/" + key + "/comments/" + questionId;
        assertThat(member.api().delete(questionPath).status())
                .as("a member does not delete the sponsor's comment")
                .isEqualTo(403);
        assertThat(owner.api().delete(questionPath).status())
                .as("the owner moderates")
                .isEqualTo(204);
        JsonNode thread = owner.api().get(comments(key, taskId)).body().get(0);
        assertThat(thread.get("deleted").asBoolean()).isTrue();
        assertThat(thread.get("body").asString()).isEmpty();
        assertThat(thread.get("replies").size()).as("the replies stay").isEqualTo(2);
        assertThat(owner.api().delete(questionPath).status()).isEqualTo(404);
    }

    @Test
    void aThreadIsResolvedAndReopenedThroughItsFirstComment() {
        TestUser owner = newUser("owner");
        TestUser sponsor = newUser("sponsor");
        String key = newProject(owner);
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        long taskId = createTask(owner.api(), key, json("name", "Risk review"))
                .get("id")
                .asLong();
        JsonNode first = owner.api()
                .post(comments(key, taskId), json("body", "Open point"))
                .body();
        JsonNode reply = sponsor.api()
                .post(
                        comments(key, taskId),
                        json("body", "Done", "parentId", first.get("id").asLong()))
                .body();
        String resolution =
                "/api/v1/projects/" + key + "/comments/" + first.get("id").asLong() + "/resolution";

        assertThat(errorFields(sponsor.api()
                        .put(
                                "/api/v1/projects/" + key + "/comments/"
                                        + reply.get("id").asLong() + "/resolution",
                                json("resolved", true, "version", 0))))
                .containsExactly("id");
        Response resolved = sponsor.api()
                .put(
                        resolution,
                        json("resolved", true, "version", first.get("version").asInt()));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.body().get("resolved").asBoolean()).isTrue();
        assertThat(resolved.body().get("resolvedByName").asString()).isEqualTo("sponsor Tester");
        Response reopened = owner.api()
                .put(
                        resolution,
                        json(
                                "resolved",
                                false,
                                "version",
                                resolved.body().get("version").asInt()));
        assertThat(reopened.body().get("resolved").asBoolean()).isFalse();
        assertThat(owner.api()
                        .put(resolution, json("resolved", true, "version", 0))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void badCommentsAreRefusedWithTheFieldAndNothingIsStored() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        long taskId =
                createTask(owner.api(), key, json("name", "Input")).get("id").asLong();

        assertThat(errorFields(owner.api().post(comments(key, taskId), json("body", ""))))
                .containsExactly("body");
        assertThat(errorFields(owner.api().post(comments(key, taskId), json("body", "x".repeat(20_001)))))
                .containsExactly("body");
        assertThat(errorFields(owner.api().post(comments(key, taskId), json("body", "nul \u0000 here"))))
                .containsExactly("body");
        assertThat(errorFields(owner.api().post(comments(key, taskId), json("body", "Hi", "parentId", 999_999_999))))
                .containsExactly("parentId");
        assertThat(owner.api()
                        .post(comments(key, 999_999_999L), json("body", "Hi"))
                        .status())
                .isEqualTo(404);
        assertThat(owner.api()
                        .post(comments(key, taskId), json("body", "#1.99999999999.2 is no task"))
                        .status())
                .isEqualTo(201);
        assertThat(owner.api().get(comments(key, taskId)).body().size()).isEqualTo(1);
    }
}
