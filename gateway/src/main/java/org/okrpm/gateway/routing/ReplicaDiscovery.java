package org.okrpm.gateway.routing;

import io.smallrye.stork.api.ServiceDefinition;
import io.smallrye.stork.impl.RoundRobinConfiguration;
import io.smallrye.stork.servicediscovery.dns.DnsConfiguration;
import io.smallrye.stork.servicediscovery.staticlist.StaticConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an owner's replicas are, as ops write it in {@code okrpm.gateway.upstream.<owner>}, turned into a Stork
 * service definition (round-robin over the replicas):
 * <ul>
 *   <li>{@code http://okr-1:8081,http://okr-2:8081}: a static list (one URL is a list of one); all http or all
 *       https; a path is a prefix put before every request path;</li>
 *   <li>{@code dns://okr-service:8081}: every address (A record) the name resolves to, on that port, looked up
 *       again every {@code okrpm.gateway.upstream.dns-refresh} (e.g. a Kubernetes headless Service).</li>
 * </ul>
 * Anything else stops the gateway at start with a message naming the owner and the value.
 */
public record ReplicaDiscovery(String serviceName, String describe, ServiceDefinition definition) {

    private static final String DNS = "dns://";

    public static ReplicaDiscovery of(Owner owner, String value, Duration dnsRefresh) {
        String name = owner.serviceName();
        if (value == null || value.isBlank()) {
            throw invalid(owner, value, "no replica given");
        }
        String trimmed = value.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith(DNS)) {
            URI dns = uri(owner, value, trimmed);
            if (dns.getHost() == null || dns.getPort() < 0 || trimmed.indexOf(',') >= 0) {
                throw invalid(owner, value, "a DNS name is written dns://<name>:<port>");
            }
            DnsConfiguration discovery = new DnsConfiguration()
                    .withHostname(dns.getHost())
                    .withPort(String.valueOf(dns.getPort()))
                    .withRecordType("A")
                    .withRefreshPeriod(String.valueOf(Math.max(1, dnsRefresh.toSeconds())));
            return new ReplicaDiscovery(name, trimmed, ServiceDefinition.of(discovery, new RoundRobinConfiguration()));
        }
        List<String> addresses = new ArrayList<>();
        Boolean tls = null;
        for (String part : trimmed.split(",")) {
            URI url = uri(owner, value, part.trim());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw invalid(owner, value, "each replica is an http:// or https:// URL with a host");
            }
            boolean https = scheme.equals("https");
            if (tls != null && tls != https) {
                throw invalid(owner, value, "the replicas of one owner are all http or all https");
            }
            tls = https;
            int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
            String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
            addresses.add(url.getHost() + ":" + port + path);
        }
        StaticConfiguration discovery = new StaticConfiguration()
                .withAddressList(String.join(",", addresses))
                .withSecure(String.valueOf(tls));
        return new ReplicaDiscovery(name, trimmed, ServiceDefinition.of(discovery, new RoundRobinConfiguration()));
    }

    private static URI uri(Owner owner, String value, String part) {
        try {
            return URI.create(part);
        } catch (IllegalArgumentException e) {
            throw invalid(owner, value, e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(Owner owner, String value, String why) {
        return new IllegalArgumentException("okrpm.gateway.upstream." + owner.name().toLowerCase(Locale.ROOT) + "="
                + value + ": " + why + " (e.g. http://okr-1:8081,http://okr-2:8081 or dns://okr-service:8081)");
    }
}
