package org.okrpm.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.okrpm.broker.EmbeddedBroker;

/**
 * The whole system on one machine: the embedded Kafka broker and the four services in the local profile
 * (H2 files and broker data under the data folder, kept across restarts). Used by {@link LocalStackMain}
 * and by the end-to-end tests, which start it on free ports in a folder of their own.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> BACKEND_SERVICES = List.of("okr-service", "project-service", "checkin-service");
    public static final String GATEWAY = "gateway";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** Where each part listens; 0 picks a free port. */
    public record Ports(int gateway, int okr, int project, int checkin, int kafka) {

        public static Ports defaults() {
            return new Ports(8080, 8081, 8082, 8083, 9092);
        }

        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
        }
    }

    private final EmbeddedBroker broker;
    private final Map<String, ServiceProcess> services;

    private LocalStack(EmbeddedBroker broker, Map<String, ServiceProcess> services) {
        this.broker = broker;
        this.services = services;
    }

    /**
     * Starts the broker, then okr-, project- and checkin-service together, then the gateway (when asked for),
     * each ready before this returns.
     */
    public static LocalStack start(Path repoRoot, Path dataDir, Ports ports, boolean echo, boolean withGateway)
            throws IOException {
        return start(repoRoot, dataDir, ports, echo, withGateway, Map.of());
    }

    /**
     * As {@link #start(Path, Path, Ports, boolean, boolean)}, with configuration properties given to every service
     * on top of the local profile (the benchmarks switch the gateway's rate limit off this way).
     */
    public static LocalStack start(Path repoRoot, Path dataDir, Ports ports, boolean echo, boolean withGateway,
                                   Map<String, String> overrides) throws IOException {
        Path data = dataDir.toAbsolutePath();
        requireFree(ports);
        DevKeys.ensure(data);
        Path logs = data.resolve("logs");
        EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("kafka"), ports.kafka(), logs.resolve("kafka.log"));

        Map<String, String> common = new LinkedHashMap<>();
        common.put("quarkus.profile", "local");
        common.put("okrpm.data-dir", data.toString());
        common.put("kafka.bootstrap.servers", broker.bootstrapServers());
        common.put("quarkus.rest-client.okr-service.url", "http://localhost:" + ports.okr());
        common.putAll(overrides);

        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        services.put("okr-service", process(repoRoot, "okr-service", ports.okr(), common, logs, echo));
        services.put("project-service", process(repoRoot, "project-service", ports.project(), common, logs, echo));
        services.put("checkin-service", process(repoRoot, "checkin-service", ports.checkin(), common, logs, echo));
        if (withGateway) {
            Map<String, String> gateway = new LinkedHashMap<>(common);
            gateway.put("okrpm.gateway.upstream.okr", "http://localhost:" + ports.okr());
            gateway.put("okrpm.gateway.upstream.project", "http://localhost:" + ports.project());
            gateway.put("okrpm.gateway.upstream.checkin", "http://localhost:" + ports.checkin());
            services.put(GATEWAY, process(repoRoot, GATEWAY, ports.gateway(), gateway, logs, echo));
        }
        LocalStack stack = new LocalStack(broker, services);
        try {
            List<CompletableFuture<Void>> backends = new ArrayList<>();
            for (String name : BACKEND_SERVICES) {
                backends.add(CompletableFuture.runAsync(() -> stack.startService(name)));
            }
            CompletableFuture.allOf(backends.toArray(CompletableFuture[]::new)).join();
            if (withGateway) {
                stack.startService(GATEWAY);
            }
        } catch (RuntimeException e) {
            stack.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return stack;
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name + " in this stack");
        }
        return service;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    /** Starts a service again (after {@code service(name).stop()}), waiting until it is ready. */
    public void startService(String name) {
        try {
            service(name).start(READY_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the services (gateway first), then the broker. */
    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        broker.stop();
    }

    private static ServiceProcess process(Path repoRoot, String name, int port, Map<String, String> properties,
                                          Path logs, boolean echo) {
        Path jar = repoRoot.resolve(name).resolve("target").resolve("quarkus-app-local").resolve("quarkus-run.jar");
        return new ServiceProcess(name, jar, port, properties, logs.resolve(name + ".log"), echo);
    }

    private static void requireFree(Ports ports) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("gateway", ports.gateway());
        wanted.put("okr-service", ports.okr());
        wanted.put("project-service", ports.project());
        wanted.put("checkin-service", ports.checkin());
        wanted.put("kafka", ports.kafka());
        wanted.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("localhost", port));
            } catch (IOException taken) {
                throw new IllegalStateException("Port " + port + " for " + name + " is taken; stop what uses it "
                        + "or choose another port (see --help)");
            }
        });
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
