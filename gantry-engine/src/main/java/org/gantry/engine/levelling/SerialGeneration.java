package org.gantry.engine.levelling;

/**
 * The serial schedule-generation scheme (Kelley 1963; Kolisch 1996): takes the tasks in the order of a
 * precedence-feasible activity list and starts each at the earliest time its predecessors allow and its
 * demands fit under every capacity for its whole duration. Every active schedule is the decoding of some
 * list, so searching lists can reach an optimal schedule.
 *
 * <p>The same pass runs backwards (successors in place of predecessors, time mirrored), which is what
 * forward-backward justification needs. Holds the resource profile as a reusable buffer: one instance
 * per search, not thread-safe.
 */
final class SerialGeneration {
    private final Network network;
    /** Units in use, time-major: {@code used[time * resources + resource]}; all zero between passes. */
    private final int[] used;
    /** Per task, the resources it needs and, for each, the most that may be in use before it fits. */
    private final int[][] neededResources;

    private final int[][] neededUnits;
    private final int[][] fitsBelow;
    private int generated;

    SerialGeneration(Network network) {
        this.network = network;
        int resources = network.resourceCount;
        used = new int[(network.horizon + 1) * Math.max(1, resources)];
        neededResources = new int[network.taskCount][];
        neededUnits = new int[network.taskCount][];
        fitsBelow = new int[network.taskCount][];
        for (int task = 0; task < network.taskCount; task++) {
            int count = 0;
            for (int resource = 0; resource < resources; resource++) {
                if (network.demand[task * resources + resource] > 0) {
                    count++;
                }
            }
            neededResources[task] = new int[count];
            neededUnits[task] = new int[count];
            fitsBelow[task] = new int[count];
            if (network.duration[task] == 0) {
                // Zero-duration tasks (milestones) hold nothing at any time.
                neededResources[task] = new int[0];
                continue;
            }
            count = 0;
            for (int resource = 0; resource < resources; resource++) {
                int units = network.demand[task * resources + resource];
                if (units > 0) {
                    neededResources[task][count] = resource;
                    neededUnits[task][count] = units;
                    fitsBelow[task][count] = network.capacity[resource] - units;
                    count++;
                }
            }
        }
    }

    /** Schedules the list forwards; writes each task's start and returns the makespan. */
    int forward(int[] list, int[] start) {
        return decode(list, network.predecessors, start);
    }

    /**
     * Schedules the list on the mirrored network (a task after all its successors); the starts written
     * are mirrored times, i.e. distances of each task's finish from the end of the project.
     */
    int backward(int[] list, int[] start) {
        return decode(list, network.successors, start);
    }

    int generated() {
        return generated;
    }

    private int decode(int[] list, int[][] before, int[] start) {
        int resources = network.resourceCount;
        int[] duration = network.duration;
        int makespan = 0;
        for (int task : list) {
            int time = 0;
            for (int other : before[task]) {
                time = Math.max(time, start[other] + duration[other]);
            }
            int length = duration[task];
            int[] needed = neededResources[task];
            if (needed.length > 0) {
                int[] below = fitsBelow[task];
                time = earliestFit(time, length, needed, below, resources);
                int[] units = neededUnits[task];
                for (int instant = time; instant < time + length; instant++) {
                    int row = instant * resources;
                    for (int index = 0; index < needed.length; index++) {
                        used[row + needed[index]] += units[index];
                    }
                }
            }
            start[task] = time;
            makespan = Math.max(makespan, time + length);
        }
        java.util.Arrays.fill(used, 0, makespan * resources, 0);
        generated++;
        return makespan;
    }

    /**
     * The first start at or after {@code time} where the task fits for its whole length. Scans each
     * candidate window from its end, so a conflict found lets the next candidate jump past it.
     */
    private int earliestFit(int time, int length, int[] needed, int[] below, int resources) {
        int candidate = time;
        scan:
        while (true) {
            for (int instant = candidate + length - 1; instant >= candidate; instant--) {
                int row = instant * resources;
                for (int index = 0; index < needed.length; index++) {
                    if (used[row + needed[index]] > below[index]) {
                        candidate = instant + 1;
                        continue scan;
                    }
                }
            }
            return candidate;
        }
    }
}
