package org.okrpm.gateway.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.okrpm.gateway.routing.Owner;
import org.okrpm.kit.http.InvalidQueryParameterException;

/**
 * The checked filters and page of {@code GET /api/v1/audit}. Every owner is asked for the newest
 * {@code (page + 1) * size} entries, so a page may reach at most {@link #MAX_DEPTH} entries deep; older ones are
 * reached by narrowing {@code to}.
 */
record AuditQuery(Set<Owner> owners, Map<String, String> filters, int page, int size) {

    static final int MAX_SIZE = 200;
    static final int MAX_DEPTH = 1000;
    /** The page size of an owner's own list. */
    static final int OWNER_PAGE = 200;

    static AuditQuery of(String service, String actor, String resourceType, String resourceId, Instant from,
                         Instant to, int page, int size) {
        if (page < 0) {
            throw new InvalidQueryParameterException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryParameterException("size", "must be between 1 and " + MAX_SIZE);
        }
        if (((long) page + 1) * size > MAX_DEPTH) {
            throw new InvalidQueryParameterException("page", "reaches past the newest " + MAX_DEPTH
                    + " entries; narrow the list with to= instead");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryParameterException("from", "must not be after to");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "actor", actor);
        put(filters, "resourceType", resourceType);
        put(filters, "resourceId", resourceId);
        if (from != null) {
            filters.put("from", from.toString());
        }
        if (to != null) {
            filters.put("to", to.toString());
        }
        return new AuditQuery(owners(service), filters, page, size);
    }

    /** How many of the newest entries each owner must give for this page. */
    int depth() {
        return (page + 1) * size;
    }

    /** The owner's admin list, page {@code ownerPage} of {@link #OWNER_PAGE} (or of the whole depth, if smaller). */
    String ownerUri(int ownerPage) {
        StringBuilder uri = new StringBuilder("/api/v1/admin/audit?page=").append(ownerPage)
                .append("&size=").append(Math.min(depth(), OWNER_PAGE));
        filters.forEach((name, value) -> uri.append('&').append(name).append('=').append(encode(value)));
        return uri.toString();
    }

    int ownerPages() {
        return (depth() + OWNER_PAGE - 1) / OWNER_PAGE;
    }

    private static Set<Owner> owners(String service) {
        if (service == null) {
            return EnumSet.allOf(Owner.class);
        }
        return Arrays.stream(Owner.values()).filter(owner -> owner.serviceName().equals(service)).findFirst()
                .map(EnumSet::of)
                .orElseThrow(() -> new InvalidQueryParameterException("service", "must be one of "
                        + Arrays.stream(Owner.values()).map(Owner::serviceName).collect(Collectors.joining(", "))));
    }

    private static void put(Map<String, String> filters, String name, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new InvalidQueryParameterException(name, "must not be blank");
        }
        filters.put(name, value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
