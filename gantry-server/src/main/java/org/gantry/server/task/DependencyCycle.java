package org.gantry.server.task;

import java.util.List;
import java.util.Map;
import org.gantry.server.shared.Conflict;

/** The link would make a task wait for itself; {@code cycle} lists the task ids around the loop. */
public class DependencyCycle extends Conflict {

    private final List<Long> cycle;

    DependencyCycle(List<Long> cycle) {
        super(
                "Dependency cycle",
                "This link would make tasks wait for themselves: " + cycle + ".",
                Map.of("cycle", cycle));
        this.cycle = List.copyOf(cycle);
    }

    public List<Long> cycle() {
        return cycle;
    }
}
