package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;
import static org.gantry.server.api.NotificationApiIT.mailTo;
import static org.gantry.server.api.NotificationApiIT.subject;
import static org.gantry.server.api.NotificationApiIT.to;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.notification.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled status digests through the API, with the mails a real SMTP server (GreenMail) received: a digest
 * is due at its time in its time zone, goes out once to every recipient (also when several senders on one
 * database reach for it at the same moment, as two servers would), and moves on to its next occurrence; a
 * report digest carries the latest published report and its PDF; bad input is refused field by field.
 */
class StatusDigestApiIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    private void makeDue(long digestId) {
        jdbc.sql("update status_digest set next_send_at = now() - interval '1 second' where id = ?")
                .param(digestId)
                .update();
    }

    private static long mailsTo(String address, String subject) {
        return Arrays.stream(TestMailServer.received())
                .filter(mail -> to(mail).contains(address) && subject(mail).contains(subject))
                .count();
    }

    @Test
    void aDailyDigestGoesOutOnceAtItsTimeAndMovesToTheNextDay() throws Exception {
        TestUser owner = newUser("digestowner");
        String key = newProject(owner);
        createTask(owner.api(), key, "Design", null);
        String sponsor = "sponsor-" + key.toLowerCase() + "@example.com";
        String steering = "steering-" + key.toLowerCase() + "@example.com";
        Response created = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/digests",
                        json(
                                "recipients",
                                List.of(sponsor, steering.toUpperCase()),
                                "cadence",
                                "DAILY",
                                "sendAt",
                                "08:00",
                                "timeZone",
                                "Europe/Berlin"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode digest = created.body();
        long id = digest.get("id").asLong();
        assertThat(digest.get("recipients").valueStream().map(JsonNode::asString))
                .containsExactly(sponsor, steering);
        ZonedDateTime next = Instant.parse(digest.get("nextSendAt").asString()).atZone(ZoneId.of("Europe/Berlin"));
        assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(next.toInstant())
                .isAfter(Instant.now())
                .isBefore(Instant.now().plus(Duration.ofHours(25)));
        assertThat(mailsTo(sponsor, key)).isZero();

        makeDue(id);
        // Several senders on one database at the same moment, besides the server's own job: one mail.
        Object service = context.getBean(Class.forName("org.gantry.server.report.StatusDigestService"));
        Method sendDue = service.getClass().getMethod("sendDue");
        sendDue.setAccessible(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return sendDue.invoke(service);
            }));
        }
        start.countDown();
        for (Future<Object> run : runs) {
            run.get();
        }
        pool.shutdown();

        MimeMessage mail = mailTo(sponsor, key + " status digest");
        assertThat(to(mail)).contains(steering);
        String text = String.valueOf(mail.getContent());
        assertThat(text)
                .contains("Project " + key)
                .contains("Health")
                .contains("Schedule: ")
                .contains("% complete");
        assertThat(text).doesNotContain("CPI");
        Thread.sleep(5_000); // several more rounds of the job (every 2 s in tests)
        // GreenMail keeps a copy per recipient: one sending to two people is two copies, a second sending four.
        assertThat(mailsTo(sponsor, key + " status digest")).isEqualTo(2);

        JsonNode after =
                owner.api().get("/api/v1/projects/" + key + "/digests").body().get(0);
        assertThat(after.get("lastSentAt").isNull()).isFalse();
        ZonedDateTime moved = Instant.parse(after.get("nextSendAt").asString()).atZone(ZoneId.of("Europe/Berlin"));
        assertThat(moved.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(moved.toInstant()).isAfter(Instant.now());
    }

    @Test
    void aWeeklyReportDigestCarriesTheLatestPublishedReportAsPdf() throws Exception {
        TestUser owner = newUser("digestowner");
        String key = newProject(owner);
        createTask(owner.api(), key, "Design", null);
        String reports = "/api/v1/projects/" + key + "/status-reports";
        long reportId = owner.api()
                .post(reports, json("title", "Week 10 report"))
                .body()
                .get("id")
                .asLong();
        owner.api().patch(reports + "/" + reportId, json("version", 0, "summary", "Launch holds."));
        assertThat(owner.api()
                        .post(reports + "/" + reportId + "/publish", json("version", 1))
                        .status())
                .isEqualTo(200);
        owner.api().post(reports, json("title", "Unpublished draft"));
        String sponsor = "sponsor-" + key.toLowerCase() + "@example.com";
        Response created = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/digests",
                        json(
                                "recipients", List.of(sponsor),
                                "cadence", "WEEKLY",
                                "weekday", "friday",
                                "sendAt", "16:30",
                                "content", "REPORT"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("weekday").asString()).isEqualTo("FRIDAY");
        assertThat(Instant.parse(created.body().get("nextSendAt").asString())
                        .atZone(ZoneId.of(owner.api()
                                .get("/api/v1/projects/" + key)
                                .body()
                                .get("timeZone")
                                .asString()))
                        .getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.FRIDAY);

        makeDue(created.body().get("id").asLong());

        MimeMessage mail = mailTo(sponsor, "Week 10 report");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        StringBuilder text = new StringBuilder();
        BodyPart pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
                pdf = part;
            } else {
                text.append(
                        part.getContent() instanceof MimeMultipart inner
                                ? inner.getBodyPart(0).getContent()
                                : part.getContent());
            }
        }
        assertThat(text.toString())
                .contains("Week 10 report")
                .contains("Launch holds.")
                .doesNotContain("Unpublished");
        assertThat(pdf).isNotNull();
        byte[] bytes = pdf.getInputStream().readAllBytes();
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndOnlyManagersSchedule() {
        TestUser owner = newUser("digestowner");
        TestUser member = newUser("digestmember");
        String key = newProject(owner);
        addMember(owner.api(), key, member, "MEMBER");
        String digests = "/api/v1/projects/" + key + "/digests";

        Response empty = owner.api().post(digests, null);
        assertThat(errorFields(empty)).containsExactlyInAnyOrder("recipients", "cadence", "sendAt");
        Response bad = owner.api()
                .post(
                        digests,
                        json(
                                "recipients", List.of("ana@example.com", "not an address"),
                                "cadence", "WEEKLY",
                                "weekday", "Someday",
                                "sendAt", "08:00",
                                "timeZone", "Mars/Olympus",
                                "content", "GANTT"));
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("recipients[1]", "weekday", "timeZone", "content");
        Response badTime = owner.api()
                .post(digests, json("recipients", List.of("ana@example.com"), "cadence", "DAILY", "sendAt", "25:99"));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(owner.api().get(digests).body().size()).isZero();

        Response byMember = member.api()
                .post(digests, json("recipients", List.of("ana@example.com"), "cadence", "DAILY", "sendAt", "08:00"));
        assertThat(byMember.status()).isEqualTo(403);
        Response ok = owner.api()
                .post(digests, json("recipients", List.of("ana@example.com"), "cadence", "DAILY", "sendAt", "08:00"));
        long id = ok.body().get("id").asLong();
        assertThat(member.api().delete(digests + "/" + id).status()).isEqualTo(403);
        assertThat(owner.api().delete(digests + "/" + id).status()).isEqualTo(204);
        assertThat(owner.api().delete(digests + "/" + id).status()).isEqualTo(404);
    }
}
