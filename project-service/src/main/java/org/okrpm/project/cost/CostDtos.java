package org.okrpm.project.cost;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;
import org.okrpm.project.project.ProjectDtos;

/** The cost entry's representations on the wire. */
public final class CostDtos {

    private CostDtos() {
    }

    @Schema(name = "CostCreate")
    public record CostCreate(
            @Schema(example = "1250.50") @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            @Digits(integer = 12, fraction = 4, message = "must have at most 12 integer digits and 4 decimals")
            BigDecimal amount,
            @Schema(example = "Workshop with the pilot customer") @Size(max = 500) String description,
            @Schema(example = "2026-11-20") @NotNull LocalDate incurredOn,
            @Schema(example = "EUR", description = "Optional; must be the budget's currency. Without a budget the "
                    + "first cost fixes the project's cost currency and must name it.")
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of 3 upper-case letters") String currency) {
    }

    @Schema(name = "CostEntry")
    public record CostView(
            UUID id,
            UUID projectId,
            @Schema(example = "1250.5") BigDecimal amount,
            @Schema(example = "EUR") String currency,
            @Schema(nullable = true) String description,
            LocalDate incurredOn,
            @Schema(nullable = true, example = "alice") String recordedBy,
            Instant createdAt,
            long version) implements Versioned {

        static CostView of(CostEntry entry) {
            return new CostView(entry.id, entry.projectId, ProjectDtos.plain(entry.amount), entry.currency,
                    entry.description, entry.incurredOn, entry.recordedBy, entry.createdAt, entry.version);
        }
    }
}
