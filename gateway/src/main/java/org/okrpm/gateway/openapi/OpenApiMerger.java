package org.okrpm.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.okrpm.gateway.routing.Owner;

/**
 * Merges the owners' OpenAPI documents into the gateway's own: the paths it routes, every components section
 * (schemas, security schemes, ...) and tags, so that the result reads as one API. Schema names: a list envelope
 * ({@code PageResponseCycleView}) is named after its items ({@code CyclePage}), so that two services' lists of
 * different things never share a name; two schemas that differ only in their examples are one; a schema name two
 * documents still define differently keeps its name for the first and is renamed {@code <Name>_<service>} (with
 * every {@code $ref} to it) for the others. Every operation that takes a JWT takes an API key as well (the
 * gateway exchanges it), every operation may be rate-limited (429), and the one server is the gateway itself.
 */
public final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String PAGE_PREFIX = "PageResponse";

    private OpenApiMerger() {
    }

    /** {@code gateway} is not modified; owners are merged in the order given. */
    public static JsonObject merge(JsonObject gateway, Map<String, JsonObject> owners) {
        JsonObject merged = pagesNamedAfterItems(gateway.copy());
        merged.put("servers", new JsonArray().add(new JsonObject().put("url", "/")
                .put("description", "The gateway serving this document (http://localhost:8080 in the local stack)")));
        JsonObject paths = child(merged, "paths");
        JsonObject components = child(merged, "components");
        JsonArray tags = merged.getJsonArray("tags", new JsonArray());
        merged.put("tags", tags);
        for (Map.Entry<String, JsonObject> owner : owners.entrySet()) {
            JsonObject document = pagesNamedAfterItems(owner.getValue().copy());
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
        apiKeyWhereverJwt(paths);
        rateLimitedEverywhere(paths);
        return merged;
    }

    /** {@code PageResponse<X>} schemas renamed {@code <Item>Page}, after the schema their items refer to. */
    private static JsonObject pagesNamedAfterItems(JsonObject document) {
        JsonObject schemas = document.getJsonObject("components", new JsonObject())
                .getJsonObject("schemas", new JsonObject());
        Map<String, String> renames = new HashMap<>();
        for (String name : schemas.fieldNames()) {
            JsonObject items = name.startsWith(PAGE_PREFIX) ? schemas.getJsonObject(name)
                    .getJsonObject("properties", new JsonObject())
                    .getJsonObject("items", new JsonObject()).getJsonObject("items") : null;
            String ref = items == null ? null : items.getString("$ref");
            if (ref != null && ref.startsWith(SCHEMA_REF) && !schemas.containsKey(ref.substring(SCHEMA_REF.length()) + "Page")) {
                renames.put(name, ref.substring(SCHEMA_REF.length()) + "Page");
            }
        }
        if (renames.isEmpty()) {
            return document;
        }
        JsonObject renamed = (JsonObject) rewriteRefs(document, renames);
        JsonObject renamedSchemas = renamed.getJsonObject("components").getJsonObject("schemas");
        renames.forEach((from, to) -> renamedSchemas.put(to, renamedSchemas.remove(from)));
        return renamed;
    }

    private static void apiKeyWhereverJwt(JsonObject paths) {
        paths.forEach(path -> {
            if (!(path.getValue() instanceof JsonObject item)) {
                return;
            }
            item.forEach(operation -> {
                JsonArray security = operation.getValue() instanceof JsonObject op ? op.getJsonArray("security") : null;
                if (security == null) {
                    return;
                }
                boolean jwt = security.stream().anyMatch(r -> r instanceof JsonObject o && o.containsKey("jwt"));
                boolean apiKey = security.stream().anyMatch(r -> r instanceof JsonObject o && o.containsKey("apiKey"));
                if (jwt && !apiKey) {
                    security.add(new JsonObject().put("apiKey", new JsonArray()));
                }
            });
        });
    }

    /** The gateway limits every client's rate (docs/gateway.md), so every operation it routes may answer 429. */
    private static void rateLimitedEverywhere(JsonObject paths) {
        paths.forEach(path -> {
            if (path.getValue() instanceof JsonObject item) {
                item.forEach(operation -> {
                    if (operation.getValue() instanceof JsonObject op) {
                        child(op, "responses").getMap().putIfAbsent("429", tooManyRequests());
                    }
                });
            }
        });
    }

    private static JsonObject tooManyRequests() {
        return new JsonObject()
                .put("description", "Too many requests from this client (the gateway's rate limit)")
                .put("headers", new JsonObject()
                        .put("Retry-After", new JsonObject().put("required", true)
                                .put("description", "Seconds to wait before trying again")
                                .put("schema", new JsonObject().put("type", "integer").put("minimum", 1)))
                        .put("X-Request-Id", new JsonObject().put("required", true)
                                .put("description", "The request's id")
                                .put("schema", new JsonObject().put("type", "string").put("maxLength", 128))))
                .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", SCHEMA_REF + "Problem"))));
    }

    /** The schema without its examples: two schemas that differ only there describe one concept. */
    private static Object withoutExamples(Object node) {
        Object value = wrap(node);
        if (value instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(entry -> {
                if (!"examples".equals(entry.getKey()) && !"example".equals(entry.getKey())) {
                    copy.put(entry.getKey(), withoutExamples(entry.getValue()));
                }
            });
            return copy;
        }
        if (value instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(withoutExamples(item)));
            return copy;
        }
        return value;
    }

    private static Map<String, String> renames(JsonObject existing, JsonObject document, String owner) {
        Map<String, String> renames = new HashMap<>();
        JsonObject schemas = document.getJsonObject("components", new JsonObject())
                .getJsonObject("schemas", new JsonObject());
        for (String name : schemas.fieldNames()) {
            Object mine = existing.getValue(name);
            if (mine != null && !withoutExamples(mine).equals(withoutExamples(schemas.getValue(name)))) {
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
