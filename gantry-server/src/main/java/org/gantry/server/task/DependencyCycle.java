package org.gantry.server.task;

import java.util.List;
import java.util.Map;
import org.gantry.server.shared.Conflict;

/** The link would make a task wait for itself; {@code cycle} lists the task ids around the loop. */
public class DependencyCycle extends Conflict {

    private final List<Long> cycle;

    DependencyCycle(List<Long> cycle) {
        this(cycle, cycle.stream().map(String::valueOf).toList());
    }

    /** {@code names} name the tasks of {@code cycle}, in the same order, for the message. */
    DependencyCycle(List<Long> cycle, List<String> names) {
        super(
                "Dependency cycle",
                "This link would make tasks wait for themselves: " + String.join(" → ", names) + ".",
                Map.of("cycle", cycle, "names", names));
        this.cycle = List.copyOf(cycle);
    }

    public List<Long> cycle() {
        return cycle;
    }
}
