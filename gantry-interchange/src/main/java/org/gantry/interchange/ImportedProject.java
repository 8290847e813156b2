package org.gantry.interchange;

import java.util.Map;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.TaskId;
import org.mpxj.ProjectFile;

/** A project file read by MPXJ, with the engine network built from it and the task each id came from. */
public record ImportedProject(ProjectFile file, ProjectNetwork network, Map<TaskId, org.mpxj.Task> sources) {}
