package org.gantry.server.live;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.gantry.server.identity.UserDeactivated;
import org.gantry.server.project.MemberRemoved;
import org.gantry.server.project.ProjectAccess;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of project pages. Every transaction that changes a project's data bumps the project's
 * change number at commit and NOTIFYs it on {@code gantry_project_changes} (V70); each server holds one
 * dedicated connection that LISTENs there (a daemon thread waiting in {@code getNotifications}) and passes
 * the number to the server-sent-event streams of that project it holds. So two servers on one database stay
 * in step, and no server holds any state another one needs.
 *
 * <p>Events carry numbers, never data: {@code changed} (the project's change number, also the event id, so a
 * browser that reconnects says with {@code Last-Event-ID} what it has seen and is told at once when it missed
 * something), {@code presence} (who has the project open, on any server; from {@code live_presence}) and
 * {@code hello} on connecting. Pages refetch what they show through the ordinary, authorised endpoints.
 *
 * <p>No thread per stream: a small pool sends, coalescing a burst of changes into one event per stream; a
 * heartbeat every 15 s sends a comment line (so proxies keep idle streams open), refreshes this server's
 * presence rows and removes those of servers that died. A stream ends after 30 minutes (the browser
 * reconnects by itself), when the client goes away, or when the server stops.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    static final String CHANGES = "gantry_project_changes";
    static final String PRESENCE = "gantry_presence";
    /** "projectId:userId" (or "*:userId" for every project): that person may no longer follow it. */
    static final String REVOKED = "gantry_live_revoked";

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration PRESENCE_STALE = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final boolean enabled;
    private final int maxStreamsPerUser;
    private final long streamTimeoutMillis;
    private final String instance = UUID.randomUUID().toString();
    private final Map<Long, Set<Stream>> byProject = new ConcurrentHashMap<>();
    // Made in start(), ended in stop(): Spring's test context cache stops and restarts cached contexts.
    private volatile ExecutorService senders;
    private volatile ScheduledExecutorService heartbeat;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    LiveUpdates(
            JdbcClient jdbc,
            DataSource dataSource,
            @Value("${gantry.live.enabled:true}") boolean enabled,
            @Value("${gantry.live.max-streams-per-user:12}") int maxStreamsPerUser,
            @Value("${gantry.live.stream-timeout:30m}") Duration streamTimeout) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.maxStreamsPerUser = maxStreamsPerUser;
        this.streamTimeoutMillis = streamTimeout.toMillis();
    }

    /** Whether pages should open a live stream at all (GANTRY_LIVE=false switches live updates off). */
    public boolean isEnabled() {
        return enabled;
    }

    /** The project's change number now (0 before its first change); pages start counting from it. */
    public long sequenceOf(long projectId) {
        return jdbc.sql("select seq from project_change where project_id = ?")
                .param(projectId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** As {@link #sequenceOf(long)} by the project's key, without checking access (the page does). */
    long sequenceOf(String projectKey) {
        return jdbc.sql("""
                select coalesce(c.seq, 0) from project p left join project_change c on c.project_id = p.id
                where upper(p.project_key) = upper(?)
                """).param(projectKey).query(Long.class).optional().orElse(0L);
    }

    /** Who has the project open now, on any server. */
    public List<Viewer> viewers(long projectId) {
        return jdbc.sql("""
                select u.id, u.name from app_user u where u.id in (select p.user_id from live_presence p
                where p.project_id = ? and p.seen_at > now() - make_interval(secs => ?))
                order by u.name, u.id
                """)
                .params(projectId, (double) PRESENCE_STALE.toSeconds())
                .query((rs, row) -> new Viewer(rs.getLong(1), rs.getString(2)))
                .list();
    }

    int streamCount() {
        return byProject.values().stream().mapToInt(Set::size).sum();
    }

    /** Opens a stream of the project for its reader; {@code since} is the last change number they saw. */
    SseEmitter open(ProjectAccess access, Long since) {
        if (!enabled) {
            throw new LiveUnavailable("Live updates are switched off on this server (GANTRY_LIVE=false).");
        }
        long userId = access.user().id();
        // Over the limit, the person's oldest stream ends: pages left quickly are noticed only at the next
        // heartbeat, and the page opened last is the one being looked at.
        List<Stream> mine = byProject.values().stream()
                .flatMap(Collection::stream)
                .filter(stream -> stream.userId == userId)
                .sorted(java.util.Comparator.comparingLong(stream -> stream.openedAt))
                .toList();
        for (int i = 0; i <= mine.size() - maxStreamsPerUser; i++) {
            try {
                mine.get(i).emitter.complete();
            } catch (RuntimeException ignored) {
                // the client is gone already
            }
            close(mine.get(i));
        }
        SseEmitter emitter = new SseEmitter(streamTimeoutMillis);
        Stream stream = new Stream(UUID.randomUUID(), access.projectId(), userId, emitter);
        emitter.onCompletion(() -> close(stream));
        emitter.onTimeout(() -> {
            close(stream);
            emitter.complete();
        });
        emitter.onError(error -> close(stream));
        byProject
                .computeIfAbsent(access.projectId(), id -> ConcurrentHashMap.newKeySet())
                .add(stream);
        // Registered first, then read: a change committed meanwhile is either in the number read or
        // arrives as a notification (or both; pages ignore numbers they have seen).
        jdbc.sql("insert into live_presence (stream_id, project_id, user_id, instance) values (?, ?, ?, ?)")
                .params(stream.id, stream.projectId, userId, instance)
                .update();
        notifyPresence(stream.projectId);
        long seq = sequenceOf(access.projectId());
        synchronized (stream) {
            stream.sentSeq = seq;
            stream.wantedSeq.accumulateAndGet(seq, Math::max);
            try {
                emitter.send(SseEmitter.event()
                        .name("hello")
                        .id(Long.toString(seq))
                        .reconnectTime(2_000)
                        .data(Map.of("seq", seq, "listening", listening), MediaType.APPLICATION_JSON));
                if (since != null && seq > since) {
                    emitter.send(changedEvent(seq));
                }
            } catch (IOException | IllegalStateException e) {
                close(stream);
            }
        }
        return emitter;
    }

    /** Ends every stream this server holds (as a network drop would); browsers reconnect and catch up. */
    public void dropAllStreams() {
        for (Stream stream : allStreams()) {
            stream.emitter.complete();
            close(stream);
        }
    }

    private static SseEmitter.SseEventBuilder changedEvent(long seq) {
        return SseEmitter.event()
                .name("changed")
                .id(Long.toString(seq))
                .data(Map.of("seq", seq), MediaType.APPLICATION_JSON);
    }

    private void close(Stream stream) {
        if (!stream.closed.compareAndSet(false, true)) {
            return;
        }
        Set<Stream> streams = byProject.get(stream.projectId);
        if (streams != null) {
            streams.remove(stream);
            if (streams.isEmpty()) {
                byProject.remove(stream.projectId, streams);
            }
        }
        if (!running) {
            return;
        }
        senders.execute(() -> {
            try {
                jdbc.sql("delete from live_presence where stream_id = ?")
                        .param(stream.id)
                        .update();
                notifyPresence(stream.projectId);
            } catch (RuntimeException e) {
                log.debug("Could not remove the presence of a closed live stream", e);
            }
        });
    }

    private void notifyPresence(long projectId) {
        jdbc.sql("select pg_notify(?, ?)")
                .params(PRESENCE, Long.toString(projectId))
                .query(rs -> {});
    }

    // ---- access ends -------------------------------------------------------------------------------

    /*
     * A person removed from a project (or whose account was deactivated) must stop receiving its changes at
     * once, on every server, not when the stream next times out. The notification is sent inside the
     * transaction that removed them, so PostgreSQL delivers it only if that commits.
     */
    @EventListener
    void memberRemoved(MemberRemoved event) {
        revoke(event.projectId() + ":" + event.userId());
    }

    @EventListener
    void userDeactivated(UserDeactivated event) {
        revoke("*:" + event.userId());
    }

    private void revoke(String payload) {
        // A system admin reads every project, member or not: removing them as a member ends nothing.
        jdbc.sql("select pg_notify(?, ?) from app_user where id = ? and not (system_admin and active)")
                .params(REVOKED, payload, Long.parseLong(payload.substring(payload.indexOf(':') + 1)))
                .query(rs -> {});
    }

    /** Ends the person's streams (of one project, or all when {@code projectId} is null), saying why. */
    private void revoked(Long projectId, long userId) {
        for (Stream stream : allStreams()) {
            if (stream.userId != userId || (projectId != null && stream.projectId != projectId)) {
                continue;
            }
            synchronized (stream) {
                try {
                    stream.emitter.send(SseEmitter.event()
                            .name("revoked")
                            .data(
                                    Map.of("reason", "You no longer have access to this project."),
                                    MediaType.APPLICATION_JSON));
                    stream.emitter.complete();
                } catch (IOException | IllegalStateException e) {
                    // gone already
                }
            }
            close(stream);
        }
    }

    // ---- delivery ---------------------------------------------------------------------------------

    private void changed(long projectId, long seq) {
        Set<Stream> streams = byProject.get(projectId);
        if (streams == null) {
            return;
        }
        for (Stream stream : streams) {
            // Never waits for a stream's lock (a sender may be busy writing to a slow client).
            // 0: the project was deleted; its pages refetch and learn that.
            if (seq == 0) {
                stream.wantedSeq.incrementAndGet();
            } else {
                stream.wantedSeq.accumulateAndGet(seq, Math::max);
            }
            schedule(stream);
        }
    }

    private void presenceChanged(long projectId) {
        Set<Stream> streams = byProject.get(projectId);
        if (streams == null || streams.isEmpty()) {
            return;
        }
        List<Viewer> viewers = viewers(projectId);
        for (Stream stream : streams) {
            stream.viewers.set(viewers);
            schedule(stream);
        }
    }

    private void schedule(Stream stream) {
        if (stream.scheduled.compareAndSet(false, true)) {
            senders.execute(() -> flush(stream));
        }
    }

    /** Sends what the stream has not been told yet: one changed event for any number of changes. */
    private void flush(Stream stream) {
        stream.scheduled.set(false);
        synchronized (stream) {
            if (stream.closed.get()) {
                return;
            }
            try {
                long wanted = stream.wantedSeq.get();
                if (wanted > stream.sentSeq) {
                    stream.sentSeq = wanted;
                    stream.emitter.send(changedEvent(stream.sentSeq));
                }
                List<Viewer> viewers = stream.viewers.getAndSet(null);
                if (viewers != null) {
                    List<Map<String, Object>> people = new ArrayList<>();
                    for (Viewer viewer : viewers) {
                        Map<String, Object> person = new LinkedHashMap<>();
                        person.put("userId", viewer.userId());
                        person.put("name", viewer.name());
                        person.put("initials", viewer.initials());
                        person.put("you", viewer.userId() == stream.userId);
                        people.add(person);
                    }
                    stream.emitter.send(SseEmitter.event()
                            .name("presence")
                            .data(Map.of("viewers", people), MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException e) {
                close(stream);
            }
        }
    }

    private List<Stream> allStreams() {
        List<Stream> all = new ArrayList<>();
        byProject.values().forEach(all::addAll);
        return all;
    }

    private void beat() {
        try {
            for (Stream stream : allStreams()) {
                synchronized (stream) {
                    try {
                        stream.emitter.send(SseEmitter.event().comment("keep-alive"));
                    } catch (IOException | IllegalStateException e) {
                        close(stream);
                    }
                }
            }
            jdbc.sql("update live_presence set seen_at = now() where instance = ?")
                    .param(instance)
                    .update();
            // Streams of a server that died (no heartbeat for a minute) leave the indicator.
            jdbc.sql("""
                    with gone as (delete from live_presence where seen_at < now() - make_interval(secs => ?)
                    returning project_id)
                    select pg_notify(?, g.project_id::text) from (select distinct project_id from gone) g
                    """).params((double) PRESENCE_STALE.toSeconds(), PRESENCE).query(rs -> {});
        } catch (RuntimeException e) {
            log.warn("Live-update heartbeat failed: {}", e.getMessage());
        }
    }

    // ---- LISTEN ----------------------------------------------------------------------------------

    private void listen() {
        long backoff = 500;
        while (running) {
            Connection connection = null;
            try {
                connection = listenConnection();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANGES);
                    statement.execute("LISTEN " + PRESENCE);
                    statement.execute("LISTEN " + REVOKED);
                }
                listening = true;
                backoff = 500;
                catchUp();
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification);
                        }
                    }
                    // A connection that silently went away never throws while waiting: ask it now and then.
                    if (System.nanoTime() - checked > HEARTBEAT.toNanos()) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn(
                            "Live updates lost their PostgreSQL connection ({}); retrying in {} ms",
                            e.getMessage(),
                            backoff);
                }
            } finally {
                listening = false;
                closeQuietly(connection);
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** After (re)connecting: whatever changed while nobody listened reaches the streams now. */
    private void catchUp() {
        List<Long> projects = new ArrayList<>(byProject.keySet());
        if (projects.isEmpty()) {
            return;
        }
        Map<Long, Long> numbers = new HashMap<>();
        jdbc.sql("select project_id, seq from project_change where project_id = any(?)")
                .param(projects.toArray(Long[]::new))
                .query(rs -> {
                    numbers.put(rs.getLong(1), rs.getLong(2));
                });
        for (Long project : projects) {
            Long seq = numbers.get(project);
            if (seq != null) {
                changed(project, seq);
            }
            presenceChanged(project);
        }
    }

    private void dispatch(PGNotification notification) {
        try {
            String payload = notification.getParameter();
            if (CHANGES.equals(notification.getName())) {
                int colon = payload.indexOf(':');
                changed(Long.parseLong(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1)));
            } else if (PRESENCE.equals(notification.getName())) {
                presenceChanged(Long.parseLong(payload));
            } else if (REVOKED.equals(notification.getName())) {
                int colon = payload.indexOf(':');
                String project = payload.substring(0, colon);
                revoked(
                        "*".equals(project) ? null : Long.parseLong(project),
                        Long.parseLong(payload.substring(colon + 1)));
            }
        } catch (RuntimeException e) {
            log.warn("Ignored a live-update notification '{}': {}", notification.getParameter(), e.getMessage());
        }
    }

    private Connection listenConnection() throws SQLException {
        // A connection of its own, outside the pool: it is held for as long as the server runs.
        if (dataSource instanceof HikariDataSource hikari) {
            Properties properties = new Properties();
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", "gantry live updates");
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------------------

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        senders = Executors.newFixedThreadPool(2, daemon("gantry-live-send"));
        heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("gantry-live-heartbeat"));
        running = true;
        listener = daemon("gantry-live-listen").newThread(this::listen);
        listener.start();
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the streams before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        for (Stream stream : allStreams()) {
            try {
                stream.emitter.complete();
            } catch (RuntimeException ignored) {
                // the client is gone already
            }
            close(stream);
        }
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        if (senders != null) {
            senders.shutdownNow();
        }
        if (listener != null) {
            listener.interrupt();
        }
        if (enabled) {
            try {
                jdbc.sql("delete from live_presence where instance = ?")
                        .param(instance)
                        .update();
            } catch (RuntimeException e) {
                log.debug("Could not remove this server's presence rows", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** Whether this server's LISTEN connection is up (tests wait for it). */
    boolean isListening() {
        return listening;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One open event stream: a browser tab showing a project. */
    private static final class Stream {
        final UUID id;
        final long projectId;
        final long userId;
        final SseEmitter emitter;
        final AtomicBoolean scheduled = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        final long openedAt = System.nanoTime();
        long sentSeq;
        final AtomicLong wantedSeq = new AtomicLong();
        final AtomicReference<List<Viewer>> viewers = new AtomicReference<>();

        Stream(UUID id, long projectId, long userId, SseEmitter emitter) {
            this.id = id;
            this.projectId = projectId;
            this.userId = userId;
            this.emitter = emitter;
        }
    }
}
