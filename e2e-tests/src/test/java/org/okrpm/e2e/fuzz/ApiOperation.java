package org.okrpm.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of the merged OpenAPI document, as far as the fuzz pass needs it.
 *
 * @param bodySchema the resolved schema of the JSON request body, or null when the operation takes none
 * @param bodyIsPatch a JSON merge patch: each mutation sends only the member it changes
 */
public record ApiOperation(String method, String template, String operationId, List<Parameter> pathParameters,
                           List<Parameter> queryParameters, JsonNode bodySchema, String bodyContentType,
                           boolean bodyIsPatch) {

    /** A path or query parameter with its resolved schema. */
    public record Parameter(String name, JsonNode schema) {
    }

    public boolean isWrite() {
        return !method.equals("GET");
    }

    public boolean takesBody() {
        return bodyContentType != null;
    }

    /** {@code POST /api/v1/cycles (createCycle)}, for the log and the findings. */
    public String label() {
        return method + " " + template + " (" + operationId + ")";
    }
}
