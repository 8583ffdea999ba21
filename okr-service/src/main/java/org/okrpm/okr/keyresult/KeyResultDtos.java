package org.okrpm.okr.keyresult;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;

/** The key result's representations on the wire. */
public final class KeyResultDtos {

    private KeyResultDtos() {
    }

    @Schema(name = "KeyResultCreate")
    public record KeyResultCreate(
            @Schema(example = "Grow monthly recurring revenue to 130k") @NotBlank @Size(max = 200) String title,
            @Schema(example = "CURRENCY") @NotNull MetricType metricType,
            @Schema(example = "EUR") @Size(max = 30) String unit,
            @Schema(example = "100000", description = "Required unless BOOLEAN (then 0)") BigDecimal startValue,
            @Schema(example = "130000", description = "Required unless BOOLEAN (then 1); must differ from startValue")
            BigDecimal targetValue,
            @Schema(example = "1", description = "Share in the objective's progress; default 1")
            @Positive(message = "must be greater than 0") Double weight,
            @Schema(example = "MANUAL", description = "Default MANUAL") ProgressSource progressSource) {
    }

    /** The writable fields of a key result, for PATCH. */
    @Schema(name = "KeyResultUpdate")
    public record KeyResultUpdate(
            @NotBlank @Size(max = 200) String title,
            @NotNull MetricType metricType,
            @Size(max = 30) String unit,
            @NotNull BigDecimal startValue,
            @NotNull BigDecimal targetValue,
            @NotNull BigDecimal currentValue,
            @NotNull @Positive(message = "must be greater than 0") Double weight,
            @NotNull ProgressSource progressSource,
            @DecimalMin(value = "0", message = "must be between 0 and 1")
            @DecimalMax(value = "1", message = "must be between 0 and 1") Double confidence,
            @DecimalMin(value = "0", message = "must be between 0 and 1")
            @DecimalMax(value = "1", message = "must be between 0 and 1") Double score) {

        static KeyResultUpdate of(KeyResult kr) {
            return new KeyResultUpdate(kr.title, kr.metricType, kr.unit, kr.startValue, kr.targetValue,
                    kr.currentValue, kr.weight, kr.progressSource, kr.confidence, kr.score);
        }
    }

    @Schema(name = "KeyResult")
    public record KeyResultView(
            UUID id,
            UUID objectiveId,
            UUID cycleId,
            String title,
            MetricType metricType,
            @Schema(nullable = true) String unit,
            BigDecimal startValue,
            BigDecimal targetValue,
            BigDecimal currentValue,
            double weight,
            ProgressSource progressSource,
            @Schema(description = "Fraction in [0, 1], 4 decimals", example = "0.25") double progress,
            @Schema(nullable = true) Double confidence,
            @Schema(nullable = true) Double score,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        public static KeyResultView of(KeyResult kr) {
            return new KeyResultView(kr.id, kr.objectiveId, kr.cycleId, kr.title, kr.metricType, kr.unit,
                    plain(kr.startValue), plain(kr.targetValue), plain(kr.currentValue), kr.weight,
                    kr.progressSource, kr.progress, kr.confidence, kr.score, kr.createdAt, kr.updatedAt,
                    kr.version);
        }
    }

    @Schema(name = "ProgressHistoryEntry")
    public record HistoryView(
            Instant at,
            double progress,
            BigDecimal currentValue,
            HistorySource source,
            @Schema(example = "PATCH /api/v1/key-results/… by alice (request 5f0c…)") String cause) {

        static HistoryView of(ProgressEntry entry) {
            return new HistoryView(entry.at, entry.progress, plain(entry.currentValue), entry.source, entry.cause);
        }
    }

    /** The list envelope of a history page (PageResponse, named for the OpenAPI document). */
    @Schema(name = "ProgressHistoryPage")
    public record HistoryPage(List<HistoryView> items, int page, int size, long totalItems, int totalPages) {
    }

    /** 130000.0000 from the database reads back as 130000 on the wire. */
    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
