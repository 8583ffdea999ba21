package org.okrpm.okr.pace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A progress series on the wire (key results and objectives alike). */
public final class SeriesDtos {

    private SeriesDtos() {
    }

    @Schema(name = "ProgressSeries", description = "One point per bucket from `from` to `to`, oldest first")
    public record Series(@Schema(example = "WEEK") SeriesInterval interval, List<SeriesPoint> points) {
    }

    @Schema(name = "ProgressSeriesPoint", description = "The state at the end of the bucket: the last change in or "
            + "before it, carried forward")
    public record SeriesPoint(
            @Schema(description = "The bucket's first day (UTC)", example = "2026-10-05") LocalDate at,
            @Schema(description = "Fraction in [0, 1]", example = "0.35") double progress,
            @Schema(nullable = true, description = "The key result's current value then; null for objectives",
                    example = "110500") BigDecimal value,
            @Schema(nullable = true, description = "The latest confidence then; null when none was given, and for "
                    + "objectives", example = "0.7") Double confidence,
            @Schema(description = "The linear pace at the end of the bucket", example = "0.4")
            double expectedProgress) {
    }
}
