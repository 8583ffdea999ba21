package org.okrpm.kit.openapi;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Request bodies as a client generator needs them. A PATCH body is a JSON merge patch (RFC 7396) of the
 * resource's {@code *Update} schema: every field may be left out, and a field the resource may lack can be sent
 * as null to clear it; so the schema loses its "required" list and those fields admit null. Every body gets an
 * example, assembled from its fields' examples when the operation does not give one.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    static void apply(OpenAPI openAPI, Map<String, PathItem> paths) {
        // one Update schema serves both media types of a PATCH: loosen it once
        Set<Schema> loosened = Collections.newSetFromMap(new IdentityHashMap<>());
        paths.values().forEach(item -> item.getOperations().forEach((method, operation) -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                    || operation.getRequestBody().getContent().getMediaTypes() == null) {
                return;
            }
            operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
                Schema body = Schemas.resolve(openAPI, media.getSchema());
                if (body == null) {
                    return;
                }
                if (method == PathItem.HttpMethod.PATCH && loosened.add(body)) {
                    allOptional(body);
                }
                if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
                    Map<String, Object> example = example(openAPI, body);
                    if (example.isEmpty() && media.getSchema().getRef() != null
                            && media.getSchema().getRef().endsWith("Update")) {
                        // a merge patch changes what a create sets: its example shows one such change
                        Schema create = Schemas.components(openAPI).get(media.getSchema().getRef()
                                .substring(Schemas.REF.length()).replaceFirst("Update$", "Create"));
                        example(openAPI, create == null ? body : create).entrySet().stream()
                                .filter(field -> body.getProperties() != null
                                        && body.getProperties().containsKey(field.getKey()))
                                .findFirst().ifPresent(field -> example.put(field.getKey(), field.getValue()));
                    }
                    if (!example.isEmpty()) {
                        media.setExample(example);
                    }
                }
            });
        }));
    }

    private static void allOptional(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : List.copyOf(schema.getRequired());
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) ->
                properties.put(name, required.contains(name) ? property : Schemas.nullable(property)));
        schema.setProperties(properties);
        schema.setRequired(null);
    }

    private static Map<String, Object> example(OpenAPI openAPI, Schema body) {
        Map<String, Object> example = new LinkedHashMap<>();
        if (body.getProperties() == null) {
            return example;
        }
        List<String> required = body.getRequired() == null ? List.of() : body.getRequired();
        body.getProperties().forEach((name, property) -> {
            Object value = exampleOf(property);
            if (value == null) {
                value = exampleOf(Schemas.resolve(openAPI, property));
            }
            if (value == null && required.contains(name)) {
                value = typical(openAPI, Schemas.resolve(openAPI, property));
            }
            if (value != null) {
                example.put(name, value);
            }
        });
        return example;
    }

    /** A value of the schema's type, for a required field none of whose declarations gives an example. */
    private static Object typical(OpenAPI openAPI, Schema schema) {
        if (schema == null || schema.getType() == null || schema.getType().isEmpty()) {
            return null;
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (schema.getType().get(0)) {
            case STRING -> switch (format) {
                case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
                case "date" -> "2026-10-01";
                case "date-time" -> "2026-11-25T10:15:30Z";
                default -> "text";
            };
            case INTEGER, NUMBER -> 1;
            case BOOLEAN -> true;
            case ARRAY -> {
                // one item, so that a minimum of one is met
                Schema items = Schemas.resolve(openAPI, schema.getItems());
                Object item = items != null && items.getProperties() != null ? example(openAPI, items)
                        : typical(openAPI, items);
                yield item == null ? List.of() : List.of(item);
            }
            case OBJECT -> example(openAPI, schema);
            default -> null;
        };
    }

    private static Object exampleOf(Schema schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getAnyOf() != null) {
            return schema.getAnyOf().stream().map(RequestBodies::exampleOf)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        return null;
    }
}
