package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.Duration;
import org.gantry.server.api.ApiClient.Event;
import org.gantry.server.api.ApiClient.EventStream;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live-update stream through the API: a committed change is one changed event with the project's next
 * number, a refused one is none; Last-Event-ID catches up; the server's LISTEN connection comes back after
 * PostgreSQL drops it, and what changed meanwhile still arrives; bad input and outsiders get problems.
 */
class LiveEventsIT extends ApiIntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    JdbcClient jdbc;

    private static long seq(Event event) {
        return Long.parseLong(event.id());
    }

    @Test
    void aCommittedChangeIsOneChangedEventWithTheNextNumberAndARefusedChangeIsNone() throws Exception {
        TestUser owner = newUser("live-owner");
        String key = newProject(owner);
        long task = createTask(owner.api(), key, "Design", null).get("id").asLong();
        try (EventStream stream = owner.api().events("/api/v1/projects/" + key + "/events", null)) {
            assertThat(stream.status).isEqualTo(200);
            Event hello = stream.next("hello", SOON);
            assertThat(hello).isNotNull();
            long start = seq(hello);
            assertThat(hello.data()).contains("\"seq\":" + start);

            Response stale = owner.api()
                    .patch("/api/v1/projects/" + key + "/tasks/" + task, json("name", "Stale", "version", 99));
            assertThat(stale.status()).isEqualTo(409);
            Response renamed = owner.api()
                    .patch("/api/v1/projects/" + key + "/tasks/" + task, json("name", "Design v2", "version", 0));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

            Event changed = stream.next("changed", SOON);
            assertThat(changed).as("the rename's event").isNotNull();
            assertThat(seq(changed))
                    .as("one number for the rename, none for the refused edit")
                    .isEqualTo(start + 1);
            assertThat(owner.api()
                            .get("/api/v1/projects/" + key + "/live")
                            .body()
                            .get("seq")
                            .asLong())
                    .isEqualTo(start + 1);
        }
    }

    @Test
    void reconnectingWithLastEventIdCatchesUpAtOnce() throws Exception {
        TestUser owner = newUser("live-catch-up");
        String key = newProject(owner);
        long seen;
        try (EventStream stream = owner.api().events("/api/v1/projects/" + key + "/events", null)) {
            seen = seq(stream.next("hello", SOON));
        }
        // Offline meanwhile: two changes.
        createTask(owner.api(), key, "Build", null);
        createTask(owner.api(), key, "Test", null);
        try (EventStream again = owner.api().events("/api/v1/projects/" + key + "/events", Long.toString(seen))) {
            Event changed = again.next("changed", SOON);
            assertThat(changed).as("a changed event right after connecting").isNotNull();
            assertThat(seq(changed)).isEqualTo(seen + 2);
        }
        // Nothing new since: no changed event on connecting.
        long now = seen + 2;
        try (EventStream upToDate = owner.api().events("/api/v1/projects/" + key + "/events", Long.toString(now))) {
            assertThat(upToDate.next("hello", SOON)).isNotNull();
            assertThat(upToDate.next("changed", Duration.ofMillis(700))).isNull();
        }
    }

    @Test
    void changesStillArriveAfterPostgresDroppedTheListeningConnection() throws Exception {
        TestUser owner = newUser("live-listener");
        String key = newProject(owner);
        try (EventStream stream = owner.api().events("/api/v1/projects/" + key + "/events", null)) {
            long start = seq(stream.next("hello", SOON));
            int killed = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                            + " where application_name = 'gantry live updates'")
                    .query(Integer.class)
                    .single();
            assertThat(killed).isGreaterThanOrEqualTo(1);
            createTask(owner.api(), key, "Made while nobody listened", null);
            Event changed = stream.next("changed", Duration.ofSeconds(20));
            assertThat(changed).as("the change, once the server listens again").isNotNull();
            assertThat(seq(changed)).isEqualTo(start + 1);
        }
    }

    @Test
    void aMemberRemovedFromTheProjectIsToldAndTheirStreamEndsWhileOthersGoOn() throws Exception {
        TestUser owner = newUser("live-revoker");
        TestUser member = newUser("live-removed");
        String key = newProject(owner);
        addMember(owner.api(), key, member, "MEMBER");
        try (EventStream theirs = member.api().events("/api/v1/projects/" + key + "/events", null);
                EventStream mine = owner.api().events("/api/v1/projects/" + key + "/events", null)) {
            assertThat(theirs.next("hello", SOON)).isNotNull();
            long start = seq(mine.next("hello", SOON));

            Response removed = owner.api().delete("/api/v1/projects/" + key + "/members/" + member.id());
            assertThat(removed.status()).as(removed.toString()).isEqualTo(204);

            Event revoked = theirs.next("revoked", SOON);
            assertThat(revoked).as("the removed member is told").isNotNull();
            assertThat(revoked.data()).contains("no longer have access");
            assertThat(theirs.endsWithin(SOON)).as("and their stream ends").isTrue();
            // A reconnect is refused like any outsider's.
            assertThat(member.api()
                            .openStream("/api/v1/projects/" + key + "/events")
                            .status())
                    .isEqualTo(404);

            createTask(owner.api(), key, "After the removal", null);
            Event changed = mine.next("changed", SOON);
            assertThat(changed).as("the owner's stream goes on").isNotNull();
            assertThat(seq(changed)).isGreaterThan(start);
            assertThat(mine.next("revoked", Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void aBadLastEventIdIsA400AndAnOutsiderGetsA404() {
        TestUser owner = newUser("live-bad");
        TestUser outsider = newUser("live-outsider");
        String key = newProject(owner);
        try (EventStream stream = owner.api().events("/api/v1/projects/" + key + "/events", "yesterday")) {
            assertThat(stream.status).isEqualTo(400);
        }
        Response negative = owner.api().openStream("/api/v1/projects/" + key + "/events?since=-1");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.header("Content-Type")).startsWith("application/problem+json");
        Response outside = outsider.api().openStream("/api/v1/projects/" + key + "/events");
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.header("Content-Type")).startsWith("application/problem+json");
        assertThat(outsider.api().get("/api/v1/projects/" + key + "/live").status())
                .isEqualTo(404);
    }
}
