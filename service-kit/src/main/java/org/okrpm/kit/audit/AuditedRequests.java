package org.okrpm.kit.audit;

import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.Optional;
import org.okrpm.kit.http.CurrentRequest;

/**
 * The HTTP write being served, as the audit trail names it. Empty outside a request (Kafka consumers, the outbox
 * relay, scheduled purges: system work, not user writes) and for GET and HEAD, which are reads even when they
 * happen to touch the database.
 */
@ApplicationScoped
@Unremovable // looked up by AuditListener, which Hibernate creates, not CDI
public class AuditedRequests {

    /** The actor of a write made by a request without a user (the signed inbound webhook receiver). */
    public static final String ANONYMOUS = "anonymous";

    private static final int OPERATION_CHARS = 300;

    public record Writer(String actor, String requestId, String operation) {
    }

    @Inject
    CurrentVertxRequest vertxRequest;

    @Inject
    CurrentRequest request;

    public Optional<Writer> current() {
        RoutingContext ctx;
        try {
            ctx = vertxRequest.getCurrent();
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
        if (ctx == null) {
            return Optional.empty();
        }
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return Optional.empty();
        }
        String user = request.userId();
        String operation = method.name() + " " + ctx.request().path();
        return Optional.of(new Writer(user == null ? ANONYMOUS : user, request.id(),
                operation.length() > OPERATION_CHARS ? operation.substring(0, OPERATION_CHARS) : operation));
    }
}
