package org.gantry.server.change;

import java.util.List;

/** A change request to draft. Required: title. requestedBy is free text (the caller's name when left out). */
public record NewChangeRequest(
        String title, String description, String reason, String requestedBy, List<ProposedEdit> edits) {}
