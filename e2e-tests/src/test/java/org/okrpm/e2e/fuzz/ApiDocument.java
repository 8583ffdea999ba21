package org.okrpm.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of the merged OpenAPI document, with every {@code $ref} of their schemas resolved. */
public final class ApiDocument {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String SCHEMA_REF = "#/components/schemas/";
    /** Members the server writes; a merge patch of them is fuzzed too, but they make no sensible patch body. */
    private static final Set<String> SERVER_FIELDS = Set.of("id", "version", "createdAt", "updatedAt");

    private final JsonNode document;

    public ApiDocument(JsonNode document) {
        this.document = document;
    }

    /** Every operation, writes that delete last (so that nothing fuzzed later loses its target), then by path. */
    public List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(path.getKey(), op.getKey().toUpperCase(), op.getValue(),
                            path.getValue().path("parameters")));
                }
            }
        }
        operations.sort(Comparator.comparing((ApiOperation op) -> op.method().equals("DELETE"))
                .thenComparing(ApiOperation::template).thenComparing(ApiOperation::method));
        return operations;
    }

    /** A schema with its {@code $ref} replaced by the referenced schema (members next to the ref win). */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            JsonNode target = ref.startsWith(SCHEMA_REF)
                    ? document.path("components").path("schemas").path(ref.substring(SCHEMA_REF.length())) : null;
            if (target == null || target.isMissingNode()) {
                return current;
            }
            ObjectNode merged = ((ObjectNode) target).deepCopy();
            for (Map.Entry<String, JsonNode> member : current.properties()) {
                if (!member.getKey().equals("$ref")) {
                    merged.set(member.getKey(), member.getValue());
                }
            }
            if (!target.has("$ref")) {
                merged.remove("$ref");
            }
            current = merged;
        }
        return current;
    }

    private ApiOperation operation(String template, String method, JsonNode op, JsonNode pathLevelParameters) {
        List<ApiOperation.Parameter> pathParameters = new ArrayList<>();
        List<ApiOperation.Parameter> queryParameters = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathLevelParameters.forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            ApiOperation.Parameter parsed = new ApiOperation.Parameter(parameter.path("name").asText(),
                    resolve(parameter.path("schema")));
            switch (parameter.path("in").asText()) {
                case "path" -> pathParameters.add(parsed);
                case "query" -> queryParameters.add(parsed);
                default -> { }
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        String contentType = null;
        JsonNode bodySchema = null;
        boolean patch = false;
        if (content.isObject() && content.size() > 0) {
            contentType = content.has("application/json") ? "application/json" : content.fieldNames().next();
            JsonNode declared = content.path(contentType).path("schema");
            patch = content.has("application/merge-patch+json") || method.equals("PATCH");
            bodySchema = isGenericJson(declared) ? patchSchema(op) : resolve(declared);
        }
        return new ApiOperation(method, template, op.path("operationId").asText(method + " " + template),
                pathParameters, queryParameters, bodySchema, contentType, patch);
    }

    /** A schema's type; of OpenAPI 3.1's {@code ["number", "null"]} (a nullable member) the one that is not null. */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asText().equals("null")) {
                    return one.asText();
                }
            }
            return "";
        }
        return type.asText("");
    }

    /** Jackson's JsonNode as a body (merge patches) says nothing about the members. */
    private static boolean isGenericJson(JsonNode schema) {
        return schema.path("$ref").asText().endsWith("/JsonNode");
    }

    /**
     * The members a merge patch may carry: the {@code <Resource>Update} schema of the resource the operation
     * answers with, else that resource's own members but those the server writes.
     */
    private JsonNode patchSchema(JsonNode op) {
        String answered = "";
        for (String status : List.of("200", "201")) {
            String ref = op.path("responses").path(status).path("content").path("application/json")
                    .path("schema").path("$ref").asText();
            if (!ref.isEmpty()) {
                answered = ref;
                break;
            }
        }
        if (!answered.startsWith(SCHEMA_REF)) {
            return null;
        }
        String resource = answered.substring(SCHEMA_REF.length());
        JsonNode update = document.path("components").path("schemas").path(resource + "Update");
        if (update.isObject()) {
            return update;
        }
        ObjectNode fallback = ((ObjectNode) resolve(document.path("components").path("schemas").path(resource)))
                .deepCopy();
        if (fallback.has("properties")) {
            ((ObjectNode) fallback.get("properties")).remove(SERVER_FIELDS);
        }
        return fallback;
    }
}
