package org.okrpm.project.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;

/** The task's representations on the wire. */
public final class TaskDtos {

    private TaskDtos() {
    }

    @Schema(name = "TaskCreate")
    public record TaskCreate(
            @Schema(example = "Design the sign-up flow") @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Schema(example = "bob") @Size(max = 100) String assigneeId,
            @Schema(example = "2026-11-30") LocalDate dueDate,
            @Schema(description = "The key result this task moves; must exist (422)") UUID keyResultId,
            @Schema(example = "1", description = "Share in progress; > 0, default 1")
            @Positive(message = "must be greater than 0") Double weight) {
    }

    /** The writable fields of a task, for PATCH. */
    @Schema(name = "TaskUpdate")
    public record TaskUpdate(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Size(max = 100) String assigneeId,
            LocalDate dueDate,
            UUID keyResultId,
            @NotNull @Positive(message = "must be greater than 0") Double weight,
            @NotNull TaskStatus status) {

        static TaskUpdate of(Task t) {
            return new TaskUpdate(t.title, t.description, t.assigneeId, t.dueDate, t.keyResultId, t.weight, t.status);
        }
    }

    @Schema(name = "Task")
    public record TaskView(
            UUID id,
            UUID projectId,
            String title,
            String description,
            String assigneeId,
            LocalDate dueDate,
            UUID keyResultId,
            @Schema(example = "1") double weight,
            @Schema(example = "TODO") TaskStatus status,
            @Schema(description = "When the task became DONE; null while it is not DONE") Instant completedAt,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "The integration that made the task from an external item; null otherwise")
            UUID integrationId,
            @Schema(example = "github", description = "github, jira or generic for a task made by an integration")
            String externalSource,
            @Schema(example = "octo-org/octo-repo#42", description = "The external item the task stands for")
            String externalId,
            long version) implements Versioned {

        static TaskView of(Task t) {
            return new TaskView(t.id, t.projectId, t.title, t.description, t.assigneeId, t.dueDate, t.keyResultId,
                    t.weight, t.status, t.completedAt, t.createdAt, t.updatedAt, t.integrationId, t.externalSource,
                    t.externalId, t.version);
        }
    }
}
