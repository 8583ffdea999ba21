package org.okrpm.project.task;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.okrpm.project.keyresult.KeyResultSuccession;
import org.okrpm.project.keyresultwork.KeyResultWorkService;
import org.okrpm.project.keyresultwork.TouchedKeyResults;
import org.okrpm.project.project.ProjectService;

/**
 * A key result rolled over into another cycle takes its open tasks (TODO, IN_PROGRESS) along; DONE and CANCELLED
 * ones stay with the old key result, whose work they are. Tasks of a project that is no longer open stay too:
 * nothing of it changes any more. Like any task change: the projects locked first (in id order), then one rollup
 * each for the old and the new key result, then a {@code project.task.updated} per task naming the key result it
 * left. Applied again, it finds no open task left on the old key result and changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RolledOverTasks implements KeyResultSuccession {

    @Inject
    ProjectService projects;

    @Inject
    KeyResultWorkService keyResultWork;

    @Inject
    TaskEvents events;

    @Override
    public void rolledOver(UUID previousId, UUID keyResultId) {
        List<TaskStatus> open = List.of(TaskStatus.TODO, TaskStatus.IN_PROGRESS);
        List<UUID> projectIds = Panache.getEntityManager().createQuery("select distinct t.projectId from Task t "
                        + "where t.keyResultId = :keyResultId and t.status in :open", UUID.class)
                .setParameter("keyResultId", previousId).setParameter("open", open).getResultList();
        List<UUID> openProjects = new ArrayList<>();
        for (UUID projectId : new TreeSet<>(projectIds)) { // the order every change of many projects locks them in
            if (projects.lock(projectId).stage.isOpen()) {
                openProjects.add(projectId);
            }
        }
        if (openProjects.isEmpty()) {
            return;
        }
        // read under the projects' locks: no other change of these tasks is under way
        List<Task> moved = Task.list("keyResultId = ?1 and status in ?2 and projectId in ?3", previousId, open,
                openProjects);
        moved.forEach(task -> task.keyResultId = keyResultId);
        if (moved.isEmpty()) {
            return;
        }
        Panache.getEntityManager().flush();
        TouchedKeyResults touched = new TouchedKeyResults();
        moved.forEach(task -> touched.touch(task.id, previousId, keyResultId));
        keyResultWork.rollUp(touched); // first, as every task change does: see TaskService
        moved.forEach(task -> events.publish(TaskEvents.UPDATED, task, previousId));
    }
}
