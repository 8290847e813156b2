package org.gantry.engine.levelling;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Priority rules that build activity lists (Kolisch 1996): repeatedly take, among the tasks whose
 * predecessors are all listed, the one the rule ranks first. Lower value ranks first. The biased random
 * variant (regret-based sampling) draws a task with weight one more than its regret, the distance of its
 * value from the worst eligible value, so the rule still steers while the lists differ; this is how the
 * genetic search gets a varied but good first population.
 */
final class PriorityRules {
    private final Network network;

    PriorityRules(Network network) {
        this.network = network;
    }

    /** Latest finish first: the classic rule, what desktop tools' levelling resembles. */
    double[] latestFinish() {
        double[] value = new double[network.taskCount];
        for (int task = 0; task < network.taskCount; task++) {
            value[task] = network.lateFinish[task];
        }
        return value;
    }

    double[] latestStart() {
        double[] value = new double[network.taskCount];
        for (int task = 0; task < network.taskCount; task++) {
            value[task] = network.lateStart(task);
        }
        return value;
    }

    double[] minimumSlack() {
        double[] value = new double[network.taskCount];
        for (int task = 0; task < network.taskCount; task++) {
            value[task] = network.lateStart(task) - network.earlyStart[task];
        }
        return value;
    }

    /** Most total successors: tasks that many others wait on, directly or not, go first. */
    double[] mostTotalSuccessors() {
        BitSet[] after = new BitSet[network.taskCount];
        double[] value = new double[network.taskCount];
        for (int position = network.taskCount - 1; position >= 0; position--) {
            int task = network.topologicalOrder[position];
            BitSet set = new BitSet(network.taskCount);
            for (int successor : network.successors[task]) {
                set.set(successor);
                set.or(after[successor]);
            }
            after[task] = set;
            value[task] = -set.cardinality();
        }
        return value;
    }

    /** Greatest rank positional weight: own duration plus the durations of the direct successors. */
    double[] greatestRankPositionalWeight() {
        double[] value = new double[network.taskCount];
        for (int task = 0; task < network.taskCount; task++) {
            double weight = network.duration[task];
            for (int successor : network.successors[task]) {
                weight += network.duration[successor];
            }
            value[task] = -weight;
        }
        return value;
    }

    /** The list the rule gives; with a random source, a regret-biased sample instead. */
    int[] list(double[] value, SplittableRandom random) {
        int count = network.taskCount;
        int[] waiting = new int[count];
        for (int task = 0; task < count; task++) {
            waiting[task] = network.predecessors[task].length;
        }
        int[] eligible = new int[count];
        int eligibleCount = 0;
        for (int task = 0; task < count; task++) {
            if (waiting[task] == 0) {
                eligible[eligibleCount++] = task;
            }
        }
        int[] list = new int[count];
        double[] weight = new double[count];
        for (int position = 0; position < count; position++) {
            int chosen = random == null
                    ? best(value, eligible, eligibleCount)
                    : sample(value, eligible, eligibleCount, weight, random);
            int task = eligible[chosen];
            eligible[chosen] = eligible[--eligibleCount];
            list[position] = task;
            for (int successor : network.successors[task]) {
                if (--waiting[successor] == 0) {
                    eligible[eligibleCount++] = successor;
                }
            }
        }
        return list;
    }

    private static int best(double[] value, int[] eligible, int eligibleCount) {
        int chosen = 0;
        for (int index = 1; index < eligibleCount; index++) {
            double candidate = value[eligible[index]];
            double incumbent = value[eligible[chosen]];
            if (candidate < incumbent || (candidate == incumbent && eligible[index] < eligible[chosen])) {
                chosen = index;
            }
        }
        return chosen;
    }

    private static int sample(
            double[] value, int[] eligible, int eligibleCount, double[] weight, SplittableRandom random) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int index = 0; index < eligibleCount; index++) {
            worst = Math.max(worst, value[eligible[index]]);
        }
        double total = 0;
        for (int index = 0; index < eligibleCount; index++) {
            weight[index] = worst - value[eligible[index]] + 1;
            total += weight[index];
        }
        double draw = random.nextDouble() * total;
        for (int index = 0; index < eligibleCount; index++) {
            draw -= weight[index];
            if (draw < 0) {
                return index;
            }
        }
        return eligibleCount - 1;
    }
}
