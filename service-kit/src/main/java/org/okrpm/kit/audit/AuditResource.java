package org.okrpm.kit.audit;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.http.InvalidQueryParameterException;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.security.Roles;

/** Admins read who wrote what in this service: the audit trail, newest first, filtered and paged. */
@Path("/api/v1/admin/audit")
@Tag(name = "Audit trail", description = "Every write this service made for a request (admins only)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @Schema(name = "AuditEntry")
    public record AuditEntryView(Long id, Instant occurredAt,
                                 @Schema(description = "Token subject of the caller, or 'anonymous'") String actor,
                                 AuditEntry.Action action,
                                 @Schema(description = "Entity name, e.g. Objective, Task") String resourceType,
                                 String resourceId,
                                 @Schema(nullable = true, description = "Null for a creation, or no version")
                                 Long versionBefore,
                                 @Schema(nullable = true, description = "Null for a deletion, or no version")
                                 Long versionAfter,
                                 @Schema(description = "The X-Request-Id of the writing request") String requestId,
                                 @Schema(description = "Method and path of the writing request") String operation) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id, e.occurredAt, e.actor, e.action, e.resourceType, e.resourceId,
                    e.versionBefore, e.versionAfter, e.requestId, e.operation);
        }
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listAuditEntries", summary = "List the audit trail",
            description = "Newest first. Filters combine; from is inclusive, to exclusive.")
    public PageResponse<AuditEntryView> list(
            @Parameter(description = "Only writes by this token subject") @QueryParam("actor") String actor,
            @Parameter(description = "Only this entity name, e.g. Objective")
            @QueryParam("resourceType") String resourceType,
            @Parameter(description = "Only this resource id") @QueryParam("resourceId") String resourceId,
            @Parameter(description = "Only writes at or after this instant (ISO-8601)")
            @QueryParam("from") Instant from,
            @Parameter(description = "Only writes before this instant (ISO-8601)") @QueryParam("to") Instant to,
            @Valid @BeanParam PageRequest page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryParameterException("from", "must not be after to");
        }
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        equal(where, parameters, "actor", actor);
        equal(where, parameters, "resourceType", resourceType);
        equal(where, parameters, "resourceId", resourceId);
        if (from != null) {
            where.add("occurredAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            parameters.and("to", to);
        }
        Sort newestFirst = Sort.descending("occurredAt", "id");
        return PageResponse.of(where.isEmpty() ? AuditEntry.findAll(newestFirst)
                : AuditEntry.find(String.join(" and ", where), newestFirst, parameters), page, AuditEntryView::of);
    }

    private static void equal(List<String> where, Parameters parameters, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new InvalidQueryParameterException(field, "must not be blank");
        }
        where.add(field + " = :" + field);
        parameters.and(field, value);
    }
}
