package org.okrpm.project.task;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.project.keyresultwork.KeyResultWorkService;
import org.okrpm.project.keyresultwork.TouchedKeyResults;
import org.okrpm.project.project.ProjectDtos.OpenTask;
import org.okrpm.project.project.ProjectProgressCalculator.Standing;
import org.okrpm.project.project.ProjectProgressCalculator.StandingTally;
import org.okrpm.project.project.ProjectTasks;

/** The task side of a project: its punch list, its progress tally, and deleting its tasks with the project. */
@ApplicationScoped
public class TasksByProject implements ProjectTasks {

    private static final List<TaskStatus> OPEN = List.of(TaskStatus.TODO, TaskStatus.IN_PROGRESS);

    @Inject
    TaskEvents events;

    @Inject
    KeyResultWorkService keyResultWork;

    @Override
    public long countOpen(UUID projectId) {
        return Task.count("projectId = ?1 and status in ?2", projectId, OPEN);
    }

    @Override
    public List<OpenTask> oldestOpen(UUID projectId, int limit) {
        return Task.<Task>find("projectId = ?1 and status in ?2", Criteria.oldestFirst(), projectId, OPEN)
                .page(0, limit).list().stream()
                .map(t -> new OpenTask(t.id, t.title, t.status.name())).toList();
    }

    @Override
    public Map<UUID, List<StandingTally>> tallies(Collection<UUID> projectIds) {
        return Panache.getEntityManager().createQuery(
                        "select t.projectId, t.status, count(t), sum(t.weight) from Task t "
                                + "where t.projectId in :ids group by t.projectId, t.status", Object[].class)
                .setParameter("ids", projectIds).getResultList().stream()
                .collect(Collectors.groupingBy(row -> (UUID) row[0], Collectors.mapping(
                        row -> new StandingTally(standingOf((TaskStatus) row[1]), ((Number) row[2]).longValue(),
                                ((Number) row[3]).doubleValue()), Collectors.toList())));
    }

    @Override
    public void deleteAll(UUID projectId) {
        TouchedKeyResults touched = new TouchedKeyResults();
        List<Task> tasks = Task.list("projectId", projectId);
        for (Task task : tasks) {
            task.delete();
            touched.touch(task.id, task.keyResultId);
        }
        keyResultWork.rollUp(touched); // the rollups' events first, as TaskService writes them
        tasks.forEach(task -> events.publish(TaskEvents.DELETED, task));
    }

    private static Standing standingOf(TaskStatus status) {
        if (status.isOpen()) {
            return Standing.OPEN;
        }
        return status == TaskStatus.DONE ? Standing.DONE : Standing.CANCELLED;
    }
}
