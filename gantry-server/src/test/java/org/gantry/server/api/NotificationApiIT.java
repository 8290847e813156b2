package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gantry.server.api.ApiClient.json;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.collaboration.CommentPosted;
import org.gantry.server.notification.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Notifications through the REST API, with the mails a real SMTP server (GreenMail) received: an
 * assignment and a mention reach the person in the app and by e-mail right away, with the reason, the
 * edit and person that caused it and a link; the editor is never told of their own change; marking read,
 * snoozing and marking all read change the unread count; preferences turn kinds off, batch them or put
 * them in the daily digest; only people who can read the project are told anything.
 */
class NotificationApiIT extends ApiIntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAssignmentNotifiesTheAssigneeInTheAppAndByMailButNotTheEditor() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "MEMBER");

        JsonNode task = createTask(owner.api(), key, json("name", "Write the spec", "assigneeIds", List.of(bob.id())));
        long taskId = task.get("id").asLong();

        JsonNode list = bob.api().get("/api/v1/notifications").body();
        assertThat(list.get("unread").asLong()).isEqualTo(1);
        JsonNode notification = list.get("items").get(0);
        assertThat(notification.get("reason").asString()).isEqualTo("ASSIGNED");
        assertThat(notification.get("title").asString()).contains("Write the spec");
        assertThat(notification.get("cause").asString())
                .contains("owner Tester")
                .contains("assigned you");
        assertThat(notification.get("link").asString()).isEqualTo("/projects/" + key + "/list?task=" + taskId);
        assertThat(notification.get("projectKey").asString()).isEqualTo(key);
        assertThat(owner.api().get("/api/v1/notifications").body().get("total").asLong())
                .as("the editor is not told of their own change")
                .isZero();

        MimeMessage mail = mailTo(bob.email());
        assertThat(subject(mail)).contains(key).contains("Write the spec");
        assertThat(text(mail))
                .contains("Why: Assigned")
                .contains("owner Tester assigned you")
                .contains("http://localhost:" + port + "/projects/" + key + "/list?task=" + taskId);
    }

    @Test
    void aMailThatCannotBeSentDoesNotFailTheEditAndIsRetriedUntilItGoesOut() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "MEMBER");

        TestMailServer.stop();
        try {
            createTask(owner.api(), key, json("name", "Sent later", "assigneeIds", List.of(bob.id())));
            assertThat(unread(bob))
                    .as("the edit and its notification are stored")
                    .isEqualTo(1);
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> jdbc.sql("select email_attempts from notification where user_id = ?")
                                    .param(bob.id())
                                    .query(Integer.class)
                                    .single(),
                            attempts -> attempts >= 1);
        } finally {
            TestMailServer.restart();
        }

        MimeMessage mail = mailTo(bob.email());
        assertThat(subject(mail)).contains("Sent later");
    }

    @Test
    void reassigningTellsOnlyTheNewlyAssignedPerson() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        TestUser carol = newUser("carol");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "MEMBER");
        addMember(owner.api(), key, carol, "MEMBER");
        JsonNode task = createTask(owner.api(), key, json("name", "Review", "assigneeIds", List.of(bob.id())));

        Response updated = owner.api()
                .patch(
                        "/api/v1/projects/" + key + "/tasks/" + task.get("id").asLong(),
                        json(
                                "assigneeIds",
                                List.of(bob.id(), carol.id()),
                                "version",
                                task.get("version").asInt()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        assertThat(count(bob)).isEqualTo(1);
        assertThat(count(carol)).isEqualTo(1);
        assertThat(carol.api()
                        .get("/api/v1/notifications")
                        .body()
                        .get("items")
                        .get(0)
                        .get("reason")
                        .asString())
                .isEqualTo("ASSIGNED");
    }

    @Test
    void aMentionNotifiesTheMentionedPersonMakesThemWatchAndMailsThem() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        TestUser carol = newUser("carol");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "STAKEHOLDER");
        addMember(owner.api(), key, carol, "MEMBER");
        JsonNode task = createTask(owner.api(), key, json("name", "Pick a vendor", "assigneeIds", List.of(carol.id())));
        long taskId = task.get("id").asLong();

        Response comment = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/tasks/" + taskId + "/comments",
                        json("body", "@" + bob.email() + " please **compare** the two offers by Friday"));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);

        JsonNode mention =
                bob.api().get("/api/v1/notifications").body().get("items").get(0);
        assertThat(mention.get("reason").asString()).isEqualTo("MENTIONED");
        assertThat(mention.get("title").asString())
                .contains("owner Tester mentioned you")
                .contains("Pick a vendor");
        assertThat(mention.get("detail").asString()).contains("compare the two offers");
        JsonNode watchers = bob.api()
                .get("/api/v1/projects/" + key + "/tasks/" + taskId + "/watchers")
                .body();
        assertThat(watchers.get("watching").asBoolean()).isTrue();
        JsonNode carolsNote = carol.api().get("/api/v1/notifications").body().get("items");
        assertThat(carolsNote.valueStream().map(n -> n.get("reason").asString()).toList())
                .as("the assignee watches the task and hears of the comment")
                .contains("WATCHING");

        MimeMessage mail = mailTo(bob.email());
        assertThat(subject(mail)).contains("mentioned you");
        assertThat(text(mail)).contains("Why: Mentioned").contains("/projects/" + key + "/list?task=" + taskId);
        // Carol's "watching" note goes out with the next batch (every 2 s in tests), in a mail of its own.
        MimeMessage batch = mailTo(carol.email(), "[Gantry] ");
        assertThat(text(batch)).contains("New comment on").contains("Why: Watching");
    }

    @Test
    void markingReadSnoozingAndMarkingAllReadChangeTheUnreadCount() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "MEMBER");
        for (String name : List.of("One", "Two", "Three")) {
            createTask(owner.api(), key, json("name", name, "assigneeIds", List.of(bob.id())));
        }
        assertThat(unread(bob)).isEqualTo(3);
        List<JsonNode> items = bob.api()
                .get("/api/v1/notifications")
                .body()
                .get("items")
                .valueStream()
                .toList();

        Response read = bob.api()
                .patch("/api/v1/notifications/" + items.get(0).get("id").asLong(), json("read", true));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().get("unread").asBoolean()).isFalse();
        assertThat(unread(bob)).isEqualTo(2);

        Response snoozed = bob.api()
                .patch(
                        "/api/v1/notifications/" + items.get(1).get("id").asLong(),
                        json(
                                "snoozedUntil",
                                Instant.now().plus(Duration.ofHours(2)).toString()));
        assertThat(snoozed.status()).as(snoozed.toString()).isEqualTo(200);
        assertThat(unread(bob)).isEqualTo(1);
        assertThat(bob.api()
                        .get("/api/v1/notifications?unread=true")
                        .body()
                        .get("items")
                        .size())
                .isEqualTo(1);

        Response all = bob.api().patch("/api/v1/notifications", json("read", true));
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(unread(bob)).isZero();
    }

    @Test
    void aSnoozedNotificationComesBackUnreadWhenItsTimeComes() throws Exception {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "MEMBER");
        createTask(owner.api(), key, json("name", "Review", "assigneeIds", List.of(bob.id())));
        long id = bob.api()
                .get("/api/v1/notifications")
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        assertThat(bob.api()
                        .patch("/api/v1/notifications/" + id, json("read", true))
                        .status())
                .isEqualTo(200);
        assertThat(unread(bob)).isZero();

        Instant wakes = Instant.now().plusSeconds(2);
        Response snoozed = bob.api().patch("/api/v1/notifications/" + id, json("snoozedUntil", wakes.toString()));
        assertThat(snoozed.status()).as(snoozed.toString()).isEqualTo(200);
        assertThat(snoozed.body().get("unread").asBoolean())
                .as("hidden while it sleeps")
                .isFalse();
        assertThat(unread(bob)).isZero();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (unread(bob) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Instant.now()).as("not before its time").isAfterOrEqualTo(wakes);
        assertThat(unread(bob))
                .as("a read notification that was snoozed comes back unread")
                .isEqualTo(1);
        assertThat(bob.api()
                        .get("/api/v1/notifications?unread=true")
                        .body()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(id);
    }

    @Test
    void badChangesAndOtherPeoplesNotificationsAreRefusedWithProblems() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "MEMBER");
        createTask(owner.api(), key, json("name", "Mine", "assigneeIds", List.of(bob.id())));
        long id = bob.api()
                .get("/api/v1/notifications")
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();

        assertThat(owner.api()
                        .patch("/api/v1/notifications/" + id, json("read", true))
                        .status())
                .isEqualTo(404);
        assertThat(errorFields(
                        bob.api().patch("/api/v1/notifications/" + id, json("snoozedUntil", "2001-01-01T00:00:00Z"))))
                .containsExactly("snoozedUntil");
        assertThat(errorFields(bob.api().patch("/api/v1/notifications/" + id, json())))
                .containsExactly("read");
        assertThat(errorFields(bob.api().patch("/api/v1/notifications/" + id, json("read", "perhaps"))))
                .containsExactly("read");
        Response stale = bob.api().patch("/api/v1/notifications/" + id, json("read", true, "version", 42));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("id").asLong()).isEqualTo(id);
        assertThat(errorFields(bob.api().patch("/api/v1/notifications", json("read", false))))
                .containsExactly("read");
        assertThat(anonymous().get("/api/v1/notifications").status()).isEqualTo(401);
    }

    @Test
    void preferencesTurnAKindOffPerProjectOrSendItInTheDailyDigest() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        String quiet = newProject(owner);
        String busy = newProject(owner);
        addMember(owner.api(), quiet, bob, "MEMBER");
        addMember(owner.api(), busy, bob, "MEMBER");

        Response bad = bob.api()
                .patch(
                        "/api/v1/notifications/preferences",
                        json(
                                "timeZone",
                                "Mars/Olympus",
                                "projects",
                                List.of(json("project", "NOSUCH", "kind", "ASSIGNED"))));
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("timeZone", "projects[0].project");

        // Assignments in the quiet project: nowhere. Everywhere else: in the digest, due a minute ago.
        String digestTime = LocalTime.now(ZoneOffset.UTC)
                .minusMinutes(1)
                .withSecond(0)
                .withNano(0)
                .toString();
        Response saved = bob.api()
                .patch(
                        "/api/v1/notifications/preferences",
                        json(
                                "digestTime",
                                digestTime,
                                "timeZone",
                                "UTC",
                                "kinds",
                                List.of(json("kind", "ASSIGNED", "email", "DIGEST")),
                                "projects",
                                List.of(json("project", quiet, "kind", "ASSIGNED", "email", "OFF", "inApp", false))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body()
                        .get("kinds")
                        .valueStream()
                        .filter(k -> k.get("kind").asString().equals("ASSIGNED"))
                        .findFirst()
                        .orElseThrow()
                        .get("email")
                        .asString())
                .isEqualTo("DIGEST");

        createTask(owner.api(), quiet, json("name", "Quiet work", "assigneeIds", List.of(bob.id())));
        createTask(owner.api(), busy, json("name", "Busy work", "assigneeIds", List.of(bob.id())));

        JsonNode items = bob.api().get("/api/v1/notifications").body().get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("title").asString()).contains("Busy work");
        MimeMessage digest = mailTo(bob.email(), "daily digest");
        assertThat(text(digest)).contains("Busy work").doesNotContain("Quiet work");
    }

    @Test
    void aRemovedMemberIsNoLongerNotifiedAndNoLongerSeesTheProjectsNotifications() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "MEMBER");
        JsonNode task = createTask(owner.api(), key, json("name", "Old work", "assigneeIds", List.of(bob.id())));
        assertThat(unread(bob)).isEqualTo(1);

        assertThat(owner.api()
                        .delete("/api/v1/projects/" + key + "/members/" + bob.id())
                        .status())
                .isEqualTo(204);
        long projectId =
                owner.api().get("/api/v1/projects/" + key).body().get("id").asLong();
        transactions.executeWithoutResult(status -> events.publishEvent(new CommentPosted(
                projectId, task.get("id").asLong(), 100, owner.id(), Set.of(bob.id()), "@bob are you still there?")));

        assertThat(bob.api().get("/api/v1/notifications").body().get("total").asLong())
                .isZero();
        assertThat(unread(bob)).isZero();
    }

    private static long unread(TestUser user) {
        return user.api()
                .get("/api/v1/notifications/unread-count")
                .body()
                .get("unread")
                .asLong();
    }

    private static long count(TestUser user) {
        return user.api().get("/api/v1/notifications").body().get("total").asLong();
    }

    static MimeMessage mailTo(String address) {
        return mailTo(address, "");
    }

    /** Waits (up to 30 s) for a mail to the address whose subject contains {@code subject}. */
    static MimeMessage mailTo(String address, String subject) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> Arrays.stream(TestMailServer.received())
                                .filter(mail -> to(mail).contains(address)
                                        && subject(mail).contains(subject))
                                .findFirst()
                                .orElse(null),
                        mail -> mail != null);
    }

    static String to(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
