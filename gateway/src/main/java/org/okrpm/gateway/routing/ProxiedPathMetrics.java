package org.okrpm.gateway.routing;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * HTTP metrics name proxied paths by template: {@code /api/v1/tasks/{id}/comments}, not one {@code uri} tag per
 * id (the proxy has no JAX-RS templates for Micrometer to use, and after 100 distinct values it drops the rest).
 */
public class ProxiedPathMetrics {

    private static final String API = "/api/v1/";

    @Produces
    @Singleton
    MeterFilter uriTemplates() {
        return MeterFilter.replaceTagValues("uri", ProxiedPathMetrics::template);
    }

    /** Every second segment after {@code /api/v1/} is an id: collection, id, sub-collection, id, … */
    static String template(String uri) {
        if (!uri.startsWith(API)) {
            return uri;
        }
        String[] segments = uri.substring(API.length()).split("/");
        StringBuilder template = new StringBuilder(API.length() + uri.length());
        template.append(API, 0, API.length() - 1);
        for (int i = 0; i < segments.length; i++) {
            template.append('/').append(i % 2 == 1 ? "{id}" : segments[i]);
        }
        return template.toString();
    }
}
