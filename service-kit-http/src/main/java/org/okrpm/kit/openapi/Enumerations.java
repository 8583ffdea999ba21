package org.okrpm.kit.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.okrpm.kit.security.Roles;

/**
 * Closed vocabularies of string fields, stated as {@code enum} where Java has no enum type to derive them from:
 * the kit's {@link Roles} wherever a schema has a {@code roles} array of strings, and what a service adds for its
 * own (from a subclass of {@link ProblemResponsesFilter}, e.g. okr-service's webhook event names), taken from the
 * constants the code checks against, so the document cannot drift from them.
 */
public final class Enumerations {

    /** Every role, in the order of docs/api.md. */
    public static final List<String> ROLES = List.of(Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.INTEGRATOR);

    private Enumerations() {
    }

    static void applyRoles(OpenAPI openAPI) {
        Schemas.components(openAPI).forEach((name, schema) -> {
            Schema roles = schema.getProperties() == null ? null : schema.getProperties().get("roles");
            if (roles != null && roles.getItems() != null && isString(roles.getItems())) {
                enumerate(roles.getItems(), ROLES);
            }
        });
    }

    /**
     * Lists {@code values} as the enum of component {@code schemaName}'s property {@code property}: of its items
     * when it is an array, else of the property itself. Nothing happens when the schema or property is absent.
     */
    public static void enumerate(OpenAPI openAPI, String schemaName, String property, List<String> values) {
        Schema schema = Schemas.components(openAPI).get(schemaName);
        if (schema == null || schema.getProperties() == null || !schema.getProperties().containsKey(property)) {
            return;
        }
        Schema target = schema.getProperties().get(property);
        if (target.getItems() != null) {
            enumerate(target.getItems(), values);
        } else {
            // the model's maps are read-only views: set the property anew
            Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
            properties.put(property, enumerate(target, values));
            schema.setProperties(properties);
        }
    }

    private static Schema enumerate(Schema schema, List<String> values) {
        List<Object> enumeration = new ArrayList<>(values);
        if (Schemas.admitsNull(schema)) {
            enumeration.add(null);
        }
        schema.setEnumeration(enumeration);
        return schema;
    }

    private static boolean isString(Schema schema) {
        return schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING);
    }
}
