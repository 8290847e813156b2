package org.gantry.engine.levelling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hartmann's genetic algorithm for the resource-constrained project scheduling problem (Hartmann 1998)
 * with every schedule justified (Valls, Ballestín and Quintanilla 2008). An individual is an activity
 * list; its fitness is the makespan of its serial decoding after forward-backward improvement, and the
 * list it keeps is the order of the improved schedule's starts, so what a child inherits is what made its
 * parent good. Each generation pairs the population at random, makes two children per pair by two-point
 * crossover (positions from one parent, the middle section in the other parent's order: precedence-
 * feasible by construction), moves a task now and then to another place between its last predecessor and
 * first successor, and keeps the best distinct individuals of parents and children. When the best finish
 * has not improved for a while the population is rebuilt around the best list, to leave a local optimum.
 *
 * <p>Stops at the schedule limit, at the time limit, or when the best finish meets the lower bound.
 */
final class GeneticSearch {
    private static final int POPULATION = 30;
    private static final double MUTATION = 0.05;
    private static final int GENERATIONS_WITHOUT_IMPROVEMENT = 60;

    private final Network network;
    private final LevellingSettings settings;
    private final SerialGeneration generation;
    private final Justification justification;
    private final PriorityRules rules;
    private final SplittableRandom random;
    private final int lowerBound;
    private final long deadline;
    private final int[] start;
    private final int[] bestStart;
    private int bestMakespan = Integer.MAX_VALUE;

    private record Individual(int[] list, int makespan, int hash) {}

    GeneticSearch(Network network, LevellingSettings settings) {
        this.network = network;
        this.settings = settings;
        generation = new SerialGeneration(network);
        justification = new Justification(network, generation);
        rules = new PriorityRules(network);
        random = new SplittableRandom(settings.seed());
        lowerBound = network.lowerBound();
        deadline = System.nanoTime() + settings.timeLimit().toNanos();
        start = new int[network.taskCount];
        bestStart = new int[network.taskCount];
    }

    LevelledSchedule run() {
        List<double[]> priorities = List.of(
                rules.latestFinish(),
                rules.latestStart(),
                rules.mostTotalSuccessors(),
                rules.minimumSlack(),
                rules.greatestRankPositionalWeight());
        List<Individual> population = new ArrayList<>();
        for (double[] priority : priorities) {
            population.add(evaluate(rules.list(priority, null)));
            if (finished()) {
                return result();
            }
        }
        double[] latestFinish = priorities.get(0);
        while (population.size() < POPULATION && !finished()) {
            population.add(evaluate(rules.list(latestFinish, random)));
        }
        int stale = 0;
        int lastBest = bestMakespan;
        while (!finished()) {
            population = nextGeneration(population);
            if (bestMakespan < lastBest) {
                lastBest = bestMakespan;
                stale = 0;
            } else if (++stale >= GENERATIONS_WITHOUT_IMPROVEMENT) {
                population = restart(population, latestFinish);
                stale = 0;
            }
        }
        return result();
    }

    private List<Individual> nextGeneration(List<Individual> population) {
        int size = population.size();
        int[] pairing = new int[size];
        for (int index = 0; index < size; index++) {
            pairing[index] = index;
        }
        shuffle(pairing);
        List<Individual> pool = new ArrayList<>(population);
        boolean[] taken = new boolean[network.taskCount];
        for (int pair = 0; pair + 1 < size && !finished(); pair += 2) {
            Individual mother = population.get(pairing[pair]);
            Individual father = population.get(pairing[pair + 1]);
            int first = random.nextInt(network.taskCount + 1);
            int second = first + random.nextInt(network.taskCount + 1 - first);
            pool.add(evaluate(mutate(crossover(mother.list(), father.list(), first, second, taken))));
            if (finished()) {
                break;
            }
            pool.add(evaluate(mutate(crossover(father.list(), mother.list(), first, second, taken))));
        }
        return survivors(pool, size);
    }

    /** The best {@code size} individuals, each schedule once; duplicates only if too few distinct. */
    private static List<Individual> survivors(List<Individual> pool, int size) {
        List<Individual> sorted = new ArrayList<>(pool);
        // Stable: among equal finishes the parents stay ahead of their children.
        sorted.sort(Comparator.comparingInt(Individual::makespan));
        List<Individual> kept = new ArrayList<>(size);
        List<Individual> duplicates = new ArrayList<>();
        for (Individual candidate : sorted) {
            if (kept.size() == size) {
                break;
            }
            boolean seen = false;
            for (Individual other : kept) {
                if (other.hash() == candidate.hash()
                        && other.makespan() == candidate.makespan()
                        && Arrays.equals(other.list(), candidate.list())) {
                    seen = true;
                    break;
                }
            }
            (seen ? duplicates : kept).add(candidate);
        }
        for (int index = 0; kept.size() < size && index < duplicates.size(); index++) {
            kept.add(duplicates.get(index));
        }
        return kept;
    }

    /** Keeps the best list and refills the population with mutated copies of it and fresh samples. */
    private List<Individual> restart(List<Individual> population, double[] latestFinish) {
        List<Individual> fresh = new ArrayList<>();
        Individual best = population.get(0);
        fresh.add(best);
        while (fresh.size() < population.size() && !finished()) {
            if (fresh.size() % 2 == 0) {
                int[] list = best.list().clone();
                int moves = 1 + random.nextInt(Math.max(1, network.taskCount / 10));
                for (int move = 0; move < moves; move++) {
                    shift(list, random.nextInt(network.taskCount));
                }
                fresh.add(evaluate(list));
            } else {
                fresh.add(evaluate(rules.list(latestFinish, random)));
            }
        }
        return fresh;
    }

    private int[] crossover(int[] mother, int[] father, int first, int second, boolean[] taken) {
        int count = network.taskCount;
        Arrays.fill(taken, false);
        int[] child = new int[count];
        int position = 0;
        for (; position < first; position++) {
            child[position] = mother[position];
            taken[mother[position]] = true;
        }
        for (int index = 0; position < second && index < count; index++) {
            int task = father[index];
            if (!taken[task]) {
                child[position++] = task;
                taken[task] = true;
            }
        }
        for (int index = 0; position < count && index < count; index++) {
            int task = mother[index];
            if (!taken[task]) {
                child[position++] = task;
                taken[task] = true;
            }
        }
        return child;
    }

    private int[] mutate(int[] list) {
        for (int position = 0; position < list.length; position++) {
            if (random.nextDouble() < MUTATION) {
                shift(list, position);
            }
        }
        return list;
    }

    /**
     * Moves the task at {@code position} to a random place after its last predecessor and before its
     * first successor in the list, which keeps the list precedence-feasible.
     */
    private void shift(int[] list, int position) {
        int task = list[position];
        int earliest = position;
        while (earliest > 0 && !precedes(list[earliest - 1], task)) {
            earliest--;
        }
        int latest = position;
        while (latest < list.length - 1 && !precedes(task, list[latest + 1])) {
            latest++;
        }
        int target = earliest + random.nextInt(latest - earliest + 1);
        if (target < position) {
            System.arraycopy(list, target, list, target + 1, position - target);
        } else if (target > position) {
            System.arraycopy(list, position + 1, list, position, target - position);
        }
        list[target] = task;
    }

    private boolean precedes(int before, int after) {
        for (int successor : network.successors[before]) {
            if (successor == after) {
                return true;
            }
        }
        return false;
    }

    private Individual evaluate(int[] list) {
        int makespan = generation.forward(list, start);
        makespan = justification.improve(start, makespan, list);
        if (makespan < bestMakespan) {
            bestMakespan = makespan;
            System.arraycopy(start, 0, bestStart, 0, start.length);
        }
        return new Individual(list, makespan, Arrays.hashCode(list));
    }

    private boolean finished() {
        return bestMakespan <= lowerBound
                || generation.generated() >= settings.scheduleLimit()
                || System.nanoTime() >= deadline;
    }

    private void shuffle(int[] values) {
        for (int index = values.length - 1; index > 0; index--) {
            int other = random.nextInt(index + 1);
            int swap = values[index];
            values[index] = values[other];
            values[other] = swap;
        }
    }

    private LevelledSchedule result() {
        List<Integer> starts = new ArrayList<>(network.taskCount);
        for (int value : bestStart) {
            starts.add(value);
        }
        return new LevelledSchedule(
                starts, bestMakespan, lowerBound, generation.generated(), bestMakespan <= lowerBound);
    }
}
