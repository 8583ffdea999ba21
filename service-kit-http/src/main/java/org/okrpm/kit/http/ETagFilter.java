package org.okrpm.kit.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adds {@code ETag: "<version>"} to every response whose body is a single versioned resource. */
public class ETagFilter {

    @ServerResponseFilter
    public void addETag(ContainerResponseContext response) {
        if (response.getEntity() instanceof Versioned versioned && response.getStatus() < 300
                && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, IfMatch.etag(versioned.version()));
        }
    }
}
