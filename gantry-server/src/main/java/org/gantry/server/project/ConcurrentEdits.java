package org.gantry.server.project;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gantry.server.identity.CurrentActor;
import org.gantry.server.identity.CurrentUser;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Edits of one project sent at the same time by one caller (a script adding tasks over the API, several
 * tabs) are committed together: one transaction, one reschedule and one commit for all of them, instead
 * of one each while the others queue on the project's lock. Each edit still gets its own answer, and the
 * outcome is the one the edits would have had one after the other, in the order they arrived: they run
 * in that order on one thread inside the shared transaction, each seeing the ones before it, and the
 * reschedule after the last one gives every task the dates a reschedule after each would have ended
 * with. Each answer is read after that reschedule, so it carries the computed dates.
 *
 * <p>How: an edit is queued in its project's lane, then its caller waits for the lane. Whoever gets the
 * lane takes every edit queued so far (its own among them, at most {@link #MOST}) and commits them as one
 * batch; a caller whose edit was taken by someone else finds it answered when its turn comes. The JVM lock
 * only groups edits; what serialises writers, also across server instances, is still the project's
 * PostgreSQL lock that every write takes inside the transaction.
 *
 * <p>All or nothing: when any edit of a batch fails (bad input, a stale version, a cycle found by the
 * reschedule) the whole batch is rolled back, so nothing of it is half-written, and then each of its edits
 * runs alone in its own transaction, exactly as if it had come alone: the good ones are committed and the
 * failing one answers its own error. A batch holds one caller's edits only (by user and API token), so the
 * activity log, notifications and audit name the right person; each edit runs with its own request, its
 * own security context and locale bound to the thread, and what the shared reschedule reports (the tasks it
 * moved) reaches every request of the batch.
 */
@Component
public class ConcurrentEdits {

    /** Edits per batch at most, so that the caller leading a batch answers in bounded time. */
    static final int MOST = 64;

    private final TransactionTemplate transactions;
    private final RescheduleOnce once;
    private final ConcurrentHashMap<Lane.Key, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final DistributionSummary batchSizes;

    ConcurrentEdits(PlatformTransactionManager transactionManager, RescheduleOnce once, MeterRegistry meters) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.once = once;
        this.batchSizes = DistributionSummary.builder("gantry.edits.batch")
                .description("Edits committed together in one transaction and one reschedule")
                .register(meters);
        Gauge.builder("gantry.edits.waiting", waiting, AtomicInteger::get)
                .description("Edits queued to be committed with others of their project")
                .register(meters);
    }

    /**
     * Runs {@code edit} in a transaction, possibly together with other edits of {@code projectRef} by the
     * same caller, reschedules, and answers what {@code readBack} reads of the result in that transaction
     * after the reschedule. Called inside a transaction, it simply runs there (that transaction decides when
     * to reschedule).
     */
    public <T, R> R apply(String projectRef, Supplier<T> edit, Function<T, R> readBack) {
        Optional<CurrentUser> actor = CurrentActor.get();
        if (TransactionSynchronizationManager.isActualTransactionActive() || actor.isEmpty()) {
            return readBack.apply(edit.get());
        }
        Lane.Key key = new Lane.Key(
                projectRef, actor.get().id(), CurrentActor.tokenId().orElse(null));
        @SuppressWarnings("unchecked")
        Edit queued = new Edit((Supplier<Object>) edit, (Function<Object, Object>) readBack);
        Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
        lane.queue.add(queued);
        waiting.incrementAndGet();
        lane.lock.lock();
        try {
            while (!queued.done) {
                List<Edit> batch = new ArrayList<>();
                for (Edit next; batch.size() < MOST && (next = lane.queue.poll()) != null; ) {
                    batch.add(next);
                }
                waiting.addAndGet(-batch.size());
                commit(batch);
            }
        } finally {
            if (lane.queue.isEmpty() && !lane.lock.hasQueuedThreads()) {
                // An idle lane goes; a caller that got it just before still leads its own edit through it.
                lanes.remove(key, lane);
            }
            lane.lock.unlock();
        }
        @SuppressWarnings("unchecked")
        R answer = (R) queued.answer();
        return answer;
    }

    private void commit(List<Edit> batch) {
        if (batch.isEmpty()) {
            return;
        }
        batchSizes.record(batch.size());
        if (batch.size() == 1) {
            alone(batch.get(0));
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                // While the reschedule runs, what it reports is recorded on every request of the batch.
                RequestAttributes shared = SharedRequest.of(batch);
                RequestAttributes own = RequestContextHolder.getRequestAttributes();
                RequestContextHolder.setRequestAttributes(shared);
                try {
                    once.afterAllEdits(() -> {
                        for (Edit edit : batch) {
                            edit.written = edit.bound(edit.edit);
                        }
                        return null;
                    });
                } finally {
                    RequestContextHolder.setRequestAttributes(own);
                }
                for (Edit edit : batch) {
                    edit.result = edit.bound(() -> edit.readBack.apply(edit.written));
                }
            });
        } catch (RuntimeException | Error failure) {
            // Nothing of the batch was committed: each edit now runs as if it had come alone.
            for (Edit edit : batch) {
                edit.written = null;
                edit.result = null;
                alone(edit);
            }
            return;
        }
        batch.forEach(edit -> edit.done = true);
    }

    private void alone(Edit edit) {
        try {
            edit.result = edit.bound(() -> transactions.execute(status -> {
                Object written = once.afterAllEdits(edit.edit);
                return edit.readBack.apply(written);
            }));
        } catch (RuntimeException | Error failure) {
            edit.failure = failure;
        }
        edit.done = true;
    }

    /** The edits of one project by one caller, waiting to be committed, and who may commit them. */
    private static final class Lane {
        final Queue<Edit> queue = new ConcurrentLinkedQueue<>();
        final ReentrantLock lock = new ReentrantLock(true);

        record Key(String projectRef, long userId, Long tokenId) {}
    }

    /** One caller's edit, with the thread-bound state it runs with, and its answer once committed. */
    private static final class Edit {
        final Supplier<Object> edit;
        final Function<Object, Object> readBack;
        final RequestAttributes request = RequestContextHolder.getRequestAttributes();
        final SecurityContext security = SecurityContextHolder.getContext();
        final LocaleContext locale = LocaleContextHolder.getLocaleContext();
        Object written;
        Object result;
        Throwable failure;
        // Written by whichever thread committed the edit before it released the lane, read by the edit's
        // own thread after taking the lane: the lock orders the two.
        boolean done;

        Edit(Supplier<Object> edit, Function<Object, Object> readBack) {
            this.edit = edit;
            this.readBack = readBack;
        }

        /** Runs {@code work} with this edit's request, security context and locale bound to the thread. */
        <T> T bound(Supplier<T> work) {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            SecurityContext security = SecurityContextHolder.getContext();
            LocaleContext locale = LocaleContextHolder.getLocaleContext();
            RequestContextHolder.setRequestAttributes(this.request);
            SecurityContextHolder.setContext(this.security);
            LocaleContextHolder.setLocaleContext(this.locale);
            try {
                return work.get();
            } finally {
                RequestContextHolder.setRequestAttributes(request);
                SecurityContextHolder.setContext(security);
                LocaleContextHolder.setLocaleContext(locale);
            }
        }

        Object answer() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
    }

    /**
     * The first request of a batch, as the shared reschedule sees it (it names the change by that request,
     * which is of the same kind as the others), with whatever it records written to every request.
     */
    private static final class SharedRequest extends ServletRequestAttributes {

        private final List<RequestAttributes> all;

        private SharedRequest(ServletRequestAttributes first, List<RequestAttributes> all) {
            super(first.getRequest(), first.getResponse());
            this.all = all;
        }

        static RequestAttributes of(List<Edit> batch) {
            List<RequestAttributes> all = batch.stream()
                    .map(edit -> edit.request)
                    .filter(Objects::nonNull)
                    .toList();
            if (!all.isEmpty() && all.get(0) instanceof ServletRequestAttributes first) {
                return new SharedRequest(first, all);
            }
            return all.isEmpty() ? null : all.get(0);
        }

        @Override
        public void setAttribute(String name, Object value, int scope) {
            for (RequestAttributes request : all) {
                request.setAttribute(name, value, scope);
            }
        }

        @Override
        public void removeAttribute(String name, int scope) {
            for (RequestAttributes request : all) {
                request.removeAttribute(name, scope);
            }
        }
    }
}
