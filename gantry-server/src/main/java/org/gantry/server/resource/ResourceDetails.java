package org.gantry.server.resource;

import java.util.List;

/** A resource with every assignment it has, in the order of the work breakdown. */
public record ResourceDetails(Resource resource, List<Assignment> assignments) {}
