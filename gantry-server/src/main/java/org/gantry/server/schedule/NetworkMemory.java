package org.gantry.server.schedule;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.Link;
import org.gantry.server.schedule.NetworkReader.AssignmentRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The networks of the projects rescheduled last, kept between reschedules so that an edit reads only what
 * changed since (see {@code schedule_version} in V180), not the whole project.
 *
 * <p>A network is labelled with the project's schedule version whose state it holds, and is only ever
 * handed to a transaction that holds the project's lock. A transaction takes it out, brings it up to date,
 * reschedules and writes, and the network comes back for others only when that transaction commits: a
 * rolled-back transaction's network, which holds what never happened, is dropped with it. Another
 * instance's changes are found by the version, never by anything kept in this JVM.
 */
@Component
class NetworkMemory {

    /** At 10,000 tasks a network takes some tens of megabytes: a few projects, the ones edited last. */
    private static final int PROJECTS = 8;

    private final Map<Long, Network> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Network> eldest) {
            return size() > PROJECTS;
        }
    };

    /**
     * The project's network as this transaction last left it, else the one kept at the highest version
     * (taken out: no other transaction of this JVM uses it meanwhile), else null.
     */
    Network take(long projectId) {
        Network own = ownNetworks().get(projectId);
        if (own != null) {
            return own;
        }
        synchronized (kept) {
            return kept.remove(projectId);
        }
    }

    /** Gives the network back: to this transaction now, to everyone once it commits. */
    void keep(long projectId, Network network) {
        ownNetworks().put(projectId, network);
    }

    /** Forgets what this transaction holds of the project (it could not be brought up to date). */
    void drop(long projectId) {
        ownNetworks().remove(projectId);
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Network> ownNetworks() {
        Map<Long, Network> own = (Map<Long, Network>) TransactionSynchronizationManager.getResource(this);
        if (own != null) {
            return own;
        }
        Map<Long, Network> fresh = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                synchronized (kept) {
                    fresh.forEach((project, network) -> {
                        Network other = kept.get(project);
                        if (other == null || other.version <= network.version) {
                            kept.put(project, network);
                        }
                    });
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(NetworkMemory.this);
            }
        });
        return fresh;
    }

    /**
     * One project's network as the scheduler reads it: the project row, the task rows, the links by id, the
     * assignments by task and the calendar (both with time off applied), at {@code version}. The calendar
     * of a project with stored calendars is written out over {@code from}..{@code to}.
     */
    static final class Network {
        long version;
        final NetworkReader.ProjectRow project;
        final StoredTasks rows;
        final Map<Long, Link> links;
        final Map<Long, List<AssignmentRow>> assignments;
        final ProjectCalendar calendar;
        final LocalDate from;
        final LocalDate to;

        Network(
                long version,
                NetworkReader.ProjectRow project,
                StoredTasks rows,
                Map<Long, Link> links,
                Map<Long, List<AssignmentRow>> assignments,
                ProjectCalendar calendar,
                LocalDate from,
                LocalDate to) {
            this.version = version;
            this.project = project;
            this.rows = rows;
            this.links = links;
            this.assignments = assignments;
            this.calendar = calendar;
            this.from = from;
            this.to = to;
        }
    }
}
