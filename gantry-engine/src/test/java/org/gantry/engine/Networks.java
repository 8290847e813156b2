package org.gantry.engine;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Small networks for tests, on the standard calendar (Mon-Fri 08:00-12:00, 13:00-17:00). */
final class Networks {
    /** A Monday. */
    static final LocalDateTime START = LocalDateTime.of(2024, 3, 4, 8, 0);

    private Networks() {}

    static TaskId id(String value) {
        return TaskId.of(value);
    }

    static Task task(String id, double days) {
        return Task.of(id, WorkDuration.days(days));
    }

    static ProjectNetwork network(List<Task> tasks, List<Link> links) {
        return ProjectNetwork.of(START, tasks, links);
    }

    static Link finishStart(String predecessor, String successor) {
        return Link.finishStart(id(predecessor), id(successor));
    }

    static Link link(String predecessor, String successor, LinkType type, WorkDuration lag) {
        return Link.of(id(predecessor), id(successor), type, lag);
    }

    /** Tasks T1..Tn of two days each, each finish-to-start after the one before. */
    static ProjectNetwork chainOf(int count) {
        List<Task> tasks = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            tasks.add(task("T" + i, 2));
            if (i > 1) {
                links.add(finishStart("T" + (i - 1), "T" + i));
            }
        }
        return network(tasks, links);
    }

    /** A (1 d) forks to B (3 d) and C (1 d), which join at D (1 d): C has two days of slack. */
    static ProjectNetwork rhombus() {
        return network(
                List.of(task("A", 1), task("B", 3), task("C", 1), task("D", 1)),
                List.of(finishStart("A", "B"), finishStart("A", "C"), finishStart("B", "D"), finishStart("C", "D")));
    }

    /** A (1 d) forks to B (2 d) and C (4 d), with no join: B ends early and has slack to the project end. */
    static ProjectNetwork fork() {
        return network(
                List.of(task("A", 1), task("B", 2), task("C", 4)),
                List.of(finishStart("A", "B"), finishStart("A", "C")));
    }

    /** Predecessor P (2 d) and successor S (1 d) joined by one link. */
    static ProjectNetwork pair(LinkType type, WorkDuration lag) {
        return network(List.of(task("P", 2), task("S", 1)), List.of(link("P", "S", type, lag)));
    }

    static LocalDateTime at(int month, int day, int hour) {
        return LocalDateTime.of(2024, month, day, hour, 0);
    }
}
