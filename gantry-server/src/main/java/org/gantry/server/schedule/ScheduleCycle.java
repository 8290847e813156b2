package org.gantry.server.schedule;

import java.util.List;
import java.util.Map;
import org.gantry.server.shared.Conflict;

/**
 * The network has a loop the link check cannot see (one through a summary task: a link into a summary
 * binds all its subtasks). Like {@code task.DependencyCycle}: {@code cycle} lists the task ids around
 * the loop and {@code names} their names, so the person can find the link to remove.
 */
class ScheduleCycle extends Conflict {

    ScheduleCycle(List<Long> cycle, List<String> names) {
        super(
                "Dependency cycle",
                "These tasks would wait for themselves: " + String.join(" → ", names) + ".",
                Map.of("cycle", cycle, "names", names));
    }
}
