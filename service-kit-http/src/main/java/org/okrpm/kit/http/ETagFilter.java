package org.okrpm.kit.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Adds {@code ETag: "<version>"} to every response whose body is a single versioned resource, and answers a GET
 * whose {@code If-None-Match} names that version with {@code 304 Not Modified} and no body: a dashboard polling a
 * resource then only pays for the request when nothing changed.
 */
public class ETagFilter {

    @ServerResponseFilter
    public void addETag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Versioned versioned) || response.getStatus() >= 300) {
            return;
        }
        String etag = IfMatch.etag(versioned.version());
        if (!response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        }
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (read && response.getStatus() == 200 && matches(ifNoneMatch, etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    /** RFC 9110: {@code *} or a list of tags, compared weakly (a {@code W/} prefix does not matter). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
