package org.gantry.server.web;

import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import org.gantry.server.api.ApiClient;
import org.gantry.server.api.GantryApi;

/**
 * A project planned through the REST API as the admin, for a browser test to open: work resources, tasks
 * with a duration and assignments with units, each made by the call a planner's tool would make.
 */
final class PlannedProject {
    final ApiClient admin;
    final String key;
    final String api;

    private PlannedProject(ApiClient admin, String key) {
        this.admin = admin;
        this.key = key;
        this.api = "/api/v1/projects/" + key;
    }

    /** A new project of {@code name} whose plan starts on {@code start}. */
    static PlannedProject starting(int port, String name, LocalDate start) {
        ApiClient admin = GantryApi.onPort(port).admin();
        return new PlannedProject(admin, GantryApi.newProjectStarting(admin, name, start));
    }

    /** A work resource of the project at 100 % maximum units; its id. */
    long resource(String name) {
        return GantryApi.created(admin.post(api + "/resources", json("name", name)))
                .get("id")
                .asLong();
    }

    /** A task with a duration such as "5d"; its id. */
    long task(String name, String duration) {
        return GantryApi.taskId(admin, key, json("name", name, "duration", duration));
    }

    void assign(long task, long resource, int units) {
        GantryApi.created(
                admin.post(api + "/tasks/" + task + "/assignments", json("resourceId", resource, "units", units)));
    }
}
