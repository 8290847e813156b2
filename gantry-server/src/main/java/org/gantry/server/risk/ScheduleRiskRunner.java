package org.gantry.server.risk;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gantry.engine.risk.SimulationCancelled;
import org.gantry.engine.risk.SimulationProgress;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.FieldProblem;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the queued Monte Carlo runs in the background on a small fixed pool ({@code
 * gantry.schedule-risk.workers}, 1 by default: the engine keeps a core busy). A run is claimed by exactly one
 * server instance with {@code UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED)}; this instance
 * looks for waiting runs when one is started here and every two seconds (runs started on another instance).
 *
 * <p>While it runs, the engine tells its progress after every hundredth of the runs; the row is written at
 * most every 100 ms (progress up to 99 %; 100 % means done, with the report) and so keeps a heartbeat. A run
 * whose row is deleted stops at the next chunk. A run left RUNNING by an instance that died (no heartbeat
 * for {@code gantry.schedule-risk.stale-after}, 30 s) is marked FAILED, at start-up and then on every look;
 * a run this instance is running when it shuts down goes back to the queue.
 */
@Component
class ScheduleRiskRunner {
    private static final Logger log = LoggerFactory.getLogger(ScheduleRiskRunner.class);
    /** Reads the project as a system reader: the person who started the run was checked then. */
    private static final CurrentUser RUNNER = new CurrentUser(0, "schedule-risk@gantry", "Schedule risk runner", true);

    private static final long WRITE_EVERY_NANOS = 100_000_000L;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ScheduleRiskService scheduleRisk;
    private final String instance = UUID.randomUUID().toString();
    private final Duration staleAfter;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final ScheduledExecutorService looker;
    private volatile boolean stopping;

    ScheduleRiskRunner(
            JdbcClient jdbc,
            ProjectService projects,
            ScheduleRiskService scheduleRisk,
            @Value("${gantry.schedule-risk.workers:1}") int workers,
            @Value("${gantry.schedule-risk.stale-after:30s}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.scheduleRisk = scheduleRisk;
        this.staleAfter = staleAfter;
        int count = Math.max(1, workers);
        this.slots = new Semaphore(count);
        this.workers = Executors.newFixedThreadPool(count, threads("schedule-risk-"));
        this.looker = Executors.newSingleThreadScheduledExecutor(threads("schedule-risk-queue"));
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + (prefix.endsWith("-") ? number.incrementAndGet() : ""));
            thread.setDaemon(true);
            return thread;
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        failStale();
        looker.scheduleWithFixedDelay(this::look, 0, 2, TimeUnit.SECONDS);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void queued(ScheduleRiskRuns.Queued event) {
        nudge();
    }

    private void nudge() {
        if (stopping) {
            return;
        }
        try {
            looker.execute(this::look);
        } catch (RejectedExecutionException e) {
            // shutting down: the next instance (or start) picks the run up
        }
    }

    /** Marks stale runs failed and claims waiting runs while a worker is free. */
    private void look() {
        try {
            failStale();
            while (!stopping && slots.tryAcquire()) {
                Claimed run = claim();
                if (run == null) {
                    slots.release();
                    return;
                }
                workers.execute(() -> {
                    try {
                        execute(run);
                    } finally {
                        slots.release();
                        nudge();
                    }
                });
            }
        } catch (RuntimeException e) {
            // The database may be briefly away (a restart, a failover): the next look tries again.
            log.warn("Could not look for queued schedule risk runs: {}", e.toString());
        }
    }

    private void failStale() {
        int failed = jdbc.sql("""
                update schedule_risk_run set state = 'FAILED', finished_at = now(), error = :error
                where state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :seconds)
                """)
                .param("error", "The server running this analysis stopped before it finished; start it again.")
                .param("seconds", staleAfter.toMillis() / 1000.0)
                .update();
        if (failed > 0) {
            log.info("Marked {} schedule risk run(s) failed: their server stopped while running them", failed);
        }
    }

    private record Claimed(long id, long projectId, String request) {}

    private Claimed claim() {
        return jdbc.sql("""
                update schedule_risk_run set state = 'RUNNING', instance = :instance, started_at = now(),
                heartbeat_at = now() where id = (select id from schedule_risk_run where state = 'QUEUED'
                order by id limit 1 for update skip locked) returning id, project_id, request
                """)
                .param("instance", instance)
                .query((rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("project_id"), rs.getString("request")))
                .optional()
                .orElse(null);
    }

    private void execute(Claimed run) {
        try {
            ScheduleRiskRequest request = ScheduleRiskRuns.JSON.readValue(run.request(), ScheduleRiskRequest.class);
            ProjectAccess access = projects.access(RUNNER, String.valueOf(run.projectId()));
            ScheduleRiskReport report = scheduleRisk.runInBackground(access, request, progress(run));
            jdbc.sql("""
                    update schedule_risk_run set state = 'DONE', progress = 100, completed_runs = iterations,
                    finished_at = now(), heartbeat_at = now(), result = cast(:result as jsonb), p80 = :p80
                    where id = :id and state = 'RUNNING' and instance = :instance
                    """)
                    .param("result", ScheduleRiskRuns.JSON.writeValueAsString(report))
                    .param("p80", report.p80())
                    .param("id", run.id())
                    .param("instance", instance)
                    .update();
        } catch (SimulationCancelled e) {
            if (stopping) {
                // Shutting down: another instance, or this one when it is back, runs it again from the start.
                jdbc.sql("""
                        update schedule_risk_run set state = 'QUEUED', instance = null, progress = 0,
                        completed_runs = 0 where id = :id and state = 'RUNNING' and instance = :instance
                        """).param("id", run.id()).param("instance", instance).update();
            }
            // else: the run was deleted; nothing is left to write
        } catch (InvalidInput e) {
            fail(run, "The request no longer fits the plan: " + describe(e));
        } catch (Conflict | NotFound e) {
            fail(run, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Schedule risk run {} failed", run.id(), e);
            fail(run, "The analysis failed unexpectedly (" + e.getClass().getSimpleName() + "); start it again.");
        }
    }

    /** Writes the progress at most every 100 ms (a heartbeat too); stops when the row is gone or on shutdown. */
    private SimulationProgress progress(Claimed run) {
        long[] lastWrite = {System.nanoTime()};
        return (completed, total) -> {
            if (stopping) {
                return false;
            }
            long now = System.nanoTime();
            if (now - lastWrite[0] < WRITE_EVERY_NANOS) {
                return true;
            }
            lastWrite[0] = now;
            int written = jdbc.sql("""
                    update schedule_risk_run set completed_runs = :completed, progress = :progress,
                    heartbeat_at = now() where id = :id and state = 'RUNNING' and instance = :instance
                    """)
                    .param("completed", completed)
                    .param("progress", (int) Math.min(99, (long) completed * 100 / total))
                    .param("id", run.id())
                    .param("instance", instance)
                    .update();
            return written == 1;
        };
    }

    private void fail(Claimed run, String error) {
        jdbc.sql("""
                update schedule_risk_run set state = 'FAILED', finished_at = now(), error = :error
                where id = :id and state = 'RUNNING' and instance = :instance
                """)
                .param("error", error)
                .param("id", run.id())
                .param("instance", instance)
                .update();
    }

    private static String describe(InvalidInput e) {
        StringBuilder text = new StringBuilder();
        for (FieldProblem problem : e.errors()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(problem.field()).append(' ').append(problem.message());
        }
        return text.toString();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        looker.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
