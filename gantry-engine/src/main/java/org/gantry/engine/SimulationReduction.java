package org.gantry.engine;

import static org.gantry.engine.ScheduleRun.FINISH_FINISH;
import static org.gantry.engine.ScheduleRun.FINISH_START;
import static org.gantry.engine.ScheduleRun.NONE;
import static org.gantry.engine.ScheduleRun.START_START;

import java.util.ArrayList;
import java.util.List;

/**
 * A schedule run reduced to the arrays a Monte Carlo simulation draws on ({@link SimulationNetwork}), after
 * the run: the leaf tasks in dependency order (every predecessor at a lower position than its successors),
 * their scheduled spans in working minutes of the project calendar, the links between them (a link into a
 * summary reaching every task below it, a link out of a summary's finish leaving from each of them, out of
 * its start from the first to start), and what holds each start apart from its links. One job, split out
 * of {@link ScheduleRun}, which computes the schedule it reads.
 */
final class SimulationReduction {
    private SimulationReduction() {}

    /**
     * The run reduced for simulation; {@code schedule} is its result.
     */
    static SimulationNetwork of(ScheduleRun run, Schedule schedule) {
        int[] position = new int[run.count];
        java.util.Arrays.fill(position, -1);
        int n = 0;
        for (int node : run.order) {
            if (node < run.count && run.active[node] && !run.summary[node] && run.earlyStart[node] != NONE) {
                position[node] = n++;
            }
        }
        int[] taskAt = new int[n];
        for (int i = 0; i < run.count; i++) {
            if (position[i] >= 0) {
                taskAt[position[i]] = i;
            }
        }
        long base = run.projectCalendar.workingOffset(run.projectStart);
        TaskId[] ids = new TaskId[n];
        double[] span = new double[n];
        long[] taskDuration = new long[n];
        boolean[] done = new boolean[n];
        boolean[] isMilestone = new boolean[n];
        boolean[] pinned = new boolean[n];
        double[] scheduledStart = new double[n];
        double[] floor = new double[n];
        double scheduledFinish = 0;
        for (int c = 0; c < n; c++) {
            int i = taskAt[c];
            ids[c] = run.tasks[i].id();
            scheduledStart[c] = run.projectCalendar.workingOffset(run.earlyStart[i]) - base;
            double end = run.projectCalendar.workingOffset(run.earlyFinish[i]) - base;
            span[c] = end - scheduledStart[c];
            taskDuration[c] = run.duration[i];
            done[c] = run.finished[i];
            isMilestone[c] = run.tasks[i].milestone();
            if (c == 0 || end > scheduledFinish) {
                scheduledFinish = end;
            }
        }

        // Links between simulated tasks: a link into a summary reaches every task below it, a link out of a
        // summary's finish leaves from every task below it, a link out of its start from the first to start.
        int[] linkFrom = new int[Math.max(16, run.linkCount)];
        int[] linkTo = new int[linkFrom.length];
        byte[] linkKind = new byte[linkFrom.length];
        double[] linkLag = new double[linkFrom.length];
        int links = 0;
        List<Integer> from = new ArrayList<>();
        List<Integer> to = new ArrayList<>();
        for (int l = 0; l < run.linkCount; l++) {
            int p = run.linkPredecessor[l];
            int s = run.linkSuccessor[l];
            byte kind = run.linkType[l];
            boolean fromFinish = kind == FINISH_START || kind == FINISH_FINISH;
            from.clear();
            to.clear();
            if (run.summary[p]) {
                leavesUnder(run, p, position, from);
                if (!fromFinish && !from.isEmpty()) {
                    int first = from.get(0);
                    for (int leaf : from) {
                        if (run.earlyStart[leaf] < run.earlyStart[first]) {
                            first = leaf;
                        }
                    }
                    from.clear();
                    from.add(first);
                }
            } else if (position[p] >= 0) {
                from.add(p);
            }
            if (run.summary[s]) {
                leavesUnder(run, s, position, to);
            } else if (position[s] >= 0) {
                to.add(s);
            }
            for (int pi : from) {
                for (int si : to) {
                    if (links == linkFrom.length) {
                        int grown = links * 2;
                        linkFrom = java.util.Arrays.copyOf(linkFrom, grown);
                        linkTo = java.util.Arrays.copyOf(linkTo, grown);
                        linkKind = java.util.Arrays.copyOf(linkKind, grown);
                        linkLag = java.util.Arrays.copyOf(linkLag, grown);
                    }
                    long date = fromFinish ? run.earlyFinish[pi] : run.earlyStart[pi];
                    // The lag as the working offsets it took here: on the successor's calendar or in
                    // elapsed time, measured on the project calendar.
                    linkLag[links] = run.projectCalendar.workingOffset(run.addLag(l, si, date))
                            - run.projectCalendar.workingOffset(date);
                    linkFrom[links] = position[pi];
                    linkTo[links] = position[si];
                    linkKind[links] = kind;
                    links++;
                }
            }
        }
        int[] incomingFirstOf = new int[n + 1];
        for (int k = 0; k < links; k++) {
            if (linkFrom[k] >= linkTo[k]) {
                throw new IllegalStateException("simulation positions are not in dependency run.order");
            }
            incomingFirstOf[linkTo[k] + 1]++;
        }
        for (int c = 0; c < n; c++) {
            incomingFirstOf[c + 1] += incomingFirstOf[c];
        }
        int[] predecessorOf = new int[links];
        byte[] kindOf = new byte[links];
        double[] lagOf = new double[links];
        int[] fill = java.util.Arrays.copyOf(incomingFirstOf, n);
        for (int k = 0; k < links; k++) {
            int slot = fill[linkTo[k]]++;
            predecessorOf[slot] = linkFrom[k];
            kindOf[slot] = linkKind[k];
            lagOf[slot] = linkLag[k];
        }

        // Floors: what holds each task's start apart from its links, judged on the scheduled dates.
        for (int c = 0; c < n; c++) {
            int i = taskAt[c];
            double begin = scheduledStart[c];
            double driven = Double.NEGATIVE_INFINITY;
            for (int k = incomingFirstOf[c]; k < incomingFirstOf[c + 1]; k++) {
                int p = predecessorOf[k];
                double candidate =
                        switch (kindOf[k]) {
                            case FINISH_START -> scheduledStart[p] + span[p] + lagOf[k];
                            case START_START -> scheduledStart[p] + lagOf[k];
                            case FINISH_FINISH -> Math.max(0, scheduledStart[p] + span[p] + lagOf[k] - span[c]);
                            default -> scheduledStart[p] + lagOf[k] - span[c];
                        };
                driven = Math.max(driven, candidate);
            }
            boolean manualDates = run.tasks[i].manuallyScheduled()
                    && run.tasks[i].manualStart() != null
                    && run.tasks[i].manualFinish() != null;
            if (run.started[i] || manualDates || driven > begin) {
                // Work under way, manual dates, or a constraint honoured against the links: the start stays.
                pinned[c] = true;
                floor[c] = begin;
            } else if (driven < begin) {
                floor[c] = begin;
            } else {
                Constraint constraint = run.tasks[i].constraint();
                double held = 0;
                if (constraint.date() != null) {
                    double date =
                            run.projectCalendar.workingOffset(CompiledCalendar.toMinutes(constraint.date())) - base;
                    switch (constraint.type()) {
                        case START_NO_EARLIER_THAN -> held = date;
                        case FINISH_NO_EARLIER_THAN -> held = date - span[c];
                        default -> {}
                    }
                }
                floor[c] = Math.min(begin, Math.max(0, held));
            }
        }
        return new SimulationNetwork(
                schedule,
                run.projectCalendar,
                base,
                ids,
                span,
                taskDuration,
                done,
                isMilestone,
                pinned,
                scheduledStart,
                floor,
                incomingFirstOf,
                predecessorOf,
                kindOf,
                lagOf,
                scheduledFinish,
                run.options.criticalSlackMinutes());
    }

    private static void leavesUnder(ScheduleRun run, int s, int[] position, List<Integer> into) {
        for (int k = run.childFirst[s]; k < run.childFirst[s + 1]; k++) {
            int c = run.children[k];
            if (run.summary[c]) {
                leavesUnder(run, c, position, into);
            } else if (position[c] >= 0) {
                into.add(c);
            }
        }
    }
}
