package org.gantry.engine.levelling;

import java.util.List;

/**
 * A project to level: tasks linked finish-to-start and renewable resources with a capacity per time
 * unit (the units available at every instant). A task's demand never exceeds a capacity, or no schedule
 * could exist; the links form no cycle. Both are checked here, so the leveller can trust its input.
 */
public record ResourceConstrainedProject(List<LevellingTask> tasks, List<Integer> capacities) {
    public ResourceConstrainedProject {
        tasks = List.copyOf(tasks);
        capacities = List.copyOf(capacities);
        for (int index = 0; index < tasks.size(); index++) {
            LevellingTask task = tasks.get(index);
            if (task.demands().size() != capacities.size()) {
                throw new IllegalArgumentException("task " + index + " names "
                        + task.demands().size() + " demands for " + capacities.size() + " resources");
            }
            for (int resource = 0; resource < capacities.size(); resource++) {
                if (task.demands().get(resource) > capacities.get(resource)) {
                    throw new IllegalArgumentException(
                            "task " + index + " needs " + task.demands().get(resource) + " units of resource "
                                    + resource + ", which has only " + capacities.get(resource));
                }
            }
            for (int successor : task.successors()) {
                if (successor < 0 || successor >= tasks.size() || successor == index) {
                    throw new IllegalArgumentException("task " + index + " names successor " + successor);
                }
            }
        }
        Network.topologicalOrder(tasks);
    }
}
