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
import java.util.stream.Stream;
import org.okrpm.broker.EmbeddedBroker;

/**
 * The whole system on one machine: the embedded Kafka broker and the four services in the local profile
 * (H2 files and broker data under the data folder, kept across restarts). Used by {@link LocalStackMain}
 * and by the end-to-end tests, which start it on free ports in a folder of their own.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> BACKEND_SERVICES = List.of("okr-service", "project-service", "checkin-service");
    public static final String GATEWAY = "gateway";
    /** Every service of the stack, the gateway last (it starts after the others). */
    public static final List<String> SERVICES = Stream.concat(BACKEND_SERVICES.stream(), Stream.of(GATEWAY)).toList();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** Where each part listens: the API (HTTP) ports, Kafka's, and the management ports (health, metrics). */
    public record Ports(int gateway, int okr, int project, int checkin, int kafka, Management management) {

        /** The given API ports, with the default management ports. */
        public Ports(int gateway, int okr, int project, int checkin, int kafka) {
            this(gateway, okr, project, checkin, kafka, Management.defaults());
        }

        public static Ports defaults() {
            return new Ports(8080, 8081, 8082, 8083, 9092);
        }

        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(),
                    new Management(freePort(), freePort(), freePort(), freePort()));
        }
    }

    /** Each service's management interface, where /q/health and /q/metrics are served (docs/deploy.md). */
    public record Management(int gateway, int okr, int project, int checkin) {

        public static Management defaults() {
            return new Management(9080, 9081, 9082, 9083);
        }

        /** The management port of a service of the stack, by name. */
        public int of(String service) {
            return switch (service) {
                case GATEWAY -> gateway;
                case "okr-service" -> okr;
                case "project-service" -> project;
                case "checkin-service" -> checkin;
                default -> throw new IllegalArgumentException("No service " + service + " in this stack");
            };
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
        return start(repoRoot, dataDir, ports, echo, withGateway, overrides, null);
    }

    /**
     * As {@link #start(Path, Path, Ports, boolean, boolean, Map)}; with {@code postgres}, okr-, project- and
     * checkin-service run their production builds (the PostgreSQL driver is fixed at build time) in the local
     * profile on databases of their own on that server, created when missing, instead of H2 files.
     */
    public static LocalStack start(Path repoRoot, Path dataDir, Ports ports, boolean echo, boolean withGateway,
                                   Map<String, String> overrides, PostgresServer postgres) throws IOException {
        Path data = dataDir.toAbsolutePath();
        requireFree(ports);
        if (postgres != null) {
            BACKEND_SERVICES.forEach(name -> postgres.ensureDatabase(PostgresServer.databaseOf(name)));
        }
        DevKeys.ensure(data);
        Path logs = data.resolve("logs");
        EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("kafka"), ports.kafka(), logs.resolve("kafka.log"),
                AotCache.brokerOptions());

        Map<String, String> common = new LinkedHashMap<>();
        common.put("quarkus.profile", "local");
        common.put("okrpm.data-dir", data.toString());
        common.put("kafka.bootstrap.servers", broker.bootstrapServers());
        common.put("okrpm.lookup.okr-service.replicas", "http://localhost:" + ports.okr());
        common.putAll(overrides);

        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        Map<String, Integer> backendPorts = Map.of("okr-service", ports.okr(), "project-service", ports.project(),
                "checkin-service", ports.checkin());
        for (String name : BACKEND_SERVICES) {
            services.put(name, postgres == null
                    ? process(repoRoot, name, "quarkus-app-local", backendPorts.get(name),
                            ports.management().of(name), common, Map.of(), logs, echo)
                    : onPostgres(repoRoot, name, backendPorts.get(name), ports.management().of(name), common, postgres,
                            logs, echo));
        }
        if (withGateway) {
            Map<String, String> gateway = new LinkedHashMap<>(common);
            gateway.put("okrpm.gateway.upstream.okr", "http://localhost:" + ports.okr());
            gateway.put("okrpm.gateway.upstream.project", "http://localhost:" + ports.project());
            gateway.put("okrpm.gateway.upstream.checkin", "http://localhost:" + ports.checkin());
            services.put(GATEWAY, process(repoRoot, GATEWAY, "quarkus-app-local", ports.gateway(),
                    ports.management().gateway(), gateway, Map.of(), logs, echo));
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

    /**
     * Stops the services all at once (each one's stop is mostly waiting: for its consumers to leave their groups,
     * its pools to close), then the broker, which they need until they are gone.
     */
    @Override
    public void close() {
        List<Thread> stops = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            Thread stop = new Thread(service::stop, "stop-" + service.name());
            stop.start();
            stops.add(stop);
        }
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        broker.stop();
    }

    private static ServiceProcess process(Path repoRoot, String name, String build, int port, int managementPort,
                                          Map<String, String> properties, Map<String, String> environment, Path logs,
                                          boolean echo) {
        Path jar = repoRoot.resolve(name).resolve("target").resolve(build).resolve("quarkus-run.jar");
        return new ServiceProcess(name, jar, port, managementPort, properties, environment, logs.resolve(name + ".log"),
                echo);
    }

    /** A backend's production build in the local profile, its datasource pointed at its own PostgreSQL database. */
    private static ServiceProcess onPostgres(Path repoRoot, String name, int port, int managementPort,
                                             Map<String, String> common, PostgresServer postgres, Path logs,
                                             boolean echo) {
        Map<String, String> properties = new LinkedHashMap<>(common);
        // system properties outrank the local profile's H2 settings in application.properties
        properties.put("quarkus.datasource.db-kind", "postgresql");
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(PostgresServer.databaseOf(name)));
        properties.put("quarkus.datasource.username", postgres.user());
        // the password travels in the environment, not on the command line (ps shows that)
        Map<String, String> environment = postgres.password().isEmpty() ? Map.of()
                : Map.of("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        return process(repoRoot, name, "quarkus-app", port, managementPort, properties, environment, logs, echo);
    }

    private static void requireFree(Ports ports) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("gateway", ports.gateway());
        wanted.put("okr-service", ports.okr());
        wanted.put("project-service", ports.project());
        wanted.put("checkin-service", ports.checkin());
        wanted.put("kafka", ports.kafka());
        for (String name : List.of(GATEWAY, "okr-service", "project-service", "checkin-service")) {
            wanted.put(name + " (management)", ports.management().of(name));
        }
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
