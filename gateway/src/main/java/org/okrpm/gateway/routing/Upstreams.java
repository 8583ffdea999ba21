package org.okrpm.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.okrpm.gateway.GatewayConfig;

/** The three owner services, each with its replicas ({@link ReplicaDiscovery}), pool and breakers. */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    private final Map<Owner, Upstream> upstreams = new EnumMap<>(Owner.class);

    /** Calls sent again to another replica after a connection failure, per owner. */
    public static final String RETRIES = "okrpm.gateway.upstream.retries";

    @Inject
    public Upstreams(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
        for (Owner owner : Owner.values()) {
            String replicas = switch (owner) {
                case OKR -> config.upstream().okr();
                case PROJECT -> config.upstream().project();
                case CHECKIN -> config.upstream().checkin();
            };
            ReplicaDiscovery discovery = ReplicaDiscovery.of(owner, replicas, config.upstream().dnsRefresh());
            // host, port and TLS are given per request: one pool per replica inside this client
            HttpClientOptions options = new HttpClientOptions()
                    .setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setKeepAlive(true).setTcpNoDelay(true);
            HttpClient client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(100));
            WebClient web = WebClient.create(vertx, new WebClientOptions(options));
            Counter retries = Counter.builder(RETRIES).tag("owner", owner.serviceName())
                    .description("Calls sent again to another replica after a connection failure").register(registry);
            upstreams.put(owner, new Upstream(owner, discovery, client, web,
                    () -> new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                            config.circuitBreaker().openFor()), retries));
            LOG.debugf("%s replicas: %s", owner.serviceName(), discovery.describe());
        }
    }

    public Upstream of(Owner owner) {
        return upstreams.get(owner);
    }

    @PreDestroy
    void close() {
        upstreams.values().forEach(Upstream::close);
    }
}
