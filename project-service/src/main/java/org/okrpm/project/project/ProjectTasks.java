package org.okrpm.project.project;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.okrpm.project.project.ProjectDtos.OpenTask;
import org.okrpm.project.project.ProjectProgressCalculator.StandingTally;

/**
 * What a project needs of its tasks. Implemented by the task package, so this package needs nothing of it and
 * the dependency stays one way (task → project).
 */
public interface ProjectTasks {

    /** How many of the project's tasks are still open (TODO or IN_PROGRESS): they block closing it. */
    long countOpen(UUID projectId);

    /** The project's open tasks, oldest first, at most {@code limit}: the punch list of a refused close. */
    List<OpenTask> oldestOpen(UUID projectId, int limit);

    /** The tasks of each project, grouped by standing; a project without tasks has no entry. */
    Map<UUID, List<StandingTally>> tallies(Collection<UUID> projectIds);

    /**
     * Deletes all tasks of the project, each published as deleted, and rolls up the key results they were
     * linked to without them.
     */
    void deleteAll(UUID projectId);
}
