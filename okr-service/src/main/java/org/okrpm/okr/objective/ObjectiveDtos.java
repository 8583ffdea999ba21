package org.okrpm.okr.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;
import org.okrpm.okr.pace.Pace;
import org.okrpm.okr.pace.PaceStatus;

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
            @Schema(description = "The objective this one aligns under") UUID parentId,
            @Schema(example = "CHILDREN", description = "Default: KEY_RESULTS once it has key results, else CHILDREN")
            ProgressMode progressMode,
            @Schema(example = "1", description = "Its share in its parent's progress; default 1")
            @Positive(message = "must be greater than 0") Double weight,
            @Schema(example = "PUBLIC", description = "Default PUBLIC; PRIVATE: only its owner, creator, team and "
                    + "admins see it") Visibility visibility) {
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
            @Schema(description = "The lifecycle; replaces `status` of v1.0") @NotNull ObjectiveState state,
            @Schema(description = "Null: back to the default") ProgressMode progressMode,
            @NotNull @Positive(message = "must be greater than 0") Double weight,
            @NotNull Visibility visibility) {

        static ObjectiveUpdate of(Objective o) {
            return new ObjectiveUpdate(o.title, o.description, o.level, o.ownerId, o.teamId, o.parentId, o.state,
                    o.progressMode, o.weight, o.visibility);
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
            @Schema(nullable = true, description = "The objective of an earlier cycle this one continues (rollover)")
            UUID previousId,
            @Schema(description = "The lifecycle people set (v1.0 called it status)") ObjectiveState state,
            @Schema(description = "The mode in force: the one set, else KEY_RESULTS with key results, else CHILDREN")
            ProgressMode progressMode,
            @Schema(description = "Its share in its parent's progress", example = "1") double weight,
            Visibility visibility,
            @Schema(description = "Weighted mean of its key results' and/or aligned children's progress (see "
                    + "progressMode), in [0, 1]") double progress,
            @Schema(nullable = true, description = "Weighted mean of its key results' scores once all are scored; "
                    + "null before, and without key results") Double score,
            @Schema(description = "The aligned children the caller may not see, counted without their titles")
            PrivateChildren privateChildren,
            @Schema(description = "The weighted mean of its key results' expected progress; without key results the "
                    + "linear pace over the cycle", example = "0.4") double expectedProgress,
            @Schema(description = "Its progress against expectedProgress and its key results' mean confidence")
            PaceStatus status,
            @Schema(nullable = true, description = "Projected progress at its due date (its last key result's, else "
                    + "the cycle's end) from its recent history; null with less than a day of it", example = "0.8")
            Double forecast,
            List<KeyResultView> keyResults,
            @Schema(nullable = true, description = "Who created it; with the owner, its team and admins, the only ones who may change "
                    + "it. Null for objectives created before this was recorded") String createdBy,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        static ObjectiveView of(Objective o, List<KeyResultView> keyResults, PrivateChildren privateChildren,
                                Pace pace) {
            return of(o, keyResults, privateChildren, pace, o.progress);
        }

        /** With its progress at some moment (as of). */
        static ObjectiveView of(Objective o, List<KeyResultView> keyResults, PrivateChildren privateChildren,
                                Pace pace, double progress) {
            return new ObjectiveView(o.id, o.cycleId, o.title, o.description, o.level, o.ownerId, o.teamId,
                    o.parentId, o.previousId, o.state, o.effectiveMode(!keyResults.isEmpty()), o.weight, o.visibility, progress,
                    o.score, privateChildren, pace.expectedProgress(), pace.status(), pace.forecast(), keyResults,
                    o.createdBy, o.createdAt, o.updatedAt, o.version);
        }
    }

    @Schema(name = "AlignmentNode", description = "An objective with the objectives aligned under it, recursively")
    public record AlignmentNode(
            UUID id,
            String title,
            ObjectiveLevel level,
            String ownerId,
            String teamId,
            ObjectiveState state,
            ProgressMode progressMode,
            double weight,
            Visibility visibility,
            double progress,
            @Schema(nullable = true) Double score,
            @Schema(description = "As on the objective") double expectedProgress,
            PaceStatus status,
            @Schema(nullable = true) Double forecast,
            @Schema(description = "Only the children the caller may see") List<AlignmentNode> children,
            @Schema(description = "The aligned children the caller may not see, counted without their titles")
            PrivateChildren privateChildren) {
    }

    /**
     * The private objectives aligned under one that the caller may not see: how many, their total weight and their
     * weighted mean progress (null when there are none), so the parent's progress stays explicable.
     */
    @Schema(name = "PrivateChildren", description = "Private aligned objectives hidden from the caller: they count in "
            + "the parent's progress, shown here without titles")
    public record PrivateChildren(
            @Schema(example = "1") int count,
            @Schema(example = "2", description = "Sum of their weights") double weight,
            @Schema(nullable = true, example = "0.5", description = "Weighted mean of their progress; null when "
                    + "count is 0") Double progress) {

        public static final PrivateChildren NONE = new PrivateChildren(0, 0.0, null);
    }

    @Schema(name = "ObjectiveHistoryEntry")
    public record ObjectiveHistoryView(
            Instant at,
            @Schema(example = "0.42") double progress,
            @Schema(description = "MANUAL: a change to the objective itself; KEY_RESULTS: one of its key results; "
                    + "CHILDREN: an aligned objective moved, joined, left or was cancelled") ObjectiveHistorySource source,
            @Schema(example = "aligned objective 8e2d… moved: PATCH /api/v1/key-results/… by alice (request 5f0c…)")
            String cause) {

        static ObjectiveHistoryView of(ObjectiveProgressEntry entry) {
            return new ObjectiveHistoryView(entry.at, entry.progress, entry.source, entry.cause);
        }
    }

    /** The list envelope of a history page (PageResponse, named for the OpenAPI document). */
    @Schema(name = "ObjectiveHistoryPage")
    public record ObjectiveHistoryPage(List<ObjectiveHistoryView> items, int page, int size, long totalItems,
                                       int totalPages) {
    }
}
