/**
 * Engineering signals: incoming webhooks of git hosts and CI (GitHub, GitLab, Gitea/Forgejo and a documented
 * generic format). Owners and managers keep a project's webhooks ({@code /api/v1/projects/{p}/webhooks});
 * deliveries arrive without a session at {@code POST /api/v1/hooks/{publicId}}, are verified by the
 * provider's signature, stored once per delivery id, and reduced to commits, branches, pull requests,
 * checks, releases, deployments and labelled issues. Commits, branches and pull requests that name a task
 * ({@code DEMO-42}, or the task's URL) are linked to it ({@code .../tasks/{id}/development}). The stored
 * deployments, commits and labelled issues give the DORA and quality measures ({@code .../delivery-metrics},
 * {@link org.gantry.server.signals.DeliveryMeasures}), per service, with the project's status rules (pull requests,
 * deployments to production, the hotfix failure window). Releases can be linked to milestones ({@code .../releases}).
 * Outgoing webhooks ({@code .../outgoing-webhooks}) post signed task, milestone and schedule changes, queued by a
 * trigger on the activity log and sent by {@link org.gantry.server.signals.OutgoingSender}. Writes only its
 * own tables; webhook changes and refused deliveries go to the security audit log as {@link
 * org.gantry.server.signals.WebhookSecurityEvent}s.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "shared", "task", "web"})
package org.gantry.server.signals;

import org.springframework.modulith.ApplicationModule;
