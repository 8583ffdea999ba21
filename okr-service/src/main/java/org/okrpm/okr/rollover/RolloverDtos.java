package org.okrpm.okr.rollover;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The rollover's and the lineage's representations on the wire. */
public final class RolloverDtos {

    /** At most this many key results may be named in one rollover. */
    static final int MAX_KEY_RESULT_IDS = 500;

    private RolloverDtos() {
    }

    @Schema(name = "RolloverRequest")
    public record RolloverRequest(
            @Schema(description = "The cycle to carry the key results into: PLANNING or EXECUTION, not the source",
                    example = "5b1f7c2e-3d4a-4e6b-9c8d-0a1b2c3d4e5f") @NotNull UUID targetCycleId,
            @Schema(nullable = true, description = "Only these key results of the source cycle (each unfinished); "
                    + "absent or null: every unfinished key result (progress < 1)")
            @Size(max = MAX_KEY_RESULT_IDS, message = "must name at most 500 key results")
            List<@NotNull(message = "must not contain null") UUID> keyResultIds) {
    }

    @Schema(name = "RolloverPair", description = "An objective or key result of the source cycle and its "
            + "continuation in the target cycle")
    public record RolloverPair(
            @Schema(description = "The one in the source cycle") UUID from,
            @Schema(description = "Its continuation in the target cycle, whose previousId is `from`") UUID to,
            @Schema(description = "true when this call made the continuation; false when it existed already "
                    + "(an earlier rollover into the same cycle)") boolean created) {
    }

    @Schema(name = "RolloverResult")
    public record RolloverResult(
            @Schema(description = "Each objective whose key results were carried, with its copy in the target "
                    + "cycle") List<RolloverPair> objectives,
            @Schema(description = "Each key result carried, with its continuation") List<RolloverPair> keyResults) {
    }

    @Schema(name = "LineageEntry", description = "One key result of a lineage: the same outcome in one cycle")
    public record LineageEntry(
            UUID id,
            UUID cycleId,
            UUID objectiveId,
            @Schema(nullable = true, description = "The key result it continues; null for the first of the chain")
            UUID previousId,
            String title,
            @Schema(example = "100000") BigDecimal startValue,
            @Schema(example = "112000") BigDecimal currentValue,
            @Schema(example = "130000") BigDecimal targetValue,
            @Schema(description = "Fraction in [0, 1]", example = "0.4") double progress,
            @Schema(nullable = true, description = "The end-of-cycle grade, once given") Double score) {
    }
}
