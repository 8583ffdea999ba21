package org.okrpm.project.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;

/** The task's representations on the wire. */
public final class TaskDtos {

    /** The largest task weight: sums of thousands of them stay exact in the key result rollup (V3 migration). */
    public static final String MAX_WEIGHT = "1000000";

    private TaskDtos() {
    }

    @Schema(name = "TaskCreate")
    public record TaskCreate(
            @Schema(example = "Design the sign-up flow") @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Schema(example = "bob") @Size(max = 100) String assigneeId,
            @Schema(example = "2026-11-30") LocalDate dueDate,
            @Schema(description = "The key result this task moves; must exist (422)") UUID keyResultId,
            @Schema(example = "1", description = "Share in progress; > 0 and ≤ 1000000, default 1")
            @Positive(message = "must be greater than 0")
            @DecimalMax(value = MAX_WEIGHT, message = "must be at most " + MAX_WEIGHT) Double weight) {
    }

    /** The writable fields of a task, for PATCH. */
    @Schema(name = "TaskUpdate")
    public record TaskUpdate(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Size(max = 100) String assigneeId,
            LocalDate dueDate,
            UUID keyResultId,
            @NotNull @Positive(message = "must be greater than 0")
            @DecimalMax(value = MAX_WEIGHT, message = "must be at most " + MAX_WEIGHT) Double weight,
            @NotNull TaskStatus status) {

        static TaskUpdate of(Task t) {
            return new TaskUpdate(t.title, t.description, t.assigneeId, t.dueDate, t.keyResultId, t.weight, t.status);
        }

        TaskUpdate withStatus(TaskStatus newStatus) {
            return new TaskUpdate(title, description, assigneeId, dueDate, keyResultId, weight, newStatus);
        }
    }

    /** {@code POST /tasks/bulk}: changes to apply all together, or none of them. */
    @Schema(name = "TaskBulkRequest")
    public record TaskBulkRequest(
            @Schema(type = SchemaType.ARRAY, implementation = TaskBulkChange.class, minItems = 1,
                    maxItems = TaskService.MAX_BULK_CHANGES)
            @NotNull @Size(min = 1, max = TaskService.MAX_BULK_CHANGES) List<ObjectNode> changes) {
    }

    /**
     * One change of a bulk request: the task's id and, beside it, a JSON merge patch of the task as for
     * {@code PATCH /tasks/{id}}. Only documents the shape: items are read as JSON, so an absent field stays
     * unchanged and {@code null} clears it.
     */
    @Schema(name = "TaskBulkChange", description = "The task's id and a JSON merge patch of its writable fields")
    public record TaskBulkChange(
            @Schema(required = true, description = "The task to change") UUID id,
            @Schema(example = "Design the sign-up flow") String title,
            String description,
            @Schema(example = "bob") String assigneeId,
            @Schema(example = "2026-11-30") LocalDate dueDate,
            @Schema(description = "A new one must exist (422); null unlinks") UUID keyResultId,
            @Schema(example = "2", description = "> 0 and ≤ 1000000") Double weight,
            @Schema(example = "DONE") TaskStatus status) {
    }

    /** The changed tasks, in the order of the request's changes. */
    @Schema(name = "TaskBulkResult")
    public record TaskBulkResult(List<TaskView> tasks) {
    }

    @Schema(name = "Task")
    public record TaskView(
            UUID id,
            UUID projectId,
            String title,
            @Schema(nullable = true) String description,
            @Schema(nullable = true) String assigneeId,
            @Schema(nullable = true) LocalDate dueDate,
            @Schema(nullable = true) UUID keyResultId,
            @Schema(example = "1") double weight,
            @Schema(example = "TODO") TaskStatus status,
            @Schema(nullable = true, description = "When the task became DONE; null while it is not DONE")
            Instant completedAt,
            Instant createdAt,
            Instant updatedAt,
            @Schema(nullable = true,
                    description = "The integration that made the task from an external item; null otherwise")
            UUID integrationId,
            @Schema(nullable = true, example = "github", enumeration = {"github", "jira", "generic"},
                    description = "github, jira or generic for a task made by an integration")
            String externalSource,
            @Schema(nullable = true, example = "octo-org/octo-repo#42",
                    description = "The external item the task stands for")
            String externalId,
            long version) implements Versioned {

        static TaskView of(Task t) {
            return new TaskView(t.id, t.projectId, t.title, t.description, t.assigneeId, t.dueDate, t.keyResultId,
                    t.weight, t.status, t.completedAt, t.createdAt, t.updatedAt, t.integrationId, t.externalSource,
                    t.externalId, t.version);
        }
    }
}
