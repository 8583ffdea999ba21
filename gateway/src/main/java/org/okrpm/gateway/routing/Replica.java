package org.okrpm.gateway.routing;

import io.smallrye.stork.api.ServiceInstance;
import java.net.URI;

/**
 * One replica of an owner service, as Stork selected it for one call, with that replica's circuit breaker. Report
 * the call's outcome with {@link #answered()} or {@link #failed(Throwable)}.
 */
public record Replica(ServiceInstance instance, CircuitBreaker breaker) {

    public String host() {
        return instance.getHost();
    }

    public int port() {
        return instance.getPort();
    }

    public boolean tls() {
        return instance.isSecure();
    }

    /** {@code host:port}: what identifies a replica, also across DNS look-ups. */
    public String address() {
        return address(instance);
    }

    static String address(ServiceInstance instance) {
        return instance.getHost() + ":" + instance.getPort();
    }

    /** The replica's base path (usually empty) joined with a request URI. */
    public String uri(String requestUri) {
        String prefix = instance.getPath().orElse("").replaceAll("/+$", "");
        return prefix + requestUri;
    }

    /**
     * An owner's {@code Location} as the caller should see it: a URL naming this replica (its internal address)
     * becomes the path alone, which the caller resolves against the gateway it called; any other value is kept.
     */
    public String callerLocation(String location) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (!uri.isAbsolute() || uri.getRawPath() == null || !host().equalsIgnoreCase(uri.getHost())
                || port != port()) {
            return location;
        }
        String prefix = uri("");
        String path = uri.getRawPath().startsWith(prefix) ? uri.getRawPath().substring(prefix.length())
                : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Any HTTP answer, even a 5xx: the replica is alive and speaking for itself. */
    public void answered() {
        breaker.onSuccess();
        if (instance.gatherStatistics()) {
            instance.recordReply();
            instance.recordEnd(null);
        }
    }

    /** No answer: refused, reset, timed out or broken. */
    public void failed(Throwable failure) {
        breaker.onFailure();
        if (instance.gatherStatistics()) {
            instance.recordEnd(failure);
        }
    }

    @Override
    public String toString() {
        return address();
    }
}
