package org.okrpm.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Whether a hostile body member must be refused (never answered 2xx) by the rules of docs/input-limits.md and the
 * member's own schema: no coercion between types, finite numbers under 10^12 with at most the declared decimals,
 * no control characters, real dates, the schema's length, pattern, enum and format. A {@code null} and values a
 * rule allows (an unknown but well-formed id, a text that merely looks like a date) are left to the server.
 */
final class InputRules {

    private static final BigDecimal BOUND = BigDecimal.TEN.pow(12);
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f]|\\\\u00[01]|\\\\r|\\\\ud8");

    private InputRules() {
    }

    /** For a body member; {@code resolve} resolves the {@code $ref} of array items. */
    static boolean refuses(String rawJson, JsonNode schema, UnaryOperator<JsonNode> resolve) {
        String type = ApiDocument.typeOf(schema);
        if (rawJson.startsWith("[[[") || rawJson.equals("NaN") || rawJson.endsWith("Infinity")) {
            return true;
        }
        if (rawJson.equals("null") || type.isEmpty() && !schema.has("enum") && !schema.has("format")) {
            return false;
        }
        if (rawJson.startsWith("\"")) {
            JsonNode text = Fixtures.read(rawJson);
            return !type.isEmpty() && !type.equals("string") || refusesText(rawJson, text.asText(), schema);
        }
        if (rawJson.equals("true") || rawJson.equals("false")) {
            return !type.equals("boolean");
        }
        if (rawJson.startsWith("{")) {
            return !type.equals("object");
        }
        if (rawJson.startsWith("[")) {
            if (!type.equals("array")) {
                return true;
            }
            if (rawJson.equals("[]")) {
                return schema.path("minItems").asInt(0) > 0;
            }
            String items = ApiDocument.typeOf(resolve.apply(schema.path("items")));
            return !items.isEmpty() && !items.equals("number") && !items.equals("integer");
        }
        return !(type.equals("number") || type.equals("integer")) || refusesNumber(new BigDecimal(rawJson), schema);
    }

    /**
     * For a query parameter's decoded value: a number outside the declared range (paging: {@code size} 1 to 200,
     * {@code page} from 0), an id that is none, a value outside an enum, a boolean that is neither.
     */
    static boolean refusesQuery(String value, JsonNode schema) {
        if (value.isEmpty()) {
            return false;
        }
        switch (ApiDocument.typeOf(schema)) {
            case "integer", "number" -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(value);
                } catch (NumberFormatException e) {
                    return true;
                }
                return ApiDocument.typeOf(schema).equals("integer") && number.stripTrailingZeros().scale() > 0
                        || schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0
                        || schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0
                        || "int32".equals(schema.path("format").asText())
                        && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0;
            }
            case "boolean" -> {
                return !value.equals("true") && !value.equals("false");
            }
            default -> {
                return schema.has("enum") && refusesText("\"\"", value, schema)
                        || "uuid".equals(schema.path("format").asText()) && !isUuid(value);
            }
        }
    }

    private static boolean refusesNumber(BigDecimal number, JsonNode schema) {
        if (number.abs().compareTo(BOUND) >= 0) {
            return true;
        }
        if (ApiDocument.typeOf(schema).equals("integer") && number.stripTrailingZeros().scale() > 0) {
            return true;
        }
        JsonNode multipleOf = schema.get("multipleOf");
        return multipleOf != null && number.remainder(multipleOf.decimalValue()).signum() != 0;
    }

    private static boolean refusesText(String rawJson, String text, JsonNode schema) {
        if (CONTROL.matcher(rawJson).find()) {
            return true;
        }
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()
                || schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
            return true;
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            return true;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode value : schema.get("enum")) {
                listed |= value.asText().equals(text);
            }
            if (!listed) {
                return true;
            }
        }
        return switch (schema.path("format").asText()) {
            case "date" -> !isDate(text);
            case "uuid" -> !isUuid(text);
            default -> false;
        };
    }

    private static boolean isDate(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            return text.length() == 10 && date.getYear() >= 1900;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
