package org.gantry.server.change;

import java.util.List;

/** Changes to a draft: only the fields given change; {@code edits}, when given, replaces the list. Version required. */
public record ChangeRequestChanges(
        String title,
        String description,
        String reason,
        String requestedBy,
        List<ProposedEdit> edits,
        Integer version) {}
