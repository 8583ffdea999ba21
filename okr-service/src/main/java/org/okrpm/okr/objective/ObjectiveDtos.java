package org.okrpm.okr.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;

/** The objective's representations on the wire. */
public final class ObjectiveDtos {

    private ObjectiveDtos() {
    }

    @Schema(name = "ObjectiveCreate")
    public record ObjectiveCreate(
            @NotNull UUID cycleId,
            @Schema(example = "Delight our first enterprise customers") @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Schema(example = "TEAM") @NotNull ObjectiveLevel level,
            @Schema(description = "Defaults to the caller") @Size(max = 100) String ownerId,
            @Size(max = 100) String teamId,
            @Schema(description = "The objective this one aligns under") UUID parentId) {
    }

    /** The writable fields of an objective, for PATCH. */
    @Schema(name = "ObjectiveUpdate")
    public record ObjectiveUpdate(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull ObjectiveLevel level,
            @NotBlank @Size(max = 100) String ownerId,
            @Size(max = 100) String teamId,
            UUID parentId,
            @NotNull ObjectiveStatus status) {

        static ObjectiveUpdate of(Objective o) {
            return new ObjectiveUpdate(o.title, o.description, o.level, o.ownerId, o.teamId, o.parentId, o.status);
        }
    }

    @Schema(name = "Objective")
    public record ObjectiveView(
            UUID id,
            UUID cycleId,
            String title,
            @Schema(nullable = true) String description,
            ObjectiveLevel level,
            @Schema(nullable = true) String ownerId,
            @Schema(nullable = true) String teamId,
            @Schema(nullable = true) UUID parentId,
            ObjectiveStatus status,
            @Schema(description = "Weighted mean of its key results' progress, in [0, 1]") double progress,
            List<KeyResultView> keyResults,
            @Schema(nullable = true, description = "Who created it; with the owner, its team and admins, the only ones who may change "
                    + "it. Null for objectives created before this was recorded") String createdBy,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        static ObjectiveView of(Objective o, List<KeyResultView> keyResults) {
            return new ObjectiveView(o.id, o.cycleId, o.title, o.description, o.level, o.ownerId, o.teamId,
                    o.parentId, o.status, o.progress, keyResults, o.createdBy, o.createdAt, o.updatedAt, o.version);
        }
    }

    @Schema(name = "AlignmentNode", description = "An objective with the objectives aligned under it, recursively")
    public record AlignmentNode(
            UUID id,
            String title,
            ObjectiveLevel level,
            String ownerId,
            String teamId,
            ObjectiveStatus status,
            double progress,
            List<AlignmentNode> children) {
    }
}
