package org.gantry.engine.levelling;

import java.util.ArrayList;
import java.util.List;

/**
 * The project compiled to arrays for the inner loops: durations, predecessors and successors, demands
 * laid out task-major ({@code demand[task * resources + resource]}) and the capacities, plus what the
 * priority rules and the lower bound need (a topological order, early starts and late finishes without
 * resource limits). Built once per levelling; never changed after.
 */
final class Network {
    final int taskCount;
    final int resourceCount;
    final int[] duration;
    final int[][] predecessors;
    final int[][] successors;
    final int[] demand;
    final int[] capacity;
    /** Tasks in an order where every predecessor comes first; rank[task] is its position in it. */
    final int[] topologicalOrder;

    final int[] rank;
    final int[] earlyStart;
    final int[] lateFinish;
    final int criticalPathLength;
    /** Sum of all durations: no serial schedule can be longer, so it sizes the resource profiles. */
    final int horizon;

    Network(ResourceConstrainedProject project) {
        List<LevellingTask> tasks = project.tasks();
        taskCount = tasks.size();
        resourceCount = project.capacities().size();
        duration = new int[taskCount];
        successors = new int[taskCount][];
        demand = new int[taskCount * resourceCount];
        capacity = project.capacities().stream().mapToInt(Integer::intValue).toArray();
        int[] predecessorCount = new int[taskCount];
        int total = 0;
        for (int task = 0; task < taskCount; task++) {
            LevellingTask levellingTask = tasks.get(task);
            duration[task] = levellingTask.duration();
            total += levellingTask.duration();
            successors[task] = levellingTask.successors().stream()
                    .mapToInt(Integer::intValue)
                    .distinct()
                    .toArray();
            for (int successor : successors[task]) {
                predecessorCount[successor]++;
            }
            for (int resource = 0; resource < resourceCount; resource++) {
                demand[task * resourceCount + resource] =
                        levellingTask.demands().get(resource);
            }
        }
        horizon = total;
        predecessors = new int[taskCount][];
        for (int task = 0; task < taskCount; task++) {
            predecessors[task] = new int[predecessorCount[task]];
            predecessorCount[task] = 0;
        }
        for (int task = 0; task < taskCount; task++) {
            for (int successor : successors[task]) {
                predecessors[successor][predecessorCount[successor]++] = task;
            }
        }
        topologicalOrder = topologicalOrder(tasks);
        rank = new int[taskCount];
        for (int position = 0; position < taskCount; position++) {
            rank[topologicalOrder[position]] = position;
        }
        earlyStart = new int[taskCount];
        int length = 0;
        for (int task : topologicalOrder) {
            int finish = earlyStart[task] + duration[task];
            length = Math.max(length, finish);
            for (int successor : successors[task]) {
                earlyStart[successor] = Math.max(earlyStart[successor], finish);
            }
        }
        criticalPathLength = length;
        lateFinish = new int[taskCount];
        java.util.Arrays.fill(lateFinish, length);
        for (int position = taskCount - 1; position >= 0; position--) {
            int task = topologicalOrder[position];
            for (int successor : successors[task]) {
                lateFinish[task] = Math.min(lateFinish[task], lateFinish[successor] - duration[successor]);
            }
        }
    }

    int lateStart(int task) {
        return lateFinish[task] - duration[task];
    }

    /**
     * The larger of two bounds no schedule can beat: the critical path, and for each resource the work
     * it must do (demand times duration, summed) divided by its capacity, rounded up.
     */
    int lowerBound() {
        int bound = criticalPathLength;
        for (int resource = 0; resource < resourceCount; resource++) {
            if (capacity[resource] == 0) {
                continue;
            }
            long work = 0;
            for (int task = 0; task < taskCount; task++) {
                work += (long) demand[task * resourceCount + resource] * duration[task];
            }
            bound = (int) Math.max(bound, (work + capacity[resource] - 1) / capacity[resource]);
        }
        return bound;
    }

    /** Kahn's algorithm, smallest index first among the ready tasks so the order is reproducible. */
    static int[] topologicalOrder(List<LevellingTask> tasks) {
        int count = tasks.size();
        int[] waiting = new int[count];
        for (LevellingTask task : tasks) {
            for (int successor : task.successors().stream().distinct().toList()) {
                waiting[successor]++;
            }
        }
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int task = 0; task < count; task++) {
            if (waiting[task] == 0) {
                ready.add(task);
            }
        }
        int[] order = new int[count];
        int placed = 0;
        while (!ready.isEmpty()) {
            int task = ready.poll();
            order[placed++] = task;
            for (int successor :
                    tasks.get(task).successors().stream().distinct().toList()) {
                if (--waiting[successor] == 0) {
                    ready.add(successor);
                }
            }
        }
        if (placed < count) {
            List<Integer> cycle = new ArrayList<>();
            for (int task = 0; task < count; task++) {
                if (waiting[task] > 0) {
                    cycle.add(task);
                }
            }
            throw new IllegalArgumentException("the links form a cycle through tasks " + cycle);
        }
        return order;
    }
}
