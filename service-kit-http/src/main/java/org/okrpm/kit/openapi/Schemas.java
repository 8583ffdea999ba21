package org.okrpm.kit.openapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Small helpers over the document's component schemas, shared by the rules of {@link ProblemResponsesFilter}. */
final class Schemas {

    static final String REF = "#/components/schemas/";

    private Schemas() {
    }

    static Map<String, Schema> components(OpenAPI openAPI) {
        return openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
    }

    /** The component a {@code $ref} names, or the schema itself when it is inline. */
    static Schema resolve(OpenAPI openAPI, Schema schema) {
        if (schema == null || schema.getRef() == null || !schema.getRef().startsWith(REF)) {
            return schema;
        }
        return components(openAPI).get(schema.getRef().substring(REF.length()));
    }

    static void eachSchema(Content content, Consumer<Schema> action) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(media -> {
            if (media.getSchema() != null) {
                action.accept(media.getSchema());
            }
        });
    }

    /** The names of the component schemas reachable from {@code roots}, following properties and items. */
    static Set<String> reachable(OpenAPI openAPI, List<Schema> roots) {
        Set<String> names = new LinkedHashSet<>();
        roots.forEach(root -> collect(openAPI, root, names));
        return names;
    }

    private static void collect(OpenAPI openAPI, Schema schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(REF)) {
            String name = schema.getRef().substring(REF.length());
            if (names.add(name)) {
                collect(openAPI, components(openAPI).get(name), names);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(openAPI, p, names));
        }
        collect(openAPI, schema.getItems(), names);
        collect(openAPI, schema.getAdditionalPropertiesSchema(), names);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> collect(openAPI, s, names));
            }
        }
    }

    /** {@code schema} or null: a {@code $ref} becomes {@code anyOf[$ref, null]}, a typed schema gains "null". */
    static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            if (schema.getAnyOf() != null) {
                return schema;
            }
            Schema wrapper = OASFactory.createSchema()
                    .addAnyOf(OASFactory.createSchema().ref(schema.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            wrapper.setDescription(schema.getDescription());
            wrapper.setExamples(schema.getExamples());
            return wrapper;
        }
        if (schema.getType() != null && !schema.getType().isEmpty()
                && !schema.getType().contains(Schema.SchemaType.NULL)) {
            schema.addType(Schema.SchemaType.NULL);
        }
        return nullInEnum(schema);
    }

    /** A nullable enum lists null among its values, or null would not validate against it. */
    static Schema nullInEnum(Schema schema) {
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()
                && !schema.getEnumeration().contains(null) && admitsNull(schema)) {
            List<Object> values = new java.util.ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
        return schema;
    }

    /** Whether a property schema already admits null. */
    static boolean admitsNull(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        return schema.getAnyOf() != null && schema.getAnyOf().stream()
                .anyMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL));
    }
}
