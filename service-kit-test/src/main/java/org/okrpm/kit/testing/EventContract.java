package org.okrpm.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event contract fixtures of docs/events.md ('Contract fixtures'): one sample value per ce_type, in
 * {@code event-contract/<ce_type>.json} on the test classpath. Producers check that what they publish has the
 * sample's shape ({@link #assertMatches}); consumers publish the sample ({@link #sample(String, Map)}) and check
 * they applied it.
 *
 * <p>A sample is a realistic value of its type. Its top-level {@value #NULLABLE} array (removed from what
 * {@link #sample} returns) names the fields, as dotted paths, that may be {@code null}; every other field must
 * be present and of the sample's JSON type. Extra fields are allowed: producers may add fields, consumers must
 * ignore unknown ones.
 */
public final class EventContract {

    /** The sample's list of fields (dotted paths) that may be null. */
    public static final String NULLABLE = "$nullable";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContract() {
    }

    /** The sample value of {@code type}, as JSON text, ready to publish. */
    public static String sample(String type) {
        return sample(type, Map.of());
    }

    /**
     * The sample value of {@code type} with some top-level fields replaced (e.g. ids the consumer must know);
     * values are written as Jackson writes them ({@code null}, numbers, strings, lists, maps).
     */
    public static String sample(String type, Map<String, ?> replacements) {
        ObjectNode sample = load(type).deepCopy();
        sample.remove(NULLABLE);
        for (Map.Entry<String, ?> entry : replacements.entrySet()) {
            if (!sample.has(entry.getKey())) {
                throw new IllegalArgumentException("The sample of " + type + " has no field " + entry.getKey());
            }
            sample.set(entry.getKey(), JSON.valueToTree(entry.getValue()));
        }
        return write(sample);
    }

    /** The sample of {@code type} as a tree (without {@value #NULLABLE}). */
    public static JsonNode sampleTree(String type) {
        return read(sample(type));
    }

    /**
     * Fails unless {@code actualJson} has every field of the sample of {@code type}, each of the sample's JSON
     * type (numbers are numbers, integral or not), or null where the sample allows it; objects are compared
     * field by field, array elements against the sample's first element. Extra fields are allowed.
     */
    public static void assertMatches(String type, String actualJson) {
        ObjectNode sample = load(type);
        Set<String> nullable = new HashSet<>();
        sample.path(NULLABLE).forEach(path -> nullable.add(path.asText()));
        ObjectNode expected = sample.deepCopy();
        expected.remove(NULLABLE);
        List<String> problems = new ArrayList<>();
        compare("", expected, read(actualJson), nullable, problems);
        if (!problems.isEmpty()) {
            throw new AssertionError("The " + type + " value does not match its contract sample (event-contract/"
                    + type + ".json): " + String.join("; ", problems) + "\n  value: " + actualJson);
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, Set<String> nullable,
                                List<String> problems) {
        String name = path.isEmpty() ? "(value)" : path;
        if (actual == null || actual.isMissingNode()) {
            problems.add(name + " is missing");
            return;
        }
        if (actual.isNull()) {
            if (!expected.isNull() && !nullable.contains(path)) {
                problems.add(name + " is null, the sample says " + kind(expected));
            }
            return;
        }
        if (expected.isNull()) {
            problems.add(name + " should be null (the sample gives no other type), is " + kind(actual));
            return;
        }
        if (kind(expected) != kind(actual)) {
            problems.add(name + " is " + kind(actual) + ", the sample says " + kind(expected));
            return;
        }
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                compare(child, field.getValue(), actual.get(field.getKey()), nullable, problems);
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compareElement(path, expected.get(0), actual.get(i), i, nullable, problems);
            }
        }
    }

    private static void compareElement(String path, JsonNode expected, JsonNode actual, int index,
                                       Set<String> nullable, List<String> problems) {
        List<String> inner = new ArrayList<>();
        compare(path + "[]", expected, actual, nullable, inner);
        inner.forEach(problem -> problems.add(problem.replace(path + "[]", path + "[" + index + "]")));
    }

    private static JsonNodeType kind(JsonNode node) {
        return node.getNodeType() == JsonNodeType.POJO ? JsonNodeType.OBJECT : node.getNodeType();
    }

    private static ObjectNode load(String type) {
        String resource = "event-contract/" + type + ".json";
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract sample " + resource + " on the classpath");
            }
            JsonNode node = JSON.readTree(in);
            if (!node.isObject()) {
                throw new IllegalStateException(resource + " is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
