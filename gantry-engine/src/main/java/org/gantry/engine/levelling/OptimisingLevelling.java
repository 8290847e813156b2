package org.gantry.engine.levelling;

/**
 * Levels a project for the shortest finish: the resource-constrained project scheduling problem solved
 * by a genetic search over activity lists with forward-backward improvement (see {@link GeneticSearch}).
 * The result respects every link and keeps every resource within its capacity at every time unit.
 */
public final class OptimisingLevelling {
    private OptimisingLevelling() {}

    public static LevelledSchedule level(ResourceConstrainedProject project, LevellingSettings settings) {
        if (project.tasks().isEmpty()) {
            return new LevelledSchedule(java.util.List.of(), 0, 0, 0, true);
        }
        return new GeneticSearch(new Network(project), settings).run();
    }

    public static LevelledSchedule level(ResourceConstrainedProject project) {
        return level(project, LevellingSettings.defaults());
    }
}
