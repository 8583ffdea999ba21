package org.okrpm.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.okrpm.gateway.GatewayConfig;

/** One connection pool, one web client and one circuit breaker per owner service. */
@ApplicationScoped
public class Upstreams {

    private final Map<Owner, Upstream> upstreams = new EnumMap<>(Owner.class);

    @Inject
    public Upstreams(Vertx vertx, GatewayConfig config) {
        for (Owner owner : Owner.values()) {
            URI base = URI.create(switch (owner) {
                case OKR -> config.upstream().okr();
                case PROJECT -> config.upstream().project();
                case CHECKIN -> config.upstream().checkin();
            });
            boolean tls = "https".equalsIgnoreCase(base.getScheme());
            int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
            HttpClientOptions options = new HttpClientOptions()
                    .setDefaultHost(base.getHost()).setDefaultPort(port).setSsl(tls)
                    .setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setKeepAlive(true).setTcpNoDelay(true);
            HttpClient client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(100));
            WebClient web = WebClient.create(vertx, new WebClientOptions(options));
            CircuitBreaker breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                    config.circuitBreaker().openFor());
            upstreams.put(owner, new Upstream(owner, base, client, web, breaker));
        }
    }

    public Upstream of(Owner owner) {
        return upstreams.get(owner);
    }

    @PreDestroy
    void close() {
        upstreams.values().forEach(upstream -> {
            upstream.client().close();
            upstream.web().close();
        });
    }

    /** An owner service as the gateway reaches it. */
    public record Upstream(Owner owner, URI base, HttpClient client, WebClient web, CircuitBreaker breaker) {

        /** The owner's base path (usually empty) joined with a request URI. */
        public String uri(String requestUri) {
            String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
            return prefix + requestUri;
        }
    }
}
