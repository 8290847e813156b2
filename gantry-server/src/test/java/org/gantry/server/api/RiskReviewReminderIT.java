package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gantry.server.api.ApiClient.json;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A risk's owner is reminded when its next review date comes: a notification in the app (kind RISK_REVIEW,
 * leading to the risk in the register) and an e-mail received by a real SMTP server (GreenMail), once per
 * review date. Risks not yet due, closed ones and those without an owner remind nobody. The job runs every
 * 2 s in tests ({@code TestMailServer}), hourly otherwise.
 */
class RiskReviewReminderIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerOfARiskDueForReviewIsRemindedOnceInTheAppAndByMail() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "MEMBER");
        LocalDate today = today(owner, key);

        long due = risk(owner, key, "Vendor API late", bob.id(), today, "OPEN");
        risk(owner, key, "Not yet", bob.id(), today.plusDays(1), "OPEN");
        risk(owner, key, "Closed already", bob.id(), today, "CLOSED");
        risk(owner, key, "Nobody's", null, today, "OPEN");

        JsonNode reminder = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> reminders(bob), found -> !found.isEmpty())
                .get(0);
        assertThat(reminder.get("title").asString()).isEqualTo("Review the risk “Vendor API late”");
        assertThat(reminder.get("reasonLabel").asString()).isEqualTo("Risk review due");
        assertThat(reminder.get("detail").asString()).startsWith("Its review date is today");
        assertThat(reminder.get("link").asString()).isEqualTo("/projects/" + key + "/risks#risk-" + due);
        assertThat(reminder.get("projectKey").asString()).isEqualTo(key);
        assertThat(reminder.get("unread").asBoolean()).isTrue();

        MimeMessage mail = NotificationApiIT.mailTo(bob.email(), "Vendor API late");
        assertThat(NotificationApiIT.subject(mail)).startsWith("[" + key + "] Review the risk");
        assertThat(NotificationApiIT.text(mail))
                .contains("Why: Risk review due")
                .contains("http://localhost:" + port + "/projects/" + key + "/risks#risk-" + due);

        // Two more runs of the job later, still the one reminder: once per review date.
        waitForARunOfTheJob();
        waitForARunOfTheJob();
        assertThat(reminders(bob)).hasSize(1);
        assertThat(owner.api().get("/api/v1/notifications").body().get("total").asLong())
                .as("the person who recorded the risks owns none of them")
                .isZero();

        // A new review date (here one already past) is a new reminder.
        JsonNode risk =
                owner.api().get("/api/v1/projects/" + key + "/risks/" + due).body();
        Response moved = owner.api()
                .patch(
                        "/api/v1/projects/" + key + "/risks/" + due,
                        json(
                                "reviewDate",
                                today.minusDays(2).toString(),
                                "version",
                                risk.get("version").asInt()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        List<JsonNode> again = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> reminders(bob), found -> found.size() == 2);
        assertThat(again.get(0).get("detail").asString()).endsWith("2 days ago.");
    }

    @Test
    void aReminderGoesToTheOwnerAsTheyPreferNotToSomeoneWhoLeftTheProject() {
        TestUser owner = newUser("owner");
        TestUser carol = newUser("carol");
        TestUser dan = newUser("dan");
        String key = newProject(owner);
        addMember(owner.api(), key, carol, "MANAGER");
        addMember(owner.api(), key, dan, "MEMBER");
        LocalDate today = today(owner, key);
        // Carol wants risk reviews in the app only.
        Response preference = carol.api()
                .patch(
                        "/api/v1/notifications/preferences",
                        json("kinds", List.of(json("kind", "RISK_REVIEW", "email", "OFF", "inApp", true))));
        assertThat(preference.status()).as(preference.toString()).isBetween(200, 204);
        risk(owner, key, "Carol's review", carol.id(), today, "MONITORING");
        long dans = risk(owner, key, "Dan's review", dan.id(), today.plusDays(3), "OPEN");
        Response removed = owner.api().delete("/api/v1/projects/" + key + "/members/" + dan.id());
        assertThat(removed.status()).as(removed.toString()).isBetween(200, 204);
        JsonNode risk =
                owner.api().get("/api/v1/projects/" + key + "/risks/" + dans).body();
        Response due = owner.api()
                .patch(
                        "/api/v1/projects/" + key + "/risks/" + dans,
                        json(
                                "reviewDate",
                                today.toString(),
                                "version",
                                risk.get("version").asInt()));
        assertThat(due.status()).as(due.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> reminders(carol), found -> found.size() == 1);
        waitForARunOfTheJob();
        assertThat(jdbc.sql("select email_state from notification where user_id = ?")
                        .param(carol.id())
                        .query(String.class)
                        .single())
                .as("not mailed: Carol turned e-mail off for risk reviews")
                .isEqualTo("NONE");
        assertThat(jdbc.sql("select count(*) from notification where user_id = ?")
                        .param(dan.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long risk(TestUser owner, String key, String title, Long ownerId, LocalDate review, String status) {
        List<Object> fields = new ArrayList<>(List.of(
                "title", title, "probability", 3, "impact", 4, "reviewDate", review.toString(), "status", status));
        if (ownerId != null) {
            fields.add("ownerId");
            fields.add(ownerId);
        }
        Response created = owner.api().post("/api/v1/projects/" + key + "/risks", json(fields.toArray()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private List<JsonNode> reminders(TestUser user) {
        List<JsonNode> found = new ArrayList<>();
        user.api().get("/api/v1/notifications").body().get("items").forEach(item -> {
            if (item.get("reason").asString().equals("RISK_REVIEW")) {
                found.add(item);
            }
        });
        return found;
    }

    private static LocalDate today(TestUser owner, String key) {
        String zone = owner.api()
                .get("/api/v1/projects/" + key)
                .body()
                .get("timeZone")
                .asString();
        return LocalDate.now(ZoneId.of(zone));
    }

    /** Waits until the reminder job has finished a run that started after now (db-scheduler notes each success). */
    private void waitForARunOfTheJob() {
        Instant now = Instant.now();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from scheduled_tasks where task_name = 'risk-review-reminders'"
                                        + " and last_success > ?")
                                .param(Timestamp.from(now.plusMillis(100)))
                                .query(Integer.class)
                                .single()
                        == 1);
    }
}
