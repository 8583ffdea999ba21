package org.okrpm.project.http;

import java.util.Arrays;
import java.util.UUID;
import org.okrpm.kit.problem.ProblemException;

/**
 * Typed query parameters that fail as a 400 naming the parameter. JAX-RS turns a query parameter it cannot
 * convert into a 404, but API.md says bad query parameters are 400; so list filters arrive as strings and
 * are converted here.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }
}
