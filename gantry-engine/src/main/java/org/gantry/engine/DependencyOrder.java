package org.gantry.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders the scheduling nodes so every node comes after everything that drives it (Kahn's algorithm over
 * arrays). Node {@code i} is task {@code i} (for a summary: its roll-up); node {@code count + s} is the
 * entry of summary {@code s}, which precedes its children. A leftover node means a cycle, which is
 * reported with the tasks on it.
 */
final class DependencyOrder {
    private final ScheduleRun run;
    private final int count;
    private final int[] edgeFirst;
    private final int[] edgeTarget;

    DependencyOrder(ScheduleRun run) {
        this.run = run;
        this.count = run.taskCount();
        int nodes = count * 2;
        int[] degree = new int[nodes + 1];
        forEachEdge((from, to) -> degree[from + 1]++);
        edgeFirst = new int[nodes + 1];
        for (int v = 0; v < nodes; v++) {
            edgeFirst[v + 1] = edgeFirst[v] + degree[v + 1];
        }
        edgeTarget = new int[edgeFirst[nodes]];
        int[] fill = Arrays.copyOf(edgeFirst, nodes);
        forEachEdge((from, to) -> edgeTarget[fill[from]++] = to);
    }

    private interface EdgeSink {
        void edge(int from, int to);
    }

    private void forEachEdge(EdgeSink sink) {
        for (int l = 0; l < run.linkCount(); l++) {
            int s = run.linkSuccessor(l);
            sink.edge(run.linkPredecessor(l), run.summary(s) ? count + s : s);
        }
        for (int s = 0; s < count; s++) {
            if (!run.summary(s)) {
                continue;
            }
            for (int k = run.childFirst(s); k < run.childEnd(s); k++) {
                int c = run.child(k);
                sink.edge(count + s, run.summary(c) ? count + c : c);
                sink.edge(c, s);
            }
        }
    }

    private boolean isNode(int v) {
        return v < count || run.summary(v - count);
    }

    int[] sort() {
        int nodes = count * 2;
        int[] indegree = new int[nodes];
        for (int e = 0; e < edgeTarget.length; e++) {
            indegree[edgeTarget[e]]++;
        }
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        int total = 0;
        for (int v = 0; v < nodes; v++) {
            if (isNode(v)) {
                total++;
                if (indegree[v] == 0) {
                    queue[tail++] = v;
                }
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int e = edgeFirst[v]; e < edgeFirst[v + 1]; e++) {
                int w = edgeTarget[e];
                if (--indegree[w] == 0) {
                    queue[tail++] = w;
                }
            }
        }
        if (tail < total) {
            throw new ScheduleException(new ScheduleProblem.DependencyCycle(findCycle(indegree)));
        }
        return Arrays.copyOf(queue, tail);
    }

    /**
     * Every node left unsorted has an unsorted predecessor, so walking predecessors must revisit a node:
     * the walk from that node on is a cycle.
     */
    private List<TaskId> findCycle(int[] indegree) {
        int nodes = count * 2;
        int[] predecessor = new int[nodes];
        Arrays.fill(predecessor, -1);
        for (int v = 0; v < nodes; v++) {
            for (int e = edgeFirst[v]; e < edgeFirst[v + 1]; e++) {
                int w = edgeTarget[e];
                if (indegree[w] > 0 && indegree[v] > 0) {
                    predecessor[w] = v;
                }
            }
        }
        int v = -1;
        for (int w = 0; w < nodes; w++) {
            if (isNode(w) && indegree[w] > 0) {
                v = w;
                break;
            }
        }
        int[] seenAt = new int[nodes];
        Arrays.fill(seenAt, -1);
        List<Integer> path = new ArrayList<>();
        while (seenAt[v] < 0) {
            seenAt[v] = path.size();
            path.add(v);
            v = predecessor[v];
        }
        List<Integer> loop = new ArrayList<>(path.subList(seenAt[v], path.size()));
        java.util.Collections.reverse(loop);
        List<Integer> members = new ArrayList<>();
        for (int node : loop) {
            int task = node % count;
            if (members.isEmpty() || members.get(members.size() - 1) != task) {
                members.add(task);
            }
        }
        if (members.size() > 1 && members.get(0).equals(members.get(members.size() - 1))) {
            members.remove(members.size() - 1);
        }
        // Start the report at the task that comes first in the network, so it reads the same every time.
        int first = members.indexOf(java.util.Collections.min(members));
        java.util.Collections.rotate(members, -first);
        List<TaskId> cycle = new ArrayList<>();
        for (int task : members) {
            cycle.add(run.taskId(task));
        }
        cycle.add(cycle.get(0));
        return cycle;
    }
}
