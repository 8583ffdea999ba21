package org.okrpm.okr.linkedtask;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.okrpm.okr.keyresult.ProgressCalculator.TaskContribution;

/**
 * okr-service's copy of a project task that is linked to a key result, kept from project-service's task
 * events. {@code version} is the task's own version, so an older snapshot arriving late is ignored.
 */
@Entity
@Table(name = "linked_task")
public class LinkedTask extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "key_result_id")
    public UUID keyResultId;

    @Column(nullable = false)
    public double weight;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public LinkedTaskStatus status;

    @Column(name = "task_version", nullable = false)
    public long taskVersion;

    /**
     * What each task linked to a key result contributes to its TASKS progress, read as values: a key result with
     * hundreds of tasks recomputes on every task event without loading (and dirty-checking) hundreds of entities.
     */
    public static List<TaskContribution> contributionsTo(UUID keyResultId) {
        return find("keyResultId", keyResultId).project(TaskContribution.class).list();
    }
}
