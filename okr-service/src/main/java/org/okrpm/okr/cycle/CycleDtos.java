package org.okrpm.okr.cycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;

/** The cycle's representations on the wire. */
public final class CycleDtos {

    private CycleDtos() {
    }

    @Schema(name = "CycleCreate")
    public record CycleCreate(
            @Schema(example = "2026-Q4") @NotBlank @Size(max = 100) String name,
            @Schema(example = "2026-10-01") @NotNull LocalDate startDate,
            @Schema(example = "2026-12-31") @NotNull LocalDate endDate) {
    }

    /** The writable fields of a cycle, for PATCH. */
    @Schema(name = "CycleUpdate")
    public record CycleUpdate(
            @NotBlank @Size(max = 100) String name,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate) {

        static CycleUpdate of(Cycle cycle) {
            return new CycleUpdate(cycle.name, cycle.startDate, cycle.endDate);
        }
    }

    @Schema(name = "PhaseChange")
    public record PhaseChange(@Schema(example = "EXECUTION") @NotNull CyclePhase phase) {
    }

    @Schema(name = "Cycle")
    public record CycleView(
            UUID id,
            String name,
            LocalDate startDate,
            LocalDate endDate,
            CyclePhase phase,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        public static CycleView of(Cycle cycle) {
            return new CycleView(cycle.id, cycle.name, cycle.startDate, cycle.endDate, cycle.phase,
                    cycle.createdAt, cycle.updatedAt, cycle.version);
        }
    }
}
