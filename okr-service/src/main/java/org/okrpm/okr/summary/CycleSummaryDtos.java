package org.okrpm.okr.summary;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.okr.cycle.CyclePhase;
import org.okrpm.okr.pace.PaceStatus;

/** The cycle summary's representation on the wire. */
public final class CycleSummaryDtos {

    private CycleSummaryDtos() {
    }

    @Schema(name = "CycleSummary", description = "Where a cycle stands: counts per status, means, what is not scored "
            + "and which objectives have no retrospective yet")
    public record CycleSummary(
            UUID cycleId,
            CyclePhase phase,
            ObjectiveCounts objectives,
            KeyResultCounts keyResults,
            @Schema(nullable = true, description = "Mean progress of the cycle's objectives (each counts once, private "
                    + "ones included), 4 decimals; null without objectives", example = "0.62") Double meanProgress,
            @Schema(nullable = true, description = "Mean score of the cycle's scored objectives (an objective is scored "
                    + "once all its key results are), 4 decimals; null while none is", example = "0.7")
            Double meanScore,
            @Schema(description = "Key results without a score, oldest first; those of private objectives the caller "
                    + "may not see are only counted (hiddenUnscoredKeyResults)")
            List<UnscoredKeyResult> unscoredKeyResults,
            @Schema(description = "Unscored key results of private objectives the caller may not see", example = "0")
            int hiddenUnscoredKeyResults,
            @Schema(description = "Objectives covered neither by a retrospective of their own nor by a whole-cycle "
                    + "retrospective of their team, oldest first; private ones the caller may not see are only "
                    + "counted (hiddenObjectivesWithoutRetrospective)")
            List<ObjectiveWithoutRetrospective> objectivesWithoutRetrospective,
            @Schema(description = "Objectives without a retrospective that are private and that the caller may not see",
                    example = "0") int hiddenObjectivesWithoutRetrospective) {
    }

    @Schema(name = "CycleSummaryObjectives")
    public record ObjectiveCounts(
            @Schema(description = "Every objective of the cycle, private ones included", example = "4") int total,
            @Schema(description = "How many have each derived status (every status is present, 0 included)",
                    example = "{\"NOT_STARTED\": 0, \"ON_TRACK\": 2, \"AT_RISK\": 1, \"OFF_TRACK\": 0, \"DONE\": 1}")
            Map<PaceStatus, Integer> byStatus,
            @Schema(description = "How many have a score", example = "1") int scored) {
    }

    @Schema(name = "CycleSummaryKeyResults")
    public record KeyResultCounts(
            @Schema(description = "Every key result of the cycle, those of private objectives included", example = "9")
            int total,
            @Schema(description = "How many have each derived status (every status is present, 0 included)",
                    example = "{\"NOT_STARTED\": 1, \"ON_TRACK\": 5, \"AT_RISK\": 2, \"OFF_TRACK\": 0, \"DONE\": 1}")
            Map<PaceStatus, Integer> byStatus,
            @Schema(description = "How many have a score", example = "3") int scored) {
    }

    @Schema(name = "CycleSummaryUnscoredKeyResult")
    public record UnscoredKeyResult(UUID id, @Schema(example = "Revenue 1.2M") String title, UUID objectiveId) {
    }

    @Schema(name = "CycleSummaryObjectiveWithoutRetrospective")
    public record ObjectiveWithoutRetrospective(UUID id, @Schema(example = "Grow revenue") String title,
                                                @Schema(nullable = true, example = "team-a") String teamId) {
    }
}
