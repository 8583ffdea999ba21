package org.okrpm.checkin.retrospective;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;

/** The retrospective's representations on the wire. */
public final class RetrospectiveDtos {

    private RetrospectiveDtos() {
    }

    @Schema(name = "RetrospectiveCreate")
    public record RetrospectiveCreate(
            @Schema(example = "3f6c2d1e-8a4b-4c7d-9e0f-1a2b3c4d5e6f") @NotNull UUID cycleId,
            @Schema(description = "An objective of that cycle; one retrospective per objective. Omit it for a "
                    + "whole-cycle retrospective of teamId", example = "8d7c6b5a-4e3f-4a1b-9c8d-7e6f5a4b3c2d")
            UUID objectiveId,
            @Schema(description = "The team of a whole-cycle retrospective (required without objectiveId, not "
                    + "allowed with one); one per cycle and team", example = "team-a")
            @Size(max = 100) String teamId,
            @Schema(example = "Weekly check-ins kept the revenue KR visible") @Size(max = 4000) String wentWell,
            @Schema(example = "Hiring KR had no owner for three weeks") @Size(max = 4000) String toImprove,
            @Schema(example = "Give every KR an owner in planning") @Size(max = 4000) String lessons) {

        RetrospectiveUpdate text() {
            return new RetrospectiveUpdate(wentWell, toImprove, lessons);
        }
    }

    /** The writable fields of a retrospective, for PATCH. */
    @Schema(name = "RetrospectiveUpdate")
    public record RetrospectiveUpdate(
            @Size(max = 4000) String wentWell,
            @Size(max = 4000) String toImprove,
            @Size(max = 4000) String lessons) {

        static RetrospectiveUpdate of(Retrospective retro) {
            return new RetrospectiveUpdate(retro.wentWell, retro.toImprove, retro.lessons);
        }

        boolean isEmpty() {
            return isBlank(wentWell) && isBlank(toImprove) && isBlank(lessons);
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }

    @Schema(name = "Retrospective")
    public record RetrospectiveView(
            UUID id,
            UUID cycleId,
            @Schema(nullable = true, description = "The objective it reflects on; null for a whole-cycle retrospective")
            UUID objectiveId,
            @Schema(nullable = true, description = "The team of a whole-cycle retrospective; null for an objective's",
                    example = "team-a") String teamId,
            @Schema(nullable = true) String wentWell,
            @Schema(nullable = true) String toImprove,
            @Schema(nullable = true) String lessons,
            @Schema(example = "alice", description = "Who wrote it first (JWT sub)") String authorId,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        static RetrospectiveView of(Retrospective retro) {
            return new RetrospectiveView(retro.id, retro.cycleId, retro.objectiveId, retro.teamId, retro.wentWell,
                    retro.toImprove, retro.lessons, retro.authorId, retro.createdAt, retro.updatedAt, retro.version);
        }
    }
}
