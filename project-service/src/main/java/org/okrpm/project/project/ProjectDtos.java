package org.okrpm.project.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;
import org.okrpm.project.project.ProjectHealthCalculator.Health;

/** The project's representations on the wire. */
public final class ProjectDtos {

    private ProjectDtos() {
    }

    @Schema(name = "Money", description = "An amount in one currency")
    public record Money(
            @Schema(example = "10000") @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            @Digits(integer = 12, fraction = 4, message = "must have at most 12 integer digits and 4 decimals")
            BigDecimal amount,
            @Schema(example = "EUR", description = "ISO 4217 code") @NotNull
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of 3 upper-case letters") String currency) {
    }

    @Schema(name = "ProjectCreate")
    public record ProjectCreate(
            @Schema(example = "Self-service onboarding") @NotBlank @Size(max = 200) String name,
            @Schema(example = "Let customers set up their account without our help") @Size(max = 4000)
            String description,
            @Schema(example = "Onboarding takes 3 weeks of consultant time per customer today") @Size(max = 4000)
            String businessCase,
            @Schema(example = "alice", description = "Defaults to the caller") @Size(max = 100) String ownerId,
            @Schema(example = "growth", description = "Members of this team (the token's teams) may change the "
                    + "project and its tasks") @Size(max = 100) String teamId,
            @Schema(example = "2026-10-01") LocalDate startDate,
            @Schema(example = "2026-12-15", description = "Not before startDate") LocalDate dueDate,
            @Schema(description = "Optional") @Valid Money budget,
            @Schema(description = "Key results the project contributes to; each must exist (422)")
            @Size(max = 100) List<@NotNull UUID> keyResultIds) {
    }

    /** The writable fields of a project, for PATCH. */
    @Schema(name = "ProjectUpdate")
    public record ProjectUpdate(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @Size(max = 4000) String businessCase,
            @NotBlank @Size(max = 100) String ownerId,
            @Size(max = 100) String teamId,
            LocalDate startDate,
            LocalDate dueDate,
            @Valid Money budget,
            @NotNull @Size(max = 100) List<@NotNull UUID> keyResultIds) {

        static ProjectUpdate of(Project p) {
            return new ProjectUpdate(p.name, p.description, p.businessCase, p.ownerId, p.teamId, p.startDate,
                    p.dueDate, budgetOf(p), List.copyOf(p.keyResultIds));
        }
    }

    @Schema(name = "StageChange")
    public record StageChange(@Schema(example = "PLANNING") @NotNull ProjectStage stage) {
    }

    @Schema(name = "TaskStats", description = "total = done + open + cancelled")
    public record TaskStats(
            @Schema(example = "4") long total,
            @Schema(example = "1") long done,
            @Schema(example = "2", description = "TODO or IN_PROGRESS") long open,
            @Schema(example = "1") long cancelled) {
    }

    /** The figures derived from a project's tasks and costs. */
    public record ProjectFigures(BigDecimal actualCost, TaskStats taskStats, double progress) {
    }

    @Schema(name = "Project")
    public record ProjectView(
            UUID id,
            String name,
            @Schema(nullable = true) String description,
            @Schema(nullable = true) String businessCase,
            @Schema(nullable = true) String ownerId,
            @Schema(nullable = true) String teamId,
            @Schema(nullable = true, description = "Who created it; with the owner, its team and admins, the only ones who may change "
                    + "it and its tasks. Null for projects created before this was recorded") String createdBy,
            @Schema(nullable = true) LocalDate startDate,
            @Schema(nullable = true) LocalDate dueDate,
            @Schema(nullable = true) Money budget,
            List<UUID> keyResultIds,
            ProjectStage stage,
            @Schema(example = "1250.5", description = "Sum of the cost entries, in the budget's currency")
            BigDecimal actualCost,
            TaskStats taskStats,
            @Schema(example = "0.25", description = "Σ weight of DONE tasks ÷ Σ weight of tasks not CANCELLED; 4 decimals")
            double progress,
            @Schema(description = "The same as GET /projects/{id}/health, computed for today (UTC)")
            HealthView health,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        static ProjectView of(Project p, ProjectFigures figures, HealthView health) {
            return new ProjectView(p.id, p.name, p.description, p.businessCase, p.ownerId, p.teamId, p.createdBy,
                    p.startDate, p.dueDate, budgetOf(p), List.copyOf(p.keyResultIds), p.stage, figures.actualCost(),
                    figures.taskStats(), figures.progress(), health, p.createdAt, p.updatedAt, p.version);
        }
    }

    @Schema(name = "ProjectHealth", description = "Work done compared with time elapsed and budget spent")
    public record HealthView(
            @Schema(example = "0.4") double progress,
            @Schema(nullable = true, example = "0.5", description = "Share of startDate → dueDate elapsed, 0..1; null without both dates")
            Double timeElapsed,
            @Schema(nullable = true, example = "0.45", description = "actualCost ÷ budget.amount, not clamped; null without a budget")
            Double budgetUsed,
            @Schema(example = "AT_RISK") HealthStatus status,
            @Schema(example = "2026-11-25", description = "The day (UTC) the health was computed for") LocalDate asOf) {

        static HealthView of(Health health, LocalDate asOf) {
            return new HealthView(health.progress(), health.timeElapsed(), health.budgetUsed(), health.status(), asOf);
        }
    }

    @Schema(name = "OpenTask", description = "A task that blocks closing its project (the punch list)")
    public record OpenTask(UUID id, String title, String status) {
    }

    static Money budgetOf(Project p) {
        return p.budgetAmount == null ? null : new Money(plain(p.budgetAmount), p.budgetCurrency);
    }

    /** 10000.0000 from the database reads back as 10000 on the wire. */
    public static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
