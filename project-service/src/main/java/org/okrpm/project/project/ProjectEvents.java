package org.okrpm.project.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.okrpm.kit.events.Outbox;
import org.okrpm.project.keyresult.KeyResultReplicas;
import org.okrpm.project.keyresult.KeyResultReplicas.Placement;
import org.okrpm.project.project.ProjectDtos.Money;

/** The project.projects topic of docs/events.md: what other services learn about projects. */
@ApplicationScoped
public class ProjectEvents {

    public static final String TOPIC = "project.projects";
    public static final String CREATED = "project.project.created";
    public static final String UPDATED = "project.project.updated";
    public static final String STAGE_CHANGED = "project.project.stage-changed";
    public static final String DELETED = "project.project.deleted";
    /** The computed health moved (a task, cost, date or stage change, or a new day): the version does not. */
    public static final String HEALTH_CHANGED = "project.project.health-changed";

    /**
     * The project's own fields after the change; a deletion carries the last state, deleted, one version on.
     * {@code objectiveIds} and {@code cycleIds} are those of its key results as the key-result replica knows them
     * (so consumers can scope by cycle or objective), {@code health} the status computed for the day of the event.
     * The other derived figures (actualCost, taskStats, progress) are left out: they change without the project's
     * version changing, so a version-ordered consumer could not keep them right.
     */
    public record ProjectSnapshot(UUID id, String name, String description, String businessCase, String ownerId,
                                  ProjectStage stage, LocalDate startDate, LocalDate dueDate, Money budget,
                                  List<UUID> keyResultIds, List<UUID> objectiveIds, List<UUID> cycleIds,
                                  HealthStatus health, boolean deleted, long version) {
    }

    @Inject
    Outbox outbox;

    @Inject
    KeyResultReplicas keyResults;

    /** Call after flushing, so the snapshot carries the new version. */
    public void publish(String type, Project project, HealthStatus health) {
        boolean deleted = DELETED.equals(type);
        List<Placement> placements = keyResults.placementsOf(project.keyResultIds);
        outbox.publish(TOPIC, type, project.id, new ProjectSnapshot(project.id, project.name, project.description,
                project.businessCase, project.ownerId, project.stage, project.startDate, project.dueDate,
                ProjectDtos.budgetOf(project), List.copyOf(project.keyResultIds),
                distinct(placements, Placement::objectiveId), distinct(placements, Placement::cycleId), health,
                deleted, deleted ? project.version + 1 : project.version));
    }

    private static List<UUID> distinct(List<Placement> placements, Function<Placement, UUID> id) {
        return placements.stream().map(id).filter(Objects::nonNull).distinct().sorted().toList();
    }
}
