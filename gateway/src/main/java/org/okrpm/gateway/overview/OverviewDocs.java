package org.okrpm.gateway.overview;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The overview's shape, for the OpenAPI document (the body itself is assembled from the owners' JSON). */
public final class OverviewDocs {

    private OverviewDocs() {
    }

    // The owners' own schemas, by name: they are defined in the owners' parts of the merged document, so the
    // overview's parts have the same generated types as the answers of the owners' operations.

    @Schema(ref = "Cycle")
    public record CycleRef() {
    }

    @Schema(ref = "KeyResult")
    public record KeyResultRef() {
    }

    @Schema(ref = "CheckIn")
    public record CheckInRef() {
    }

    @Schema(ref = "Project")
    public record ProjectRef() {
    }

    @Schema(name = "ObjectiveOverview")
    public record ObjectiveOverview(
            @Schema(description = "The objective as okr-service returns it, without its embedded keyResults")
            Map<String, Object> objective,
            List<KeyResultOverview> keyResults,
            @Schema(description = "Owner services that could not give their part, e.g. [\"checkin-service\"]",
                    example = "[]")
            List<String> unavailable) {
    }

    @Schema(name = "CycleOverview")
    public record CycleOverview(
            @Schema(description = "The cycle as okr-service returns it") CycleRef cycle,
            @Schema(description = "The team asked for with ?teamId=, null for the whole cycle", nullable = true)
            String teamId,
            @Schema(description = "Every objective of the cycle (or of the team), oldest first")
            List<CycleObjective> objectives,
            @Schema(description = "Owner services that could not give their part, e.g. [\"project-service\"]",
                    example = "[]")
            List<String> unavailable) {
    }

    @Schema(name = "CycleOverviewObjective")
    public record CycleObjective(
            @Schema(description = "The objective as okr-service returns it, without its embedded keyResults")
            Map<String, Object> objective,
            @Schema(description = "Its key results, each with its linked projects (with health) and latest check-in")
            List<KeyResultOverview> keyResults) {
    }

    @Schema(name = "KeyResultOverview")
    public record KeyResultOverview(
            @Schema(description = "The key result as okr-service returns it") KeyResultRef keyResult,
            LinkedProjects projects,
            LatestCheckIn latestCheckIn) {
    }

    @Schema(name = "OverviewLinkedProjects", requiredProperties = "available",
            description = "The projects linked to the key result, each with taskStats and health")
    public record LinkedProjects(
            @Schema(description = "false when project-service could not answer") boolean available,
            @Schema(description = "project-service's projects (absent when unavailable)") List<ProjectRef> items,
            @Schema(description = "Why the part is missing (only when unavailable)") String reason) {
    }

    @Schema(name = "OverviewLatestCheckIn", requiredProperties = "available", description = "The newest check-in of the key result")
    public record LatestCheckIn(
            @Schema(description = "false when checkin-service could not answer") boolean available,
            @Schema(description = "The check-in, null when there is none yet (absent when unavailable)", nullable = true)
            CheckInRef checkIn,
            @Schema(description = "Why the part is missing (only when unavailable)") String reason) {
    }
}
