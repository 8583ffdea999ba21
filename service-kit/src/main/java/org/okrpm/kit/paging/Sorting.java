package org.okrpm.kit.paging;

import io.quarkus.panache.common.Sort;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.okrpm.kit.http.InvalidQueryParameterException;

/**
 * The {@code ?sort=field,-field} of a list (docs/api.md, Lists): the fields a list may be sorted by, and its order
 * when the caller names none. A resource declares one per list; anything else in {@code sort} is a 400 naming
 * the parameter, because an ignored order would look applied. The id always ends the order, so that rows with
 * equal values keep their place from one page to the next.
 */
public final class Sorting {

    public static final String PARAMETER = "sort";

    /** The common half of every list's {@code sort} description; the list appends its fields. */
    public static final String DESCRIPTION = "Comma-separated fields to order by, each ascending or with a leading "
            + "'-' descending (sort=-dueDate,title); the id breaks ties; an empty value counts as the largest "
            + "(last ascending, first descending). Fields: ";

    private final Map<String, String> allowed;
    private final Sort byDefault;

    private Sorting(Map<String, String> allowed, Sort byDefault) {
        this.allowed = allowed;
        this.byDefault = byDefault;
    }

    /**
     * Fields whose API name is also the entity property, written as the list documents them
     * ({@code "title, dueDate, createdAt"}), so that the OpenAPI description and the check share one constant.
     */
    public static Sorting fields(String commaSeparated, Sort byDefault) {
        Map<String, String> allowed = new LinkedHashMap<>();
        Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(f -> !f.isEmpty())
                .forEach(field -> allowed.put(field, field));
        return of(allowed, byDefault);
    }

    /** API field → entity property, for a list whose field names differ from the entity's. */
    public static Sorting of(Map<String, String> allowed, Sort byDefault) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("a sortable list needs at least one field");
        }
        return new Sorting(new LinkedHashMap<>(allowed), byDefault);
    }

    /**
     * The order {@code value} asks for, or the list's own order when it is absent or blank. The default is
     * returned as given: callers must not change it.
     */
    public Sort parse(String value) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        Sort sort = Sort.empty();
        Set<String> seen = new HashSet<>();
        for (String part : value.split(",", -1)) {
            String term = part.trim();
            boolean descending = term.startsWith("-");
            String field = descending ? term.substring(1) : term;
            if (field.isEmpty()) {
                throw refused("has an empty field; expected field,-field");
            }
            String property = allowed.get(field);
            if (property == null) {
                throw refused("cannot be by '" + field + "'; it may be by " + String.join(", ", allowed.keySet()));
            }
            if (!seen.add(field)) {
                throw refused("names '" + field + "' twice");
            }
            // No NULLS FIRST/LAST: Hibernate leaves the clause out where it thinks the database does it anyway, and
            // gets that wrong for H2 with DEFAULT_NULL_ORDERING=HIGH. Both databases we run on then order empty
            // values as PostgreSQL does: as the largest.
            sort = sort.and(property, descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        }
        return sort.and("id");
    }

    public Set<String> fieldNames() {
        return allowed.keySet();
    }

    private static InvalidQueryParameterException refused(String problem) {
        return new InvalidQueryParameterException(PARAMETER, problem);
    }
}
