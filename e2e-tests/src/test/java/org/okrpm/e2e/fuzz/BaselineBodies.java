package org.okrpm.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Valid-looking request bodies built from the document's schemas (their examples first, fixture ids for id
 * members), and the members a mutation can replace, each with the body that carries the hostile value there.
 */
final class BaselineBodies {

    /** A member of a body: {@code name}, {@code budget.amount}, {@code changes[0].weight}, {@code tags[0]}. */
    record Field(String name, List<Object> path, JsonNode schema) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SLOT = "__fuzz_slot__";
    private static final int MAX_DEPTH = 4;

    private final ApiDocument document;
    private final Fixtures fixtures;
    private String collection;

    BaselineBodies(ApiDocument document, Fixtures fixtures) {
        this.document = document;
        this.fixtures = fixtures;
    }

    /**
     * A whole body: every member the schema names, valid as far as the schema and the fixtures tell. A member
     * named {@code id} names the fixture of {@code collection}, the operation's own ({@code tasks} of
     * {@code /api/v1/tasks/bulk}).
     */
    JsonNode baseline(JsonNode schema, String collection) {
        this.collection = collection;
        return value(document.resolve(schema), "", 0);
    }

    /** Every member of the schema, nested objects and array items included. */
    List<Field> fields(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        collect(document.resolve(schema), "", new ArrayList<>(), fields, 0);
        return fields;
    }

    /**
     * The body text with {@code rawJson} at {@code field}. A merge patch carries only the top-level member that
     * holds the field, as a client changing one thing would send it.
     */
    String withValue(JsonNode baseline, Field field, String rawJson, boolean patch) {
        JsonNode body = baseline.deepCopy();
        if (!put(body, field.path(), TextNode.valueOf(SLOT))) {
            return null;
        }
        if (patch && body.isObject()) {
            String top = (String) field.path().get(0);
            ObjectNode only = NODES.objectNode();
            only.set(top, body.get(top));
            body = only;
        }
        return Fixtures.json(body).replace("\"" + SLOT + "\"", rawJson);
    }

    private void collect(JsonNode schema, String prefix, List<Object> path, List<Field> fields, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode resolved = document.resolve(property.getValue());
            String name = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            List<Object> memberPath = new ArrayList<>(path);
            memberPath.add(property.getKey());
            fields.add(new Field(name, memberPath, resolved));
            if (resolved.has("properties")) {
                collect(resolved, name, memberPath, fields, depth + 1);
            }
            if ("array".equals(ApiDocument.typeOf(resolved))) {
                JsonNode items = document.resolve(resolved.path("items"));
                List<Object> itemPath = new ArrayList<>(memberPath);
                itemPath.add(0);
                if (items.has("properties")) {
                    collect(items, name + "[0]", itemPath, fields, depth + 1);
                } else {
                    fields.add(new Field(name + "[0]", itemPath, items));
                }
            }
        }
    }

    private JsonNode value(JsonNode schema, String name, int depth) {
        JsonNode example = schema.has("examples") && schema.get("examples").size() > 0
                ? schema.get("examples").get(0) : schema.get("example");
        String type = ApiDocument.typeOf(schema);
        boolean id = "uuid".equals(schema.path("format").asText()) || name.endsWith("Id") || name.equals("id");
        String fixture = !id ? null : name.equals("id") ? fixtures.idOf(collection) : fixtures.idForField(name);
        if (fixture != null && !type.equals("array")) {
            return TextNode.valueOf(fixture);
        }
        boolean emptyExample = example != null && example.isContainerNode() && example.isEmpty();
        if (example != null && !emptyExample && !(id && type.equals("string"))) {
            return example;
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        object.set(property.getKey(), value(document.resolve(property.getValue()), property.getKey(),
                                depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(value(document.resolve(schema.path("items")), name + "[0]", depth + 1));
                yield array;
            }
            case "number", "integer" -> NODES.numberNode(schema.has("minimum")
                    ? Math.max(1, schema.get("minimum").asLong()) : 1);
            case "boolean" -> NODES.booleanNode(true);
            default -> TextNode.valueOf(text(schema, name, fixture));
        };
    }

    private static String text(JsonNode schema, String name, String fixture) {
        if ("date".equals(schema.path("format").asText())) {
            return "2026-11-15";
        }
        if (fixture != null) {
            return fixture;
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return "7d9f2f8e-2a3b-4c5d-8e9f-0a1b2c3d4e5f";
        }
        String text = "fuzz " + name.replaceAll("[^A-Za-z]", "");
        int min = schema.path("minLength").asInt(0);
        return text.length() >= min ? text : text + "-".repeat(min - text.length());
    }

    /** False when the baseline has no place for the path (a member nested deeper than it goes). */
    private static boolean put(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1 && parent != null; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index && parent instanceof ArrayNode array && array.size() > index) {
            array.set(index, value);
            return true;
        }
        if (last instanceof String member && parent instanceof ObjectNode object) {
            object.set(member, value);
            return true;
        }
        return false;
    }
}
