/**
 * Working together on a task: comments with @mentions (Markdown, sanitised), attachments (files kept on
 * the server's disk) and the activity feed of what changed, by whom and when. It publishes
 * events the notification module reacts to.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "shared", "web"})
package org.gantry.server.collaboration;

import org.springframework.modulith.ApplicationModule;
