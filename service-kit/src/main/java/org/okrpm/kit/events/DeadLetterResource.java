package org.okrpm.kit.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.kit.security.Roles;

/**
 * Admins look at the records this service's consumers could never apply, and re-drive them once the cause is
 * fixed (a deploy, a corrected upstream record) or discard them.
 */
@Path("/api/v1/admin/dead-letters")
@Tag(name = "Dead letters", description = "Events this service could never apply (admins only)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Schema(name = "DeadLetter")
    public record DeadLetterView(UUID id, String consumerGroup, String topic, int partition, long offset,
                                 String eventId, String eventType, String subject, String reason,
                                 @Schema(description = "The record's value as it was consumed") String payload,
                                 DeadLetter.Status status, int redrives, Instant createdAt, Instant resolvedAt) {

        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(d.id, d.consumerGroup, d.topic, d.partition, d.offset, d.eventId, d.eventType,
                    d.subject, d.reason, d.payload, d.status, d.redrives, d.createdAt, d.resolvedAt);
        }
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listDeadLetters",
            summary = "List dead letters", description = "Newest first; OPEN ones unless ?status= says otherwise.")
    public PageResponse<DeadLetterView> list(@QueryParam("status") DeadLetter.Status status,
                                             @Valid @BeanParam PageRequest page) {
        return PageResponse.of(DeadLetter.<DeadLetter>find("status = ?1 order by createdAt desc, id",
                status == null ? DeadLetter.Status.OPEN : status), page, DeadLetterView::of);
    }

    @GET
    @Path("/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getDeadLetter", summary = "Get a dead letter")
    public DeadLetterView get(@PathParam("id") UUID id) {
        return DeadLetterView.of(require(id));
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(operationId = "redriveDeadLetter", summary = "Re-drive a dead letter",
            description = "Applies the event again with its consumer. 200 with status REDRIVEN when it applied; "
                    + "422 with the new reason when it still cannot be applied; 503 when the database is busy.")
    public DeadLetterView redrive(@PathParam("id") UUID id) {
        DeadLetters.Redrive result = deadLetters.redrive(requireOpen(id));
        return switch (result.outcome()) {
            case STILL_FAILING -> throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The event still cannot be applied: " + result.letter().reason);
            case UNAVAILABLE -> throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "The database is busy; try again shortly");
            case APPLIED -> DeadLetterView.of(result.letter());
        };
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "discardDeadLetter",
            summary = "Discard a dead letter", description = "It stays listed with status DISCARDED.")
    public DeadLetterView discard(@PathParam("id") UUID id) {
        DeadLetter letter = requireOpen(id);
        letter.status = DeadLetter.Status.DISCARDED;
        letter.resolvedAt = Instant.now();
        return DeadLetterView.of(letter);
    }

    private static DeadLetter require(UUID id) {
        DeadLetter letter = DeadLetter.findById(id);
        if (letter == null) {
            throw ProblemException.notFound("Dead letter", id);
        }
        return letter;
    }

    private static DeadLetter requireOpen(UUID id) {
        DeadLetter letter = require(id);
        if (letter.status != DeadLetter.Status.OPEN) {
            throw ProblemException.conflict("Dead letter " + id + " is " + letter.status + ", not OPEN");
        }
        return letter;
    }
}
