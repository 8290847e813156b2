/**
 * Watchers and notifications: who watches a task (assignees, its author, people mentioned on it, and
 * whoever chose to), the notifications each person gets (mentioned, assigned, watching, a date moved, a
 * task entered the critical path, a deadline will be missed) with the edit and person that caused them,
 * the bell and notification centre, e-mail through SMTP (mentions and assignments right after the edit
 * commits, the rest in batches and a daily digest, driven by db-scheduler in the database), and each
 * person's preferences per kind and per project. It reacts to the task, schedule and collaboration
 * modules' events and owns only its own tables.
 */
@ApplicationModule(
        allowedDependencies = {"collaboration", "identity", "project", "risk", "schedule", "shared", "task", "web"})
package org.gantry.server.notification;

import org.springframework.modulith.ApplicationModule;
