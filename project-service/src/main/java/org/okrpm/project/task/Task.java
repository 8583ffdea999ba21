package org.okrpm.project.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.okrpm.kit.persistence.AuditedEntity;

@Entity
@Table(name = "task")
public class Task extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 4000)
    public String description;

    @Column(name = "assignee_id", length = 100)
    public String assigneeId;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "key_result_id")
    public UUID keyResultId;

    @Column(nullable = false)
    public double weight;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public TaskStatus status;

    /** When the task last became DONE; null while it is not DONE. */
    @Column(name = "completed_at")
    public Instant completedAt;

    /** The integration that made this task from an external item (null for tasks made here, or once it is deleted). */
    @Column(name = "integration_id")
    public UUID integrationId;

    /** github, jira or generic: where the external item lives. */
    @Column(name = "external_source", length = 10)
    public String externalSource;

    /** The external item, e.g. {@code octo-org/octo-repo#42} or {@code OPS-12}; unique per integration. */
    @Column(name = "external_id", length = 200)
    public String externalId;
}
