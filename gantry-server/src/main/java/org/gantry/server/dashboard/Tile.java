package org.gantry.server.dashboard;

import java.util.Arrays;
import java.util.List;

/** The dashboard's tiles in their default order, with the ids the API and the page use. */
enum Tile {
    HEALTH("health", "Health"),
    PROGRESS("progress", "% complete"),
    MILESTONES("milestones", "Milestones"),
    FINISH("finish", "Finish date"),
    CRITICAL_PATH("critical-path", "Critical path"),
    TASKS("tasks", "Late and due"),
    WORKLOAD("workload", "Team workload"),
    COST("cost", "Cost and earned value"),
    RISK("risk", "Risks"),
    DELIVERY("delivery", "Delivery");

    final String id;
    final String title;

    Tile(String id, String title) {
        this.id = id;
        this.title = title;
    }

    static final List<String> IDS = Arrays.stream(values()).map(tile -> tile.id).toList();

    static Tile of(String id) {
        for (Tile tile : values()) {
            if (tile.id.equals(id)) {
                return tile;
            }
        }
        return null;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
