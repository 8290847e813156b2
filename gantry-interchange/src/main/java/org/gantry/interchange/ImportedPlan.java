package org.gantry.interchange;

/** An imported file: the plan to store, and the report to show before the user chooses whose dates to keep. */
public record ImportedPlan(Plan plan, ImportReport report) {}
