package org.okrpm.kit.openapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Component schemas that are only a {@code $ref} to another, e.g. the gateway's {@code @Schema(ref = "Cycle")}
 * placeholders for owners' schemas (which are defined in the owners' parts of the merged document): every
 * reference to such an alias points at its target instead and the alias is dropped, so generated clients get the
 * owner's type, not a second name for it.
 */
final class Aliases {

    private Aliases() {
    }

    static void inline(OpenAPI openAPI, Map<String, PathItem> paths) {
        Map<String, String> targets = new HashMap<>();
        Schemas.components(openAPI).forEach((name, schema) -> {
            if (schema.getRef() != null && (schema.getProperties() == null || schema.getProperties().isEmpty())) {
                targets.put(Schemas.REF + name, schema.getRef());
            }
        });
        if (targets.isEmpty()) {
            return;
        }
        Consumer<Schema> retarget = schema -> {
            if (schema.getRef() != null && targets.containsKey(schema.getRef())) {
                schema.setRef(targets.get(schema.getRef()));
                // a "type: object" SmallRye added next to the reference says nothing the target does not
                schema.setType(null);
            }
        };
        Schemas.components(openAPI).values().forEach(schema -> walk(schema, retarget));
        paths.values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                Schemas.eachSchema(operation.getRequestBody().getContent(), schema -> walk(schema, retarget));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response ->
                        Schemas.eachSchema(response.getContent(), schema -> walk(schema, retarget)));
            }
        }));
        targets.keySet().forEach(ref -> openAPI.getComponents().removeSchema(ref.substring(Schemas.REF.length())));
    }

    private static void walk(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> walk(property, action));
        }
        walk(schema.getItems(), action);
        walk(schema.getAdditionalPropertiesSchema(), action);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> walk(member, action));
            }
        }
    }
}
