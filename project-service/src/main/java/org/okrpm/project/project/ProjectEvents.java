package org.okrpm.project.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.okrpm.kit.events.Outbox;
import org.okrpm.project.project.ProjectDtos.Money;

/** The project.projects topic of docs/events.md: what other services learn about projects. */
@ApplicationScoped
public class ProjectEvents {

    public static final String TOPIC = "project.projects";
    public static final String CREATED = "project.project.created";
    public static final String UPDATED = "project.project.updated";
    public static final String STAGE_CHANGED = "project.project.stage-changed";
    public static final String DELETED = "project.project.deleted";

    /**
     * The project's own fields after the change; a deletion carries the last state, deleted, one version on.
     * The derived figures (actualCost, taskStats, progress) are left out: they change without the project's
     * version changing, so a version-ordered consumer could not keep them right.
     */
    public record ProjectSnapshot(UUID id, String name, String description, String businessCase, String ownerId,
                                  ProjectStage stage, LocalDate startDate, LocalDate dueDate, Money budget,
                                  List<UUID> keyResultIds, boolean deleted, long version) {
    }

    @Inject
    Outbox outbox;

    /** Call after flushing, so the snapshot carries the new version. */
    public void publish(String type, Project project) {
        boolean deleted = DELETED.equals(type);
        outbox.publish(TOPIC, type, project.id, new ProjectSnapshot(project.id, project.name, project.description,
                project.businessCase, project.ownerId, project.stage, project.startDate, project.dueDate,
                ProjectDtos.budgetOf(project), List.copyOf(project.keyResultIds), deleted,
                deleted ? project.version + 1 : project.version));
    }
}
