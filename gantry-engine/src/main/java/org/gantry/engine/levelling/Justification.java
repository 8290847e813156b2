package org.gantry.engine.levelling;

/**
 * Forward-backward improvement (Li and Willis 1992; "double justification", Valls, Ballestín and
 * Quintanilla 2005): shift every task as late as it can go, taking them by decreasing finish, then as
 * early as it can go, taking them by increasing start. Neither pass can lengthen the schedule, and the
 * pair often shortens it noticeably, because tasks that were started early without need free up room
 * for the ones that hold the finish. Repeats while a round still shortens the schedule.
 */
final class Justification {
    private final Network network;
    private final SerialGeneration generation;
    private final int[] mirrored;
    private final int[] order;
    private final int[] key;
    private final int[] bucketStart;
    private final int[] descendingRank;

    Justification(Network network, SerialGeneration generation) {
        this.network = network;
        this.generation = generation;
        mirrored = new int[network.taskCount];
        order = new int[network.taskCount];
        key = new int[network.taskCount];
        bucketStart = new int[network.horizon + 2];
        descendingRank = new int[network.taskCount];
        for (int position = 0; position < network.taskCount; position++) {
            descendingRank[position] = network.topologicalOrder[network.taskCount - 1 - position];
        }
    }

    /**
     * Improves the schedule in {@code start} (of length {@code makespan}) in place, writes to
     * {@code list} the tasks by increasing start (the activity list that decodes to the result) and
     * returns the new makespan.
     */
    int improve(int[] start, int makespan, int[] list) {
        int[] duration = network.duration;
        int current = makespan;
        while (true) {
            // By decreasing finish; among equal finishes successors first (they come later in the
            // topological order), so the list is feasible on the mirrored network.
            for (int task = 0; task < network.taskCount; task++) {
                key[task] = current - (start[task] + duration[task]);
            }
            sortByKey(descendingRank, current, order);
            int mirroredMakespan = generation.backward(order, mirrored);
            for (int task = 0; task < network.taskCount; task++) {
                start[task] = mirroredMakespan - mirrored[task] - duration[task];
                key[task] = start[task];
            }
            sortByKey(network.topologicalOrder, mirroredMakespan, order);
            int shortened = generation.forward(order, start);
            if (shortened >= current) {
                current = Math.min(current, shortened);
                break;
            }
            current = shortened;
        }
        for (int task = 0; task < network.taskCount; task++) {
            key[task] = start[task];
        }
        sortByKey(network.topologicalOrder, current, list);
        return current;
    }

    /** Counting sort of the tasks by {@code key} (0..maxKey), ties in the order of {@code tieOrder}. */
    private void sortByKey(int[] tieOrder, int maxKey, int[] sorted) {
        java.util.Arrays.fill(bucketStart, 0, maxKey + 2, 0);
        for (int task = 0; task < network.taskCount; task++) {
            bucketStart[key[task] + 1]++;
        }
        for (int value = 1; value <= maxKey + 1; value++) {
            bucketStart[value] += bucketStart[value - 1];
        }
        for (int task : tieOrder) {
            sorted[bucketStart[key[task]]++] = task;
        }
    }
}
