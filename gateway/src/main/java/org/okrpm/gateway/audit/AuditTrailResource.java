package org.okrpm.gateway.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;

/** The audit trails of the three owners as one list, for admins (the owners' own lists are not routed). */
@Path("/api/v1/audit")
@Tag(name = "audit")
public class AuditTrailResource {

    @Inject
    AuditTrail trail;

    @Inject
    CurrentVertxRequest request;

    @Schema(name = "AuditTrailPage", description = "A page of the merged audit trail")
    public record AuditTrailPage(
            @Schema(description = "Entries newest first, each as its owner records it plus `service`")
            List<Map<String, Object>> items,
            int page, int size,
            @Schema(description = "Entries matching the filters at the owners that answered") long totalItems,
            int totalPages,
            @Schema(description = "Owner services that could not answer, e.g. [\"checkin-service\"]", example = "[]")
            List<String> unavailable) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "listAuditTrail", summary = "List the audit trail of every service (admins only)",
            description = "Every write (create, update, delete) the owner services recorded: who, which resource, "
                    + "when, the request id and the version before and after, newest first. Each owner is asked "
                    + "for its newest (page + 1) * size entries, so a page reaches at most "
                    + AuditQuery.MAX_DEPTH + " entries deep (400 beyond; narrow with `to`). When an owner is down "
                    + "the answer is still 200 with the others' entries and `unavailable` naming it; 503 when none "
                    + "answers.")
    @APIResponse(responseCode = "200", description = "A page of entries, possibly with services unavailable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditTrailPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No owner service answered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(
            @Parameter(description = "Only this service: okr-service, project-service or checkin-service")
            @QueryParam("service") String service,
            @Parameter(description = "Only writes by this token subject") @QueryParam("actor") String actor,
            @Parameter(description = "Only this entity name, e.g. Objective, Task")
            @QueryParam("resourceType") String resourceType,
            @Parameter(description = "Only this resource id") @QueryParam("resourceId") String resourceId,
            @Parameter(description = "Only writes at or after this instant (ISO-8601)")
            @QueryParam("from") Instant from,
            @Parameter(description = "Only writes before this instant (ISO-8601)") @QueryParam("to") Instant to,
            @Parameter(description = "Zero-based page index") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20") int size) {
        AuditQuery query = AuditQuery.of(service, actor, resourceType, resourceId, from, to, page, size);
        return trail.list(query, request.getCurrent());
    }
}
