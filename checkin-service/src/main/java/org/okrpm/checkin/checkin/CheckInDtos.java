package org.okrpm.checkin.checkin;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.checkin.okr.KeyResultFact;
import org.okrpm.kit.http.Versioned;

/** The check-in's representations on the wire. */
public final class CheckInDtos {

    private CheckInDtos() {
    }

    @Schema(name = "CheckInCreate")
    public record CheckInCreate(
            @Schema(example = "3f1c2b9e-7a41-4d52-9d0e-2c8b5f6a1e77") @NotNull UUID keyResultId,
            @Schema(example = "112500", description = "The key result's new current value: required for a MANUAL "
                    + "key result, not allowed for a TASKS one")
            @Digits(integer = 12, fraction = 4, message = "must have at most 12 integer and 4 fraction digits")
            BigDecimal value,
            @Schema(example = "0.7", description = "Confidence of reaching the target, 0 to 1")
            @DecimalMin(value = "0", message = "must be between 0 and 1")
            @DecimalMax(value = "1", message = "must be between 0 and 1") Double confidence,
            @Schema(example = "Two enterprise deals signed this week") @Size(max = 4000) String comment,
            @Schema(example = "Legal review of the new contract template") @Size(max = 4000) String blockers) {
    }

    @Schema(name = "CheckIn")
    public record CheckInView(
            UUID id,
            UUID keyResultId,
            @Schema(nullable = true, example = "112500", description = "Null when the check-in moved only confidence")
            BigDecimal value,
            @Schema(nullable = true, example = "0.7", description = "Null when the check-in moved only the value")
            Double confidence,
            @Schema(nullable = true) String comment,
            @Schema(nullable = true) String blockers,
            @Schema(example = "alice", description = "The caller who recorded it (JWT sub)") String authorId,
            @Schema(example = "2026-11-25T10:15:30.123456Z") Instant createdAt,
            long version) implements Versioned {

        static CheckInView of(CheckIn checkIn) {
            return new CheckInView(checkIn.id, checkIn.keyResultId,
                    checkIn.value == null ? null : checkIn.value.stripTrailingZeros(), checkIn.confidence,
                    checkIn.comment, checkIn.blockers, checkIn.authorId, checkIn.createdAt, checkIn.version);
        }
    }

    @Schema(name = "DueCheckIn", description = "A MANUAL key result in an EXECUTION cycle that is due a check-in")
    public record DueCheckIn(
            UUID keyResultId,
            @Schema(example = "Grow monthly recurring revenue to 130k") String title,
            UUID objectiveId,
            UUID cycleId,
            @Schema(nullable = true, example = "alice", description = "The owner of the key result's objective")
            String ownerId,
            @Schema(nullable = true, example = "2026-11-16T09:30:00Z",
                    description = "null when the key result never had a check-in")
            Instant lastCheckInAt,
            @Schema(nullable = true, example = "9",
                    description = "Whole days since the last check-in; null when there was none")
            Long daysSinceLastCheckIn) {

        static DueCheckIn of(KeyResultFact kr, Instant lastCheckInAt, Instant now) {
            return new DueCheckIn(kr.id(), kr.title(), kr.objectiveId(), kr.cycleId(), kr.ownerId(), lastCheckInAt,
                    lastCheckInAt == null ? null : Duration.between(lastCheckInAt, now).toDays());
        }
    }
}
