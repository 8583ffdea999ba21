package org.okrpm.project.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.okrpm.kit.http.IfMatch;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.project.keyresult.KeyResultDirectory;
import org.okrpm.project.keyresult.KeyResultUnconfirmedException;
import org.okrpm.project.project.Project;
import org.okrpm.project.project.ProjectService;
import org.okrpm.project.task.TaskDtos.TaskCreate;
import org.okrpm.project.task.TaskDtos.TaskUpdate;
import org.okrpm.project.task.TaskDtos.TaskView;

/** Tasks of a project. Every change locks the project first, so none slips in while it closes. */
@ApplicationScoped
@Transactional
public class TaskService {

    @Inject
    ProjectService projects;

    @Inject
    KeyResultDirectory keyResults;

    @Inject
    MergePatcher patcher;

    @Inject
    TaskEvents events;

    /** The filters of {@code GET /projects/{id}/tasks}; null means "any". */
    public record TaskFilter(TaskStatus status, String assigneeId, UUID keyResultId) {
    }

    /** Where a task made by an integration comes from: the integration, its source and the external item. */
    public record ExternalOrigin(UUID integrationId, String source, String externalId) {
    }

    public TaskView create(UUID projectId, TaskCreate body) {
        return create(projectId, body, null);
    }

    /**
     * Creates a task, published like any other. With an {@code origin} (a task an integration makes from an
     * external item) the keyResultId is the integration's default, checked when the integration was created,
     * so it is not looked up again here: a webhook carries no credentials for the okr-service lookup.
     */
    public TaskView create(UUID projectId, TaskCreate body, ExternalOrigin origin) {
        Project project = projects.lockOpen(projectId);
        if (origin == null) {
            checkKeyResult(body.keyResultId());
        }
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.projectId = project.id;
        task.title = body.title().trim();
        task.description = body.description();
        task.assigneeId = body.assigneeId();
        task.dueDate = body.dueDate();
        task.keyResultId = body.keyResultId();
        task.weight = body.weight() == null ? 1.0 : body.weight();
        task.status = TaskStatus.TODO;
        if (origin != null) {
            task.integrationId = origin.integrationId();
            task.externalSource = origin.source();
            task.externalId = origin.externalId();
        }
        task.persistAndFlush();
        events.publish(TaskEvents.CREATED, task);
        return TaskView.of(task);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<TaskView> list(UUID projectId, TaskFilter filter, PageRequest page) {
        projects.require(projectId);
        Criteria criteria = Criteria.where()
                .eq("projectId", projectId)
                .eq("status", filter.status())
                .eq("assigneeId", filter.assigneeId())
                .eq("keyResultId", filter.keyResultId());
        return PageResponse.of(Task.<Task>find(criteria.query(), Criteria.oldestFirst(), criteria.parameters()),
                page, TaskView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskView get(UUID id) {
        return TaskView.of(require(id));
    }

    /**
     * Changes a task. completedAt is set when it becomes DONE and cleared when it leaves DONE; a changed
     * keyResultId must exist (an unchanged one is not checked again).
     */
    public TaskView update(UUID id, String ifMatch, JsonNode patch) {
        Task task = require(id);
        IfMatch.check(ifMatch, task.version);
        projects.lockOpen(task.projectId);
        TaskUpdate update = patcher.apply(TaskUpdate.of(task), patch, TaskUpdate.class);
        if (!Objects.equals(update.keyResultId(), task.keyResultId)) {
            checkKeyResult(update.keyResultId());
        }
        UUID previousKeyResultId = task.keyResultId;
        TaskStatus previousStatus = task.status;
        long previousVersion = task.version;
        if (update.status() == TaskStatus.DONE && task.status != TaskStatus.DONE) {
            task.completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // what the database keeps
        } else if (update.status() != TaskStatus.DONE) {
            task.completedAt = null;
        }
        task.title = update.title().trim();
        task.description = update.description();
        task.assigneeId = update.assigneeId();
        task.dueDate = update.dueDate();
        task.keyResultId = update.keyResultId();
        task.weight = update.weight();
        task.status = update.status();
        Panache.getEntityManager().flush();
        if (task.version != previousVersion) { // a patch that changed nothing makes no version and no event
            events.publish(TaskEvents.typeOfChange(previousStatus, task.status), task,
                    Objects.equals(previousKeyResultId, task.keyResultId) ? null : previousKeyResultId);
        }
        return TaskView.of(task);
    }

    public void delete(UUID id, String ifMatch) {
        Task task = require(id);
        IfMatch.check(ifMatch, task.version);
        projects.lockOpen(task.projectId);
        events.publish(TaskEvents.DELETED, task);
        task.delete();
    }

    /** The task, or 404. */
    public Task require(UUID id) {
        Task task = Task.findById(id);
        if (task == null) {
            throw ProblemException.notFound("Task", id);
        }
        return task;
    }

    private void checkKeyResult(UUID keyResultId) {
        if (keyResultId == null) {
            return;
        }
        boolean exists;
        try {
            exists = keyResults.exists(keyResultId);
        } catch (KeyResultUnconfirmedException e) {
            throw ProblemException.unprocessable("keyResultId", e.getMessage());
        }
        if (!exists) {
            throw ProblemException.unprocessable("keyResultId", "Key result " + keyResultId + " does not exist");
        }
    }
}
