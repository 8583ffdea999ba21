package org.okrpm.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.Service;
import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * An owner service as the gateway reaches it: its replicas, found and balanced (round-robin) by SmallRye Stork,
 * one circuit breaker per replica, and one connection pool (a pool per replica inside it). A replica whose breaker
 * is open is skipped until its trial call; when every replica's breaker is open, calls fail fast.
 */
public final class Upstream {

    private static final Logger LOG = Logger.getLogger(Upstream.class);

    private final Owner owner;
    private final ReplicaDiscovery discovery;
    private final HttpClient client;
    private final WebClient web;
    private final Supplier<CircuitBreaker> newBreaker;
    private final Counter retries;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private volatile Service service;

    Upstream(Owner owner, ReplicaDiscovery discovery, HttpClient client, WebClient web,
             Supplier<CircuitBreaker> newBreaker, Counter retries) {
        this.owner = owner;
        this.discovery = discovery;
        this.client = client;
        this.web = web;
        this.newBreaker = newBreaker;
        this.retries = retries;
    }

    public Owner owner() {
        return owner;
    }

    /** The pool the reverse proxy sends through (host and port are given per request). */
    public HttpClient client() {
        return client;
    }

    /** How ops configured the replicas, for logs. */
    public String replicas() {
        return discovery.describe();
    }

    /**
     * Picks a replica whose breaker lets a call through, other than {@code avoid} (null: any), and takes the
     * breaker's permit (the trial call of a half-open breaker). Fails with {@link CircuitOpenException} when every
     * candidate's breaker is open and with {@link NoReplicaException} when no other replica is known.
     */
    public Future<Replica> select(Replica avoid) {
        Service stork = service();
        return fromStage(stork.getInstances().subscribeAsCompletionStage())
                .recover(e -> Future.failedFuture(new NoReplicaException(owner, e)))
                .compose(instances -> {
                    List<ServiceInstance> candidates = new ArrayList<>();
                    for (ServiceInstance instance : instances) {
                        boolean avoided = avoid != null && avoid.address().equals(Replica.address(instance));
                        if (!avoided && !breaker(instance).isOpen()) {
                            candidates.add(instance);
                        }
                    }
                    while (!candidates.isEmpty()) {
                        ServiceInstance chosen = stork.selectInstanceAndRecordStart(candidates, false);
                        CircuitBreaker breaker = breaker(chosen);
                        if (breaker.tryAcquire()) {
                            return Future.succeededFuture(new Replica(chosen, breaker));
                        }
                        // another call took the half-open trial in the meantime
                        candidates.removeIf(candidate -> candidate.getId() == chosen.getId());
                    }
                    boolean othersKnown = instances.stream()
                            .anyMatch(i -> avoid == null || !avoid.address().equals(Replica.address(i)));
                    return Future.failedFuture(othersKnown ? new CircuitOpenException(owner)
                            : new NoReplicaException(owner, null));
                });
    }

    /**
     * A GET of the gateway's own (overview, OpenAPI, readiness) on one replica, and on another one, once, if the
     * connection failed. The answer is whatever the replica said, any status.
     */
    public Future<HttpResponse<Buffer>> get(String uri, MultiMap headers, long timeoutMillis) {
        return select(null).compose(replica -> get(replica, uri, headers, timeoutMillis).recover(failure -> {
            if (!Retries.connectionLost(failure)) {
                return Future.failedFuture(failure);
            }
            return select(replica).transform(other -> {
                if (other.failed()) {
                    return Future.failedFuture(failure);
                }
                retried(replica, other.result(), "GET", uri, failure);
                return get(other.result(), uri, headers, timeoutMillis);
            });
        }));
    }

    private Future<HttpResponse<Buffer>> get(Replica replica, String uri, MultiMap headers, long timeoutMillis) {
        return web.get(replica.port(), replica.host(), replica.uri(uri))
                .ssl(replica.tls())
                .timeout(timeoutMillis)
                .putHeaders(headers)
                .send()
                .onComplete(result -> {
                    if (result.succeeded()) {
                        replica.answered();
                    } else {
                        replica.failed(result.cause());
                    }
                });
    }

    /** Logs and counts a call sent again to another replica ({@code okrpm_gateway_upstream_retries_total}). */
    void retried(Replica failed, Replica next, String method, String uri, Throwable cause) {
        retries.increment();
        LOG.infof("%s %s: %s replica %s failed (%s); sent to %s instead", method, uri, owner.serviceName(), failed,
                cause.toString(), next);
    }

    private CircuitBreaker breaker(ServiceInstance instance) {
        return breakers.computeIfAbsent(Replica.address(instance), address -> newBreaker.get());
    }

    /** The Stork service, defined on first use (Stork is set up by its Quarkus extension when the app starts). */
    private Service service() {
        Service defined = service;
        if (defined == null) {
            synchronized (this) {
                defined = service;
                if (defined == null) {
                    Stork stork = Stork.getInstance();
                    defined = stork.getServiceOptional(discovery.serviceName()).orElseGet(() -> stork
                            .defineIfAbsent(discovery.serviceName(), discovery.definition())
                            .getService(discovery.serviceName()));
                    service = defined;
                }
            }
        }
        return defined;
    }

    private static <T> Future<T> fromStage(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        return context == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, context);
    }

    void close() {
        client.close();
        web.close();
    }
}
