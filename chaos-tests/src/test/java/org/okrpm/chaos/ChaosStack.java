package org.okrpm.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.okrpm.broker.EmbeddedBroker;

/**
 * The production topology on one machine: the real broker (kafka-broker's {@link EmbeddedBroker}, its own JVM),
 * fresh PostgreSQL databases {@code okrpm_chaos_<ts>_{okr,project,checkin}}, two okr-service and two
 * project-service replicas (each pair sharing its database and consumer group), one checkin-service and one
 * gateway. The gateway is configured with both replicas of okr-service and of project-service (and checkin-1),
 * and so are project-service's and checkin-service's okr-service clients.
 */
final class ChaosStack implements AutoCloseable {

    static final String OKR_1 = "okr-1";
    static final String OKR_2 = "okr-2";
    static final String PROJECT_1 = "project-1";
    static final String PROJECT_2 = "project-2";
    static final String CHECKIN_1 = "checkin-1";
    static final String GATEWAY = "gateway";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final ChaosLog log;
    private final Postgres postgres;
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final Map<String, ServiceNode> nodes = new LinkedHashMap<>();
    private final Thread shutdownHook;
    private EmbeddedBroker broker;
    private Tokens tokens;

    private ChaosStack(ChaosLog log, Postgres postgres) {
        this.log = log;
        this.postgres = postgres;
        this.shutdownHook = new Thread(this::onJvmExit, "chaos-stack-kill");
    }

    /** Starts everything and returns once every replica is ready; on failure whatever started is stopped. */
    static ChaosStack start(Path repoRoot, Path target, Postgres postgres, ChaosLog log) throws Exception {
        ChaosStack stack = new ChaosStack(log, postgres);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll(repoRoot, target);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startAll(Path repoRoot, Path target) throws Exception {
        String run = "okrpm_chaos_" + System.currentTimeMillis() / 1000;
        for (String service : List.of("okr", "project", "checkin")) {
            String db = run + "_" + service;
            postgres.create(db);
            databases.put(service, db);
        }
        log.log("databases %s on %s", databases.values(), postgres.hostPort());

        tokens = Tokens.create(target.resolve("chaos-keys"));
        Path logs = target.resolve("chaos-logs");
        broker = EmbeddedBroker.start(target.resolve("chaos-kafka-" + run), 0, logs.resolve("kafka-broker.log"));
        log.log("broker ready at %s (pid %d)", broker.bootstrapServers(), broker.pid());

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : List.of(OKR_1, OKR_2, PROJECT_1, PROJECT_2, CHECKIN_1, GATEWAY)) {
            ports.put(name, freePort());
        }
        String okr1 = "http://127.0.0.1:" + ports.get(OKR_1);
        String okr2 = "http://127.0.0.1:" + ports.get(OKR_2);
        String okrKey = randomKey();
        add(repoRoot, logs, OKR_1, "okr-service", ports, service("okr", Map.of("OKRPM_WEBHOOKS_ENCRYPTION_KEY", okrKey)));
        add(repoRoot, logs, OKR_2, "okr-service", ports, service("okr", Map.of("OKRPM_WEBHOOKS_ENCRYPTION_KEY", okrKey)));
        // every caller of okr-service knows both of its replicas (Stork, a static list)
        String okrReplicas = okr1 + "," + okr2;
        String integrationsKey = randomKey();
        for (String project : List.of(PROJECT_1, PROJECT_2)) {
            add(repoRoot, logs, project, "project-service", ports, service("project", Map.of(
                    "OKRPM_INTEGRATIONS_ENCRYPTION_KEY", integrationsKey,
                    "OKRPM_LOOKUP_OKR_SERVICE_REPLICAS", okrReplicas)));
        }
        add(repoRoot, logs, CHECKIN_1, "checkin-service", ports, service("checkin", Map.of(
                "OKRPM_LOOKUP_OKR_SERVICE_REPLICAS", okrReplicas)));
        Map<String, String> gateway = common();
        gateway.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + tokens.privateKey());
        gateway.put("OKRPM_GATEWAY_UPSTREAM_OKR", okrReplicas);
        gateway.put("OKRPM_GATEWAY_UPSTREAM_PROJECT",
                "http://127.0.0.1:" + ports.get(PROJECT_1) + ",http://127.0.0.1:" + ports.get(PROJECT_2));
        gateway.put("OKRPM_GATEWAY_UPSTREAM_CHECKIN", "http://127.0.0.1:" + ports.get(CHECKIN_1));
        add(repoRoot, logs, GATEWAY, "gateway", ports, gateway);

        // the backends together (Flyway's lock on PostgreSQL serialises the two replicas' migrations), then the
        // gateway, which is ready only once its owners answer
        List<CompletableFuture<Void>> backends = new ArrayList<>();
        for (String name : List.of(OKR_1, OKR_2, PROJECT_1, PROJECT_2, CHECKIN_1)) {
            backends.add(CompletableFuture.runAsync(() -> startAndAwait(name)));
        }
        try {
            CompletableFuture.allOf(backends.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        startAndAwait(GATEWAY);
    }

    private void startAndAwait(String name) {
        ServiceNode node = node(name);
        long begun = System.nanoTime();
        try {
            node.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node.awaitReady(READY_TIMEOUT);
        log.log("%s ready at %s (pid %d) in %.1f s", name, node.url(), node.pid(), (System.nanoTime() - begun) / 1e9);
    }

    /** Starts a killed replica again on its port, with its configuration, and waits until it is ready. */
    void restart(String name) {
        startAndAwait(name);
    }

    ServiceNode node(String name) {
        ServiceNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("No node " + name);
        }
        return node;
    }

    EmbeddedBroker broker() {
        return broker;
    }

    Tokens tokens() {
        return tokens;
    }

    Postgres postgres() {
        return postgres;
    }

    /** service (okr, project, checkin) → its database. */
    Map<String, String> databases() {
        return Collections.unmodifiableMap(databases);
    }

    private void add(Path repoRoot, Path logs, String name, String module, Map<String, Integer> ports,
                     Map<String, String> env) {
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(name)));
        // health and metrics: a management port of each replica's own, kept across restarts like its HTTP port
        int managementPort = freePort();
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        Path jar = repoRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        nodes.put(name, new ServiceNode(name, jar, ports.get(name), managementPort, env, logs.resolve(name + ".log")));
    }

    /** What every process gets (the x-jwt block of docker-compose.yml). */
    private Map<String, String> common() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + tokens.publicKey());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        // the broker creates no topics by itself: each service creates the ones it publishes, on one broker
        env.put("OKRPM_TOPICS_CREATE", "true");
        env.put("OKRPM_TOPICS_REPLICATION_FACTOR", "1");
        return env;
    }

    private Map<String, String> service(String database, Map<String, String> extra) {
        Map<String, String> env = common();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(databases.get(database)));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        if (!postgres.password().isEmpty()) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        env.putAll(extra);
        return env;
    }

    /** Stops the gateway, then the services (together), then the broker; drops the databases. */
    @Override
    public void close() {
        ServiceNode front = nodes.get(GATEWAY);
        if (front != null) {
            front.stop(Duration.ofSeconds(10));
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ServiceNode node : nodes.values()) {
            stops.add(CompletableFuture.runAsync(() -> node.stop(Duration.ofSeconds(15))));
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.log("stopping the services: %s", e);
            destroyNow();
        }
        if (broker != null) {
            broker.stop();
        }
        dropDatabases();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }

    private void dropDatabases() {
        if (Boolean.getBoolean("chaos.keep-databases")) {
            log.log("databases kept (-Dchaos.keep-databases): %s", databases.values());
            return;
        }
        for (String db : databases.values()) {
            try {
                postgres.unblock(db);
                postgres.drop(db);
            } catch (Exception e) {
                log.log("could not drop %s: %s", db, e);
            }
        }
        log.log("databases dropped");
    }

    /** The shutdown hook (the JVM ends before close(), e.g. SIGTERM from a CI timeout): kill, then drop. */
    private void onJvmExit() {
        destroyNow();
        dropDatabases();
    }

    /** Every child SIGKILLed at once (the broker also watches this JVM). */
    private void destroyNow() {
        nodes.values().forEach(ServiceNode::destroyNow);
        if (broker != null) {
            ProcessHandle.of(broker.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
