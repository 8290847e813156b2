package org.gantry.server.signals;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the queued outgoing deliveries. Every instance looks every {@code gantry.outgoing-webhooks.poll-interval}
 * (2 s) for due deliveries and claims up to ten in one statement ({@code FOR UPDATE SKIP LOCKED}, then a
 * five-minute lease in {@code claimed_until}): two instances never claim one delivery, and a delivery whose
 * instance died is claimed again once its lease ends. The request is made outside any transaction.
 *
 * <p>A 2xx answer delivers it. Anything else (another status, a refused connection, a timeout of 10 s) is
 * retried after {@code first-retry} (30 s), then four times longer each time (2 min, 8 min, 32 min, ...,
 * at most 6 h), {@code max-attempts} (8) in all; then it is FAILED. A URL whose host resolves to an internal
 * address (unless a system admin allows them) fails at once: retrying would not change where it points.
 */
@Component
class OutgoingSender {
    private static final Logger log = LoggerFactory.getLogger(OutgoingSender.class);
    private static final int BATCH = 10;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);
    private static final int MAXIMUM_ERROR = 500;

    private final JdbcClient jdbc;
    private final WebhookSecrets secrets;
    private final OutgoingWebhookService webhooks;
    private final Duration pollInterval;
    private final Duration firstRetry;
    private final int maxAttempts;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.shared();
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outgoing-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    OutgoingSender(
            JdbcClient jdbc,
            WebhookSecrets secrets,
            OutgoingWebhookService webhooks,
            @Value("${gantry.outgoing-webhooks.poll-interval:2s}") Duration pollInterval,
            @Value("${gantry.outgoing-webhooks.first-retry:30s}") Duration firstRetry,
            @Value("${gantry.outgoing-webhooks.max-attempts:8}") int maxAttempts) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.webhooks = webhooks;
        this.pollInterval = pollInterval;
        this.firstRetry = firstRetry;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        looker.scheduleWithFixedDelay(
                this::look, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        looker.shutdownNow();
    }

    private void look() {
        try {
            List<Claimed> claimed;
            do {
                claimed = claim();
                for (Claimed delivery : claimed) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    send(delivery);
                }
            } while (claimed.size() == BATCH);
        } catch (RuntimeException e) {
            // The database may be briefly away (a restart, a failover): the next look tries again.
            log.warn("Could not send outgoing webhook deliveries: {}", e.toString());
        }
    }

    record Claimed(
            long id,
            String deliveryId,
            String event,
            String payload,
            int attempts,
            String url,
            String secret,
            boolean active) {}

    private List<Claimed> claim() {
        return jdbc.sql("""
                update outgoing_delivery d set claimed_until = clock_timestamp() + make_interval(secs => :lease),
                attempts = d.attempts + 1, last_attempt_at = clock_timestamp()
                from outgoing_webhook w
                where w.id = d.webhook_id and d.id in (select q.id from outgoing_delivery q
                where q.state = 'PENDING' and q.next_attempt_at <= clock_timestamp()
                and (q.claimed_until is null or q.claimed_until < clock_timestamp())
                order by q.next_attempt_at, q.id limit :batch for update skip locked)
                returning d.id, d.delivery_id, d.event, d.payload::text, d.attempts, w.url, w.secret, w.active
                """)
                .param("lease", (double) LEASE.toSeconds())
                .param("batch", BATCH)
                .query((rs, n) -> new Claimed(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8)))
                .list();
    }

    private void send(Claimed delivery) {
        if (!delivery.active()) {
            give(delivery, null, "not sent: the webhook was turned off");
            return;
        }
        String secret = secrets.open(delivery.secret());
        if (secret == null) {
            give(delivery, null, "not sent: the secret cannot be read with this server's key; rotate it");
            return;
        }
        URI uri;
        try {
            uri = URI.create(delivery.url());
        } catch (IllegalArgumentException e) {
            give(delivery, null, "not sent: the URL is not valid");
            return;
        }
        String refused =
                OutgoingAddresses.resolvedProblem(uri, webhooks.settings().allowPrivateAddresses());
        if (refused != null && refused.startsWith("refused")) {
            give(delivery, null, refused);
            return;
        }
        if (refused != null) {
            retry(delivery, null, refused);
            return;
        }
        byte[] body = body(delivery).getBytes(StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "Gantry-Webhook")
                            .header("X-Gantry-Event", delivery.event())
                            .header("X-Gantry-Delivery", delivery.deliveryId())
                            .header(
                                    OutgoingWebhookService.SIGNATURE_HEADER,
                                    "sha256=" + WebhookSecrets.hmacSha256Hex(secret, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                jdbc.sql("""
                        update outgoing_delivery set state = 'DELIVERED', delivered_at = clock_timestamp(),
                        last_status = ?, last_error = null, claimed_until = null where id = ?
                        """).params(status, delivery.id()).update();
            } else {
                retry(delivery, status, "answered " + status + excerpt(response.body()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Shutting down: the lease ends and another instance (or the next start) sends it.
        } catch (java.io.IOException | RuntimeException e) {
            retry(delivery, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /**
     * The body as sent, the same on every attempt: the stored payload with the delivery id first, and the
     * moved tasks of a schedule change as a list in task order (stored keyed by task, to gather them).
     */
    String body(Claimed delivery) {
        ObjectNode stored = (ObjectNode) json.readTree(delivery.payload());
        ObjectNode body = json.createObjectNode();
        body.put("id", delivery.deliveryId());
        body.setAll(stored);
        JsonNode tasks = stored.get("tasks");
        if (tasks != null && tasks.isObject()) {
            Map<Long, JsonNode> byId = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : tasks.properties()) {
                byId.put(Long.parseLong(entry.getKey()), entry.getValue());
            }
            body.putArray("tasks").addAll(byId.values());
            body.put(
                    "text",
                    stored.path("text").asString("") + ": " + byId.size() + (byId.size() == 1 ? " task" : " tasks")
                            + " moved");
        }
        return json.writeValueAsString(body);
    }

    private void retry(Claimed delivery, Integer status, String error) {
        if (delivery.attempts() >= maxAttempts) {
            give(delivery, status, error + " (gave up after " + delivery.attempts() + " attempts)");
            return;
        }
        Duration wait = firstRetry.multipliedBy((long) Math.pow(4, Math.min(delivery.attempts() - 1, 10)));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        jdbc.sql("""
                update outgoing_delivery set last_status = ?, last_error = ?, claimed_until = null,
                next_attempt_at = clock_timestamp() + make_interval(secs => ?) where id = ?
                """)
                .params(status, trim(error), wait.toMillis() / 1000.0, delivery.id())
                .update();
    }

    private void give(Claimed delivery, Integer status, String error) {
        jdbc.sql("""
                update outgoing_delivery set state = 'FAILED', last_status = ?, last_error = ?, claimed_until = null
                where id = ?
                """).params(status, trim(error), delivery.id()).update();
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return ": " + body.strip();
    }

    private static String trim(String text) {
        String clean = text.replace('\0', ' ');
        return clean.length() <= MAXIMUM_ERROR ? clean : clean.substring(0, MAXIMUM_ERROR) + "…";
    }
}
