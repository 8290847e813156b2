package org.gantry.engine;

import static org.gantry.engine.ScheduleRun.NONE;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished {@link ScheduleRun} turned into the engine's result values: each task's dates (as shared
 * instants), slack and criticality, the project's start and finish, the critical path in dependency order
 * and the critical paths as separate chains. One job, split out of the run, which computes what it reads.
 */
final class ScheduleResult {
    private static final int INSTANT_CACHE = 1 << 13;

    private final ScheduleRun run;
    private final long[] instantKeys = new long[INSTANT_CACHE];
    private final LocalDateTime[] instantValues = new LocalDateTime[INSTANT_CACHE];

    private ScheduleResult(ScheduleRun run) {
        this.run = run;
    }

    static Schedule of(ScheduleRun run) {
        return new ScheduleResult(run).schedule();
    }

    private Schedule schedule() {
        Map<TaskId, ScheduledTask> results = new LinkedHashMap<>(run.count * 2);
        List<TaskId> criticalPath = new ArrayList<>();
        long threshold = run.options.criticalSlackMinutes();
        boolean[] critical = new boolean[run.count];
        for (int i = 0; i < run.count; i++) {
            critical[i] = run.active[i] && run.start[i] != NONE && !run.finished[i] && run.totalSlack[i] <= threshold;
        }
        for (int node : run.order) {
            if (node < run.count && critical[node] && !run.summary[node]) {
                criticalPath.add(run.tasks[node].id());
            }
        }
        for (int i = 0; i < run.count; i++) {
            results.put(
                    run.tasks[i].id(),
                    new ScheduledTask(
                            run.tasks[i].id(),
                            run.summary[i],
                            instant(run.start[i]),
                            instant(run.finish[i]),
                            instant(run.earlyStart[i]),
                            instant(run.earlyFinish[i]),
                            instant(run.lateStart[i]),
                            instant(run.lateFinish[i]),
                            run.totalSlack[i],
                            run.freeSlack[i],
                            run.startSlack[i],
                            run.finishSlack[i],
                            critical[i]));
        }
        return new Schedule(
                run.fromFinish ? instant(run.projectStart) : run.network.projectStart(),
                instant(run.projectFinish),
                new TaskResults(results),
                criticalPath,
                criticalPaths(critical));
    }

    /**
     * Critical tasks grouped into chains: two critical tasks are on the same path when a link (their own or
     * one of their summaries') joins them. Union-find over task positions, paths in link order.
     */
    private List<List<TaskId>> criticalPaths(boolean[] critical) {
        int[] root = new int[run.count];
        for (int i = 0; i < run.count; i++) {
            root[i] = i;
        }
        for (int i = 0; i < run.count; i++) {
            if (!critical[i] || run.summary[i]) {
                continue;
            }
            for (int a = i; a >= 0; a = run.parent[a]) {
                for (int k = run.incomingFirst[a]; k < run.incomingFirst[a + 1]; k++) {
                    int p = run.linkPredecessor[run.incoming[k]];
                    if (critical[p] && !run.summary[p]) {
                        join(root, i, p);
                    }
                }
                for (int k = run.outgoingFirst[a]; k < run.outgoingFirst[a + 1]; k++) {
                    int s = run.linkSuccessor[run.outgoing[k]];
                    if (critical[s] && !run.summary[s]) {
                        join(root, i, s);
                    }
                }
            }
        }
        Map<Integer, List<TaskId>> paths = new LinkedHashMap<>();
        for (int node : run.order) {
            if (node < run.count && critical[node] && !run.summary[node]) {
                paths.computeIfAbsent(find(root, node), key -> new ArrayList<>())
                        .add(run.tasks[node].id());
            }
        }
        return new ArrayList<>(paths.values());
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    private static void join(int[] root, int a, int b) {
        root[find(root, a)] = find(root, b);
    }

    /**
     * Converts minutes to an instant, sharing instances: most tasks start and finish at the same few
     * thousand instants (08:00 and 17:00 of working days), and six dates for each of 100,000 tasks would
     * otherwise be the bulk of a schedule's garbage. A direct-mapped cache, no hashing.
     */
    private LocalDateTime instant(long minutes) {
        if (minutes == NONE) {
            return null;
        }
        int slot = (int) (minutes & (INSTANT_CACHE - 1));
        if (instantKeys[slot] == minutes && instantValues[slot] != null) {
            return instantValues[slot];
        }
        LocalDateTime value = CompiledCalendar.toInstant(minutes);
        instantKeys[slot] = minutes;
        instantValues[slot] = value;
        return value;
    }
}
