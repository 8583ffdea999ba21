package org.okrpm.kit.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The headers every response carries, documented on every response of every operation: {@code X-Request-Id}
 * (the kit's RequestEdgeHandlers set it on every answer, errors included) and {@code Retry-After} on 429 and
 * 503, where the client may be told when to come back. Also the document's server: {@code /}, the service that serves
 * the document, instead of the address SmallRye would guess.
 */
final class ResponseHeaders {

    static final String REQUEST_ID = "X-Request-Id";
    static final String RETRY_AFTER = "Retry-After";

    private ResponseHeaders() {
    }

    static void apply(OpenAPI openAPI, Map<String, PathItem> paths) {
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("The service serving this document (relative: the address it was fetched from)")));
        paths.values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                add(response, REQUEST_ID, requestId());
                if ("429".equals(status) || "503".equals(status)) {
                    add(response, RETRY_AFTER, retryAfter());
                }
            });
        }));
    }

    private static void add(APIResponse response, String name, Header header) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        response.addHeader(name, header);
    }

    private static Header requestId() {
        return OASFactory.createHeader().required(true)
                .description("The request's id: the caller's X-Request-Id when it sent a sane one, else a new one; "
                        + "logs, audit entries and events of the request carry it")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(128));
    }

    private static Header retryAfter() {
        // not every 503 knows when it will clear (an owner that is down), so present when the server can tell
        return OASFactory.createHeader().required(false)
                .description("Seconds to wait before trying again (sent when the server knows)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO));
    }
}
