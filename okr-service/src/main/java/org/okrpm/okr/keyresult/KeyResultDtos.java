package org.okrpm.okr.keyresult;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;
import org.okrpm.okr.pace.Pace;
import org.okrpm.okr.pace.PaceStatus;

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
            @Schema(example = "MANUAL", description = "Default MANUAL") ProgressSource progressSource,
            @Schema(example = "alice", description = "Who answers for it; default the objective's owner")
            @Size(max = 100) String ownerId,
            @Schema(example = "2026-12-15", description = "When the target is due, within the cycle; default (and "
                    + "when null) the cycle's end date") LocalDate dueDate) {
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
            @DecimalMax(value = "1", message = "must be between 0 and 1") Double score,
            @Schema(example = "alice") @NotBlank @Size(max = 100) String ownerId,
            @Schema(example = "2026-12-15", nullable = true, description = "Within the cycle; null: the cycle's end date")
            LocalDate dueDate) {

        static KeyResultUpdate of(KeyResult kr) {
            return new KeyResultUpdate(kr.title, kr.metricType, kr.unit, kr.startValue, kr.targetValue,
                    kr.currentValue, kr.weight, kr.progressSource, kr.confidence, kr.score, kr.ownerId, kr.dueDate);
        }
    }

    @Schema(name = "KeyResult")
    public record KeyResultView(
            UUID id,
            UUID objectiveId,
            UUID cycleId,
            @Schema(nullable = true, description = "The key result of an earlier cycle this one continues (rollover); "
                    + "GET /api/v1/key-results/{id}/lineage shows the whole chain") UUID previousId,
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
            @Schema(example = "alice") String ownerId,
            @Schema(description = "Its own due date, or else the cycle's end date", example = "2026-12-31")
            LocalDate dueDate,
            @Schema(description = "The linear pace from the cycle's start to the end of the due date, in [0, 1]",
                    example = "0.4") double expectedProgress,
            @Schema(description = "Progress against the pace and the latest confidence (docs/api.md, Pace)")
            PaceStatus status,
            @Schema(nullable = true, description = "Projected progress at the due date from the recent velocity; null "
                    + "with less than a day of history", example = "0.85") Double forecast,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        /** The key result now; its due date and pace come from KeyResultPace. */
        public static KeyResultView of(KeyResult kr, LocalDate dueDate, Pace pace) {
            return of(kr, dueDate, pace, kr.progress, kr.currentValue, kr.confidence);
        }

        /** The key result with its progress, value and confidence at some moment (as of). */
        static KeyResultView of(KeyResult kr, LocalDate dueDate, Pace pace, double progress, BigDecimal currentValue,
                                Double confidence) {
            return new KeyResultView(kr.id, kr.objectiveId, kr.cycleId, kr.previousId, kr.title, kr.metricType, kr.unit,
                    plain(kr.startValue), plain(kr.targetValue), plain(currentValue), kr.weight,
                    kr.progressSource, progress, confidence, kr.score, kr.ownerId, dueDate,
                    pace.expectedProgress(), pace.status(), pace.forecast(), kr.createdAt, kr.updatedAt, kr.version);
        }
    }

    @Schema(name = "ProgressHistoryEntry")
    public record HistoryView(
            Instant at,
            double progress,
            BigDecimal currentValue,
            @Schema(nullable = true, description = "The confidence after the change; null when none was given, and "
                    + "in entries older than confidence in the history", example = "0.7") Double confidence,
            HistorySource source,
            @Schema(example = "PATCH /api/v1/key-results/… by alice (request 5f0c…)") String cause) {

        static HistoryView of(ProgressEntry entry) {
            return new HistoryView(entry.at, entry.progress, plain(entry.currentValue), entry.confidence,
                    entry.source, entry.cause);
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
