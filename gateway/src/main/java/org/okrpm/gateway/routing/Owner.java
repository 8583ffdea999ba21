package org.okrpm.gateway.routing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The three owner services and the first path segments (after {@code /api/v1/}) each one owns. */
public enum Owner {
    OKR("okr-service", Set.of("cycles", "objectives", "key-results", "webhooks")),
    PROJECT("project-service", Set.of("projects", "tasks", "integrations")),
    CHECKIN("checkin-service", Set.of("check-ins", "reviews", "retrospectives"));

    public static final String API_PREFIX = "/api/v1/";

    private static final Map<String, Owner> BY_SEGMENT = bySegment();

    private final String serviceName;
    private final Set<String> segments;

    Owner(String serviceName, Set<String> segments) {
        this.serviceName = serviceName;
        this.segments = segments;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The owner of an {@code /api/v1/...} path, by its first segment. */
    public static Optional<Owner> ofPath(String path) {
        return Optional.ofNullable(BY_SEGMENT.get(firstSegment(path)));
    }

    /** The first segment after {@code /api/v1/}, or "" when the path is not under it. */
    public static String firstSegment(String path) {
        if (path == null || !path.startsWith(API_PREFIX)) {
            return "";
        }
        int end = path.indexOf('/', API_PREFIX.length());
        return end < 0 ? path.substring(API_PREFIX.length()) : path.substring(API_PREFIX.length(), end);
    }

    private static Map<String, Owner> bySegment() {
        Map<String, Owner> map = new java.util.HashMap<>();
        for (Owner owner : values()) {
            owner.segments.forEach(segment -> map.put(segment, owner));
        }
        return Map.copyOf(map);
    }
}
