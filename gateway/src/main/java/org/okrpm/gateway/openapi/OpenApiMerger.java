package org.okrpm.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.okrpm.gateway.routing.Owner;

/**
 * Merges the owners' OpenAPI documents into the gateway's own: the paths it routes, every components section
 * (schemas, security schemes, ...) and tags. A schema name two documents define differently keeps its name for
 * the first and is renamed {@code <Name>_<service>} (with every {@code $ref} to it) for the others.
 */
public final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerger() {
    }

    /** {@code gateway} is not modified; owners are merged in the order given. */
    public static JsonObject merge(JsonObject gateway, Map<String, JsonObject> owners) {
        JsonObject merged = gateway.copy();
        JsonObject paths = child(merged, "paths");
        JsonObject components = child(merged, "components");
        JsonArray tags = merged.getJsonArray("tags", new JsonArray());
        merged.put("tags", tags);
        for (Map.Entry<String, JsonObject> owner : owners.entrySet()) {
            JsonObject document = owner.getValue().copy();
            Map<String, String> renames = renames(child(components, "schemas"), document, owner.getKey());
            if (!renames.isEmpty()) {
                document = (JsonObject) rewriteRefs(document, renames);
                JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
                renames.forEach((from, to) -> schemas.put(to, schemas.remove(from)));
            }
            // only what the gateway routes: each owner's own /api/v1/admin/... is reached on its port
            document.getJsonObject("paths", new JsonObject()).forEach(path -> {
                if (Owner.ofPath(path.getKey()).isPresent()) {
                    paths.getMap().putIfAbsent(path.getKey(), path.getValue());
                }
            });
            JsonObject ownerComponents = document.getJsonObject("components", new JsonObject());
            for (String section : ownerComponents.fieldNames()) {
                JsonObject target = child(components, section);
                ownerComponents.getJsonObject(section, new JsonObject())
                        .forEach(entry -> target.getMap().putIfAbsent(entry.getKey(), entry.getValue()));
            }
            document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                String name = tag instanceof JsonObject t ? t.getString("name") : null;
                boolean known = tags.stream().anyMatch(existing ->
                        existing instanceof JsonObject e && name != null && name.equals(e.getString("name")));
                if (!known) {
                    tags.add(tag);
                }
            });
        }
        return merged;
    }

    private static Map<String, String> renames(JsonObject existing, JsonObject document, String owner) {
        Map<String, String> renames = new HashMap<>();
        JsonObject schemas = document.getJsonObject("components", new JsonObject())
                .getJsonObject("schemas", new JsonObject());
        for (String name : schemas.fieldNames()) {
            Object mine = existing.getValue(name);
            if (mine != null && !mine.equals(schemas.getValue(name))) {
                renames.put(name, name + "_" + owner);
            }
        }
        return renames;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(entry -> {
                Object value = entry.getValue();
                if ("$ref".equals(entry.getKey()) && value instanceof String ref && ref.startsWith(SCHEMA_REF)
                        && renames.containsKey(ref.substring(SCHEMA_REF.length()))) {
                    copy.put(entry.getKey(), SCHEMA_REF + renames.get(ref.substring(SCHEMA_REF.length())));
                } else {
                    copy.put(entry.getKey(), rewriteRefs(wrap(value), renames));
                }
            });
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(rewriteRefs(wrap(item), renames)));
            return copy;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Object wrap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new JsonObject((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return new JsonArray((List<Object>) list);
        }
        return value;
    }

    private static JsonObject child(JsonObject parent, String name) {
        JsonObject child = parent.getJsonObject(name);
        if (child == null) {
            child = new JsonObject();
            parent.put(name, child);
        }
        return child;
    }

}
