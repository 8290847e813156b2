/**
 * Change control: a project's change requests (a proposal with its reason and who asked, and a list of
 * proposed plan edits: add or remove a task, change a duration, add or remove a link), taken through DRAFT ->
 * SUBMITTED -> APPROVED / REJECTED / DEFERRED ({@code /api/v1/projects/{p}/change-requests}). The impact is
 * computed by the engine on a what-if copy of the stored plan (read through the schedule module's
 * {@code ProjectScheduler.network}); approving applies the edits through the task module's services in one
 * transaction, as ordinary edits, and records the decision in the activity log.
 */
@ApplicationModule(
        allowedDependencies = {"collaboration", "cost", "identity", "project", "resource", "schedule", "shared", "task"
        })
package org.gantry.server.change;

import org.springframework.modulith.ApplicationModule;
