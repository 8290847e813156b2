/**
 * Status reports: one click freezes a project's dashboard at a report date, with the sections a sponsor reads
 * (the project manager's RAG per area and comment, milestones against a chosen baseline, key risks and open
 * issues, accomplishments since the previous report, next steps, a schedule variance table), as a draft the
 * project manager edits and then publishes. Published reports never change. Each report is a page, a PDF
 * and an Excel workbook.
 */
@ApplicationModule(
        allowedDependencies = {"dashboard", "identity", "project", "risk", "schedule", "shared", "web", "workload"})
package org.gantry.server.report;

import org.springframework.modulith.ApplicationModule;
