/**
 * A realistic sample project (a customer-portal relaunch: about 60 tasks, summaries, milestones,
 * FS/SS/FF links with lags, five people and a sponsor), created through the same services as everything
 * else. It states durations and links only and lets the engine compute every date (no constraints);
 * it then has a baseline, progress up to its status date and one revised estimate, so the Gantt shows a
 * critical path and variance. Asked for with {@code --demo}, {@code GANTRY_DEMO=true} or
 * {@code POST /api/v1/admin/demo}; created at most once.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "schedule", "shared", "task"})
package org.gantry.server.demo;

import org.springframework.modulith.ApplicationModule;
