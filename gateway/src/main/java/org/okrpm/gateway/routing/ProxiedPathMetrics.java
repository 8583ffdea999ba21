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
        // a scan, not split(): this runs for every request the gateway records
        StringBuilder template = new StringBuilder(uri.length());
        template.append(API, 0, API.length() - 1);
        int start = API.length();
        for (int segment = 0; start <= uri.length(); segment++) {
            int end = uri.indexOf('/', start);
            if (end < 0) {
                end = uri.length();
            }
            if (end > start || end < uri.length()) {
                template.append('/');
                if (segment % 2 == 1) {
                    template.append("{id}");
                } else {
                    template.append(uri, start, end);
                }
            }
            start = end + 1;
        }
        return template.toString();
    }
}
