package org.okrpm.kit.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error statuses every operation shares (docs/api.md, Conventions) once, instead of on every
 * resource method: problem+json bodies for 400/401/403/404/412/413/415/422 where they can occur, and the
 * Idempotency-Key and If-Match headers. Operation-specific statuses (409, 422) stay on the operations. Then the
 * rules that make the document exact enough for client generators: {@link ResponseContracts},
 * {@link RequestBodies} and {@link ResponseHeaders}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ensureProblemSchema(openAPI);
        Enumerations.applyRoles(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> api = new LinkedHashMap<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                api.put(path, item);
            }
        });
        Aliases.inline(openAPI, api);
        api.forEach((path, item) -> item.getOperations().forEach((method, operation) -> document(path, method, operation)));
        ResponseContracts.apply(openAPI, api);
        RequestBodies.apply(openAPI, api);
        ResponseHeaders.apply(openAPI, api);
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getSecurity() == null) {
            // said explicitly: this operation needs no token (it checks a signature, or hands out tokens)
            operation.setSecurity(new ArrayList<>());
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> p.getSchema() == null && p.getContent() == null)
                    .forEach(p -> p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        ParameterDescriptions.apply(operation);
        add(responses, "401", "No or invalid credentials");
        add(responses, "403", "The caller's role does not allow this operation");
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasQuery = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (hasBody || hasQuery) {
            add(responses, "400", "Malformed JSON, wrong types, invalid values or query parameters");
        }
        if (path.contains("{")) {
            add(responses, "404", "Unknown resource, or an id that is not a UUID");
        }
        if (hasBody) {
            add(responses, "413", "Body larger than 1 MiB");
            add(responses, "415", "Body is not JSON");
        }
        if (method == PathItem.HttpMethod.POST) {
            add(responses, "422", "Idempotency-Key reused with another body, or a referenced resource cannot be used");
            header(operation, "Idempotency-Key",
                    "Makes the POST safe to retry: the same key and body within 24 h return the first response");
        }
        if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
            add(responses, "412", "If-Match does not match the current version");
            header(operation, "If-Match", "The ETag (version) the change is based on, e.g. \"3\"");
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    private static void header(Operation operation, String name, String description) {
        boolean present = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()));
        if (!present) {
            operation.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.HEADER)
                    .required(false).description(description)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    private static void ensureProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey("Problem")) {
            return;
        }
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string)
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(fieldError))
                .required(List.of("type", "title", "status")));
    }
}
