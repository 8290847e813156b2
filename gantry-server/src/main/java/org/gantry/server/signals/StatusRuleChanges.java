package org.gantry.server.signals;

/** New status rules (null or "" turns a rule off); {@code version} as last read (0 before any was saved). */
record StatusRuleChanges(String pullRequestOpened, String pullRequestMerged, Integer version) {}
