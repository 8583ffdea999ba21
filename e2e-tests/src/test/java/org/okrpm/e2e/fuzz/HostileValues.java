package org.okrpm.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The hostile values of each {@link Hostility}: as raw JSON for a body member (raw, because {@code NaN}, a 400-digit
 * number or 10,000 nested arrays are not what a JSON library writes) and as an encoded text for a query parameter
 * or a path segment. None of them contains a word the leak oracle looks for.
 */
public final class HostileValues {

    /** One value: its class, a short label for the report, and the text sent. */
    public record Value(Hostility hostility, String label, String text) {
    }

    static final int DEEP = 10_000;
    private static final int LONG = 100_000;
    private static final String DIGITS_400 = "9".repeat(400);

    private final UUID unknownId;

    HostileValues(UUID unknownId) {
        this.unknownId = unknownId;
    }

    /** Raw JSON values for a body member whose (resolved) schema is {@code schema}. */
    List<Value> forBody(JsonNode schema) {
        List<Value> values = new ArrayList<>();
        String type = ApiDocument.typeOf(schema);
        switch (type) {
            case "number", "integer" -> {
                values.add(json(Hostility.WRONG_TYPE, "\"12\""));
                values.add(json(Hostility.WRONG_TYPE, "true"));
            }
            case "boolean" -> {
                values.add(json(Hostility.WRONG_TYPE, "1"));
                values.add(json(Hostility.WRONG_TYPE, "\"true\""));
            }
            case "array" -> {
                values.add(json(Hostility.WRONG_TYPE, "\"x\""));
                values.add(json(Hostility.WRONG_TYPE, "{}"));
            }
            case "object" -> {
                values.add(json(Hostility.WRONG_TYPE, "\"x\""));
                values.add(json(Hostility.WRONG_TYPE, "[]"));
            }
            default -> {
                values.add(json(Hostility.WRONG_TYPE, "12"));
                values.add(json(Hostility.WRONG_TYPE, "true"));
                values.add(json(Hostility.WRONG_TYPE, "{}"));
            }
        }
        values.add(json(Hostility.NULL, "null"));
        values.add(json(Hostility.HUGE_NUMBER, "1e309"));
        values.add(new Value(Hostility.HUGE_NUMBER, "400 digits", DIGITS_400));
        values.add(json(Hostility.HUGE_NUMBER, "-1e15"));
        values.add(json(Hostility.HUGE_NUMBER, "9223372036854775808"));
        values.add(json(Hostility.HUGE_NUMBER, "0.00001"));
        values.add(json(Hostility.NAN_INFINITY, "NaN"));
        values.add(json(Hostility.NAN_INFINITY, "-Infinity"));
        values.add(json(Hostility.NAN_INFINITY, "\"Infinity\""));
        values.add(new Value(Hostility.LONG_STRING, LONG + " chars", "\"" + "x".repeat(LONG) + "\""));
        if (schema.has("maxLength")) {
            int over = schema.get("maxLength").asInt() + 1;
            values.add(new Value(Hostility.LONG_STRING, "maxLength+1", "\"" + "x".repeat(over) + "\""));
        }
        values.add(json(Hostility.CONTROL_CHARACTERS, "\"a\\u0000b\""));
        values.add(json(Hostility.CONTROL_CHARACTERS, "\"\\u001b[2J\""));
        values.add(json(Hostility.CONTROL_CHARACTERS, "\"a\\rb\""));
        values.add(json(Hostility.CONTROL_CHARACTERS, "\"\\ud800\""));
        values.add(json(Hostility.BAD_DATE, "\"2026-02-30\""));
        values.add(json(Hostility.BAD_DATE, "\"+999999999-12-31\""));
        values.add(json(Hostility.BAD_DATE, "\"2026-10-01T10:00:00Z\""));
        values.add(json(Hostility.BAD_DATE, "12345"));
        values.add(json(Hostility.BAD_DATE, "[2026,10,1]"));
        values.add(new Value(Hostility.DEEP_NESTING, DEEP + " nested arrays", nestedArrays(DEEP)));
        values.add(json(Hostility.BAD_ID, "\"not-a-uuid\""));
        values.add(json(Hostility.BAD_ID, "\"00000000-0000-0000-0000-000000000000\""));
        values.add(json(Hostility.BAD_ID, "\"" + unknownId + "\""));
        values.add(json(Hostility.BAD_ID, "\"\""));
        return values;
    }

    /** Encoded values for a query parameter. */
    List<Value> forQuery() {
        List<Value> values = new ArrayList<>();
        values.add(query(Hostility.WRONG_TYPE, "abc"));
        values.add(query(Hostility.WRONG_TYPE, "1.5"));
        values.add(query(Hostility.NULL, ""));
        values.add(query(Hostility.NULL, "null"));
        values.add(query(Hostility.HUGE_NUMBER, "1e309"));
        values.add(new Value(Hostility.HUGE_NUMBER, "400 digits", DIGITS_400));
        values.add(query(Hostility.HUGE_NUMBER, "9223372036854775808"));
        values.add(query(Hostility.HUGE_NUMBER, "-1e15"));
        values.add(query(Hostility.NAN_INFINITY, "NaN"));
        values.add(query(Hostility.NAN_INFINITY, "-Infinity"));
        // over the 4,096-character request target (414), and just under it
        values.add(new Value(Hostility.LONG_STRING, "10000 chars", "x".repeat(10_000)));
        values.add(new Value(Hostility.LONG_STRING, "3900 chars", "x".repeat(3_900)));
        values.add(query(Hostility.CONTROL_CHARACTERS, "a\u0000b"));
        values.add(query(Hostility.CONTROL_CHARACTERS, "\u001b[2J"));
        values.add(query(Hostility.CONTROL_CHARACTERS, "a\rb"));
        // a UTF-16 surrogate and a byte that is no UTF-8 at all
        values.add(new Value(Hostility.CONTROL_CHARACTERS, "%ED%A0%80", "%ED%A0%80"));
        values.add(new Value(Hostility.CONTROL_CHARACTERS, "%FF", "%FF"));
        values.add(query(Hostility.BAD_DATE, "2026-02-30"));
        values.add(query(Hostility.BAD_DATE, "+999999999-12-31"));
        values.add(query(Hostility.BAD_DATE, "12345"));
        values.add(new Value(Hostility.DEEP_NESTING, "1500 nested arrays",
                encode(nestedArrays(1_500))));
        values.add(query(Hostility.BAD_ID, "not-a-uuid"));
        values.add(query(Hostility.BAD_ID, "00000000-0000-0000-0000-000000000000"));
        values.add(query(Hostility.BAD_ID, unknownId.toString()));
        values.add(query(Hostility.PAGING_EXTREME, "2147483647"));
        values.add(query(Hostility.PAGING_EXTREME, "2147483648"));
        values.add(query(Hostility.PAGING_EXTREME, "-1"));
        values.add(query(Hostility.PAGING_EXTREME, "0"));
        values.add(query(Hostility.PAGING_EXTREME, "1000000000000"));
        values.add(query(Hostility.PAGING_EXTREME, "-2147483648"));
        return values;
    }

    /** Encoded path segments in place of an id. */
    List<Value> forPathId() {
        return List.of(
                query(Hostility.BAD_ID, "not-a-uuid"),
                new Value(Hostility.BAD_ID, "5000 chars", "a".repeat(5_000)),
                query(Hostility.BAD_ID, unknownId.toString()),
                query(Hostility.BAD_ID, "00000000-0000-0000-0000-000000000000"),
                new Value(Hostility.BAD_ID, "%00", "%00"),
                new Value(Hostility.BAD_ID, "%ED%A0%80", "%ED%A0%80"),
                query(Hostility.HUGE_NUMBER, "99999999999999999999"),
                query(Hostility.NAN_INFINITY, "NaN"));
    }

    static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Value json(Hostility hostility, String json) {
        return new Value(hostility, json, json);
    }

    private static Value query(Hostility hostility, String text) {
        return new Value(hostility, text.isEmpty() ? "(empty)" : text.replace("\u0000", "\\0")
                .replace("\u001b", "\\e").replace("\r", "\\r"), encode(text));
    }
}
