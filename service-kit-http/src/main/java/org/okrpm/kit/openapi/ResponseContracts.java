package org.okrpm.kit.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What every success response promises, stated once for all services so generated clients get exact types:
 * every property of a response body is always present (Jackson writes nulls, so "required" holds, and a field
 * that may be null says so with {@code @Schema(nullable = true)}) unless its schema lists its required
 * properties itself ({@code @Schema(requiredProperties = ...)}), {@code Location} on 201, and {@code ETag} on
 * every body that is one versioned resource (the kit's ETagFilter), with the {@code 304} a GET then allows.
 */
final class ResponseContracts {

    private ResponseContracts() {
    }

    static void apply(OpenAPI openAPI, Map<String, PathItem> paths) {
        List<Schema> roots = new ArrayList<>();
        paths.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    Schemas.eachSchema(response.getContent(), roots::add);
                    headers(openAPI, method, operation, status, response);
                }
            });
        }));
        Set<String> names = Schemas.reachable(openAPI, roots);
        names.remove("Problem");
        names.forEach(name -> allPresent(Schemas.components(openAPI).get(name)));
    }

    /** Every property is required; those SmallRye marked nullable become "or null" in OpenAPI 3.1 terms. */
    private static void allPresent(Schema schema) {
        if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        if (schema.getRequired() == null || schema.getRequired().isEmpty()) {
            // a body that leaves fields out (assembled by hand, not by Jackson) names its required ones itself
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
        // the model's maps are read-only views: build the new properties and set them
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> properties.put(name,
                property.getRef() != null && Schemas.admitsNull(property) && property.getAnyOf() == null
                        ? Schemas.nullable(OASFactory.createSchema().ref(property.getRef())
                                .description(property.getDescription()))
                        : Schemas.nullInEnum(property)));
        schema.setProperties(properties);
    }

    private static void headers(OpenAPI openAPI, PathItem.HttpMethod method, Operation operation, String status,
            APIResponse response) {
        if ("201".equals(status)) {
            header(response, "Location", "The new resource's path, e.g. /api/v1/cycles/{id}");
        }
        boolean versioned = false;
        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
            versioned = response.getContent().getMediaTypes().values().stream().anyMatch(media -> {
                Schema body = Schemas.resolve(openAPI, media.getSchema());
                return body != null && body.getProperties() != null && body.getProperties().containsKey("version");
            });
        }
        if (!versioned) {
            return;
        }
        header(response, "ETag", "The resource's version, quoted (\"3\"): send it as If-Match or If-None-Match");
        if (method == PathItem.HttpMethod.GET && "200".equals(status)) {
            if (!operation.getResponses().hasAPIResponse("304")) {
                operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not Modified: If-None-Match names the current version; no body"));
            }
            boolean present = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()));
            if (!present) {
                operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                        .required(false).description("An ETag seen before; 304 without a body while it is current")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        }
    }

    private static void header(APIResponse response, String name, String description) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        response.addHeader(name, OASFactory.createHeader().description(description).required(true)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }
}
