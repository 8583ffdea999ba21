package org.okrpm.kit.persistence;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Builds a Panache query from optional list filters: a filter whose value is null is left out. */
public final class Criteria {

    private final StringJoiner where = new StringJoiner(" and ");
    private final Map<String, Object> params = new HashMap<>();

    public static Criteria where() {
        return new Criteria();
    }

    public Criteria eq(String field, Object value) {
        if (value != null) {
            String name = "p" + params.size();
            where.add(field + " = :" + name);
            params.put(name, value);
        }
        return this;
    }

    /**
     * The {@code ?q=} text search: {@code field} contains {@code text}, ignoring case; a blank text filters
     * nothing. {@code %} and {@code _} in the text are matched literally, not as wildcards.
     */
    public Criteria contains(String field, String text) {
        if (text != null && !text.isBlank()) {
            String name = "p" + params.size();
            where.add("lower(" + field + ") like :" + name + " escape '!'");
            params.put(name, "%" + text.trim().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return this;
    }

    /** A condition with its own named parameter, added only when the value is present. */
    public Criteria when(Object value, String condition, String name) {
        if (value != null) {
            where.add(condition);
            params.put(name, value);
        }
        return this;
    }

    public String query() {
        return where.length() == 0 ? "1 = 1" : where.toString();
    }

    public Parameters parameters() {
        Parameters parameters = new Parameters();
        params.forEach(parameters::and);
        return parameters;
    }

    /** The usual stable order for lists: oldest first, id as tie-breaker. */
    public static Sort oldestFirst() {
        return Sort.by("createdAt").and("id");
    }
}
