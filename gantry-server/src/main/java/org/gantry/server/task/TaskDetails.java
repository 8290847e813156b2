package org.gantry.server.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A task with the links into it (predecessors) and out of it (successors). */
public record TaskDetails(@JsonUnwrapped Task task, List<Link> predecessors, List<Link> successors) {}
