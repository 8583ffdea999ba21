package org.okrpm.kit.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.okrpm.kit.events.Outbox;
import org.okrpm.kit.idempotency.Idempotent;

/** A create endpoint like the services' ones: idempotent POST, change and event in one transaction. */
@Path("/kit-test/widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
@PermitAll
public class WidgetResource {

    public static final String TOPIC = "kit.test.widgets";

    public record WidgetCreate(@NotBlank String name) {
    }

    public record WidgetView(UUID id, String name) {
    }

    @Inject
    Outbox outbox;

    @POST
    @Transactional
    public Response create(@Valid @NotNull WidgetCreate body) {
        Widget widget = Widget.create(body.name());
        WidgetView view = new WidgetView(widget.id, widget.name);
        outbox.publish(TOPIC, "kit.widget.created", widget.id, view);
        return Response.created(URI.create("/kit-test/widgets/" + widget.id)).entity(view).build();
    }
}
