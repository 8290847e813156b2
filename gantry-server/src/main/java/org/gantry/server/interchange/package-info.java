/**
 * Import and export: files from Microsoft Project, Primavera, GanttProject and every other format MPXJ
 * reads become a new project (tasks, outline, durations, dates, progress, links), with the import report
 * of dates Gantry's engine would change; a project goes out as MSPDI, XER, CSV or Excel. The file formats
 * themselves live in gantry-interchange; this package only moves plans in and out of the project and task
 * services, inside one transaction so a failed import leaves nothing behind.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "shared", "task", "web"})
package org.gantry.server.interchange;

import org.springframework.modulith.ApplicationModule;
