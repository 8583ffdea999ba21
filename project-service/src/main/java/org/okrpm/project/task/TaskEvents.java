package org.okrpm.project.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.okrpm.kit.events.Outbox;
import org.okrpm.project.keyresult.KeyResultReplicas;
import org.okrpm.project.keyresult.KeyResultReplicas.Placement;

/** The project.tasks topic of docs/events.md: okr-service moves TASKS key results from it. */
@ApplicationScoped
public class TaskEvents {

    public static final String TOPIC = "project.tasks";
    public static final String CREATED = "project.task.created";
    public static final String UPDATED = "project.task.updated";
    public static final String COMPLETED = "project.task.completed";
    public static final String REOPENED = "project.task.reopened";
    public static final String DELETED = "project.task.deleted";

    /**
     * The task after the change; a deletion carries the last state, deleted, one version on.
     * {@code previousKeyResultId} is present only when this change moved the task to another key result
     * (or unlinked it), so the consumer can recompute the key result it left. {@code objectiveId} and
     * {@code cycleId} are those of its key result as the key-result replica knows them (null when unlinked or
     * not known yet), so consumers can scope task events by cycle or objective.
     */
    public record TaskSnapshot(UUID id, UUID projectId, String title, String assigneeId, LocalDate dueDate,
                               UUID keyResultId,
                               @JsonInclude(JsonInclude.Include.NON_NULL) UUID previousKeyResultId,
                               UUID objectiveId, UUID cycleId,
                               TaskStatus status, double weight, Instant completedAt, boolean deleted,
                               long version) {
    }

    @Inject
    Outbox outbox;

    @Inject
    KeyResultReplicas keyResults;

    /** The type of a change from {@code before} to the task's status now: completed, reopened or updated. */
    public static String typeOfChange(TaskStatus before, TaskStatus after) {
        if (after == TaskStatus.DONE && before != TaskStatus.DONE) {
            return COMPLETED;
        }
        if (before == TaskStatus.DONE && after != TaskStatus.DONE) {
            return REOPENED;
        }
        return UPDATED;
    }

    /** Call after flushing, so the snapshot carries the new version. */
    public void publish(String type, Task task) {
        publish(type, task, null);
    }

    /** @param previousKeyResultId the key result the task was linked to before, when this change moved it */
    public void publish(String type, Task task, UUID previousKeyResultId) {
        boolean deleted = DELETED.equals(type);
        Placement placement = keyResults.placementOf(task.keyResultId);
        outbox.publish(TOPIC, type, task.id, new TaskSnapshot(task.id, task.projectId, task.title, task.assigneeId,
                task.dueDate, task.keyResultId, previousKeyResultId, placement.objectiveId(), placement.cycleId(),
                task.status, task.weight, task.completedAt,
                deleted, deleted ? task.version + 1 : task.version));
    }
}
