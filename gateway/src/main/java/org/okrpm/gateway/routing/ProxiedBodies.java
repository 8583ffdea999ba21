package org.okrpm.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.okrpm.kit.http.StreamedBodies;

/**
 * Bodies of requests for an owner's paths are streamed to the owner ({@link ProxyRoutes}), which applies the 1 MiB
 * limit itself; the kit must not read them first.
 */
@ApplicationScoped
public class ProxiedBodies implements StreamedBodies {

    @Override
    public boolean streams(HttpServerRequest request) {
        return Owner.ofPath(request.path()).isPresent();
    }
}
