package org.okrpm.checkin.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;
import org.okrpm.kit.security.Caller;

/** The review's representations on the wire. */
public final class ReviewDtos {

    private ReviewDtos() {
    }

    @Schema(name = "ReviewCreate")
    public record ReviewCreate(
            @Schema(example = "TEAM_REVIEW") @NotNull ReviewType type,
            @Schema(example = "3f6c2d1e-8a4b-4c7d-9e0f-1a2b3c4d5e6f", description = "The cycle the meeting belongs "
                    + "to (optional); it must exist, and every objective in objectiveIds must be of it") UUID cycleId,
            @Schema(example = "team-a", description = "Required for a TEAM_REVIEW") @Size(max = 100) String teamId,
            @Schema(example = "[\"alice\", \"bob\"]",
                    description = "User ids, 1 to 100 distinct; exactly 2 for a ONE_ON_ONE")
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> participants,
            @Schema(description = "Objectives discussed; each must exist", example = "[]")
            @Size(max = 100) List<@NotNull UUID> objectiveIds,
            @Schema(example = "Revenue KR on track; hiring KR at risk, see blockers.") @Size(max = 10000) String notes,
            @Schema(example = "2026-11-20") @NotNull LocalDate heldOn) {

        ReviewUpdate fields() {
            return new ReviewUpdate(cycleId, teamId, participants, objectiveIds, notes, heldOn);
        }
    }

    /** The writable fields of a review, for PATCH: everything but its type. The create rules apply to the result. */
    @Schema(name = "ReviewUpdate")
    public record ReviewUpdate(
            @Schema(example = "3f6c2d1e-8a4b-4c7d-9e0f-1a2b3c4d5e6f", description = "null detaches it from its cycle")
            UUID cycleId,
            @Schema(example = "team-a", description = "Required for a TEAM_REVIEW") @Size(max = 100) String teamId,
            @Schema(example = "[\"alice\", \"bob\"]",
                    description = "User ids, 1 to 100 distinct; exactly 2 for a ONE_ON_ONE")
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> participants,
            @Schema(description = "Objectives discussed; each must exist (and be of cycleId, when set)", example = "[]")
            @Size(max = 100) List<@NotNull UUID> objectiveIds,
            @Schema(example = "Revenue KR on track; hiring KR at risk, see blockers.") @Size(max = 10000) String notes,
            @Schema(example = "2026-11-20") @NotNull LocalDate heldOn) {

        static ReviewUpdate of(Review review) {
            return new ReviewUpdate(review.cycleId, review.teamId, List.copyOf(review.participants),
                    List.copyOf(review.objectiveIds), review.notes, review.heldOn);
        }
    }

    /** A ONE_ON_ONE's notes are for its participants and admins; every other review's for every reader. */
    static boolean notesVisibleTo(Review review, Caller caller) {
        return review.type != ReviewType.ONE_ON_ONE || caller.isAdmin() || review.participants.contains(caller.subject());
    }

    @Schema(name = "Review")
    public record ReviewView(
            UUID id,
            ReviewType type,
            @Schema(nullable = true, description = "The cycle the meeting belongs to; null when none was given")
            UUID cycleId,
            @Schema(nullable = true, description = "Null for a ONE_ON_ONE held without a team") String teamId,
            List<String> participants,
            List<UUID> objectiveIds,
            @Schema(nullable = true, description = "A ONE_ON_ONE's notes are private: null unless the caller is "
                    + "one of its participants or an admin") String notes,
            LocalDate heldOn,
            @Schema(example = "alice", description = "Who recorded it (JWT sub)") String createdBy,
            Instant createdAt,
            long version) implements Versioned {

        /** The review as {@code caller} may see it: a ONE_ON_ONE's notes only for its participants and admins. */
        static ReviewView of(Review review, Caller caller) {
            boolean notesVisible = notesVisibleTo(review, caller);
            return new ReviewView(review.id, review.type, review.cycleId, review.teamId,
                    List.copyOf(review.participants), List.copyOf(review.objectiveIds),
                    notesVisible ? review.notes : null, review.heldOn, review.createdBy, review.createdAt,
                    review.version);
        }
    }
}
