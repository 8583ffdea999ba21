package org.okrpm.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--data-dir ./data] [--gateway-port 8080]
 * [--okr-port 8081] [--project-port 8082] [--checkin-port 8083] [--kafka-port 9092] [--management-offset 1000]
 * [--postgres] [--quiet]}: runs the whole system until Ctrl-C. Each part's management port (health, metrics) is its
 * API port plus the offset: 9080 to 9083 by default, as in production. Normally started by {@code ./run-local}, which builds what is missing first.
 * {@code --postgres} puts the services' data on the PostgreSQL server of {@link PostgresServer} instead of H2
 * files, and the rest (broker data, keys, logs) under {@code ./data/postgres}, so the broker's consumer offsets
 * always belong to the databases they were committed for.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        boolean quiet = false;
        boolean onPostgres = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println("Usage: java -jar local-stack.jar [--data-dir DIR] [--gateway-port N] [--okr-port N]"
                            + " [--project-port N] [--checkin-port N] [--kafka-port N] [--management-offset N] [--postgres]"
                            + " [--quiet]");
                    System.out.println("  --management-offset  each part's management port (/q/health, /q/metrics) is its"
                            + " API port plus this (default 1000: 9080-9083)");
                    System.out.println("  --postgres  the services' databases on PostgreSQL (PGHOST 127.0.0.1, PGPORT 5432,"
                            + " PGUSER postgres, PGPASSWORD), okrpm_okr, okrpm_project, okrpm_checkin, created when"
                            + " missing; data folder ./data/postgres");
                    return;
                }
                case "--quiet" -> quiet = true;
                case "--postgres" -> onPostgres = true;
                default -> {
                    if (!args[i].startsWith("--") || i + 1 >= args.length) {
                        throw new IllegalArgumentException("Unknown option " + args[i] + " (see --help)");
                    }
                    options.put(args[i].substring(2), args[++i]);
                }
            }
        }
        LocalStack.Ports defaults = LocalStack.Ports.defaults();
        int gatewayPort = port(options, "gateway-port", defaults.gateway());
        int okrPort = port(options, "okr-port", defaults.okr());
        int projectPort = port(options, "project-port", defaults.project());
        int checkinPort = port(options, "checkin-port", defaults.checkin());
        int offset = port(options, "management-offset", defaults.management().gateway() - defaults.gateway());
        LocalStack.Ports ports = new LocalStack.Ports(gatewayPort, okrPort, projectPort, checkinPort,
                port(options, "kafka-port", defaults.kafka()), new LocalStack.Management(gatewayPort + offset,
                okrPort + offset, projectPort + offset, checkinPort + offset));
        Path repoRoot = Path.of("").toAbsolutePath();
        Path dataDir = Path.of(options.getOrDefault("data-dir", onPostgres ? "data/postgres" : "data")).toAbsolutePath();
        PostgresServer postgres = onPostgres ? PostgresServer.fromEnvironment(System.getenv()) : null;
        Files.createDirectories(dataDir);
        boolean withGateway = Files.exists(repoRoot.resolve("gateway").resolve("pom.xml"));

        long started = System.nanoTime();
        System.out.println("Starting Kafka and the services (data in " + dataDir + ", logs in " + dataDir.resolve("logs") + ") ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(repoRoot, dataDir, ports, !quiet, withGateway, Map.of(), postgres);
        } catch (IllegalStateException e) {
            System.err.println("Could not start the local stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack ...");
            long stopping = System.nanoTime();
            stack.close();
            System.out.printf("Stopped in %.1f s.%n", (System.nanoTime() - stopping) / 1e9);
            stopped.countDown();
        }, "local-stack-stop"));

        String entry = withGateway ? "http://localhost:" + ports.gateway() : stack.service("okr-service").url();
        System.out.printf("%n  OKR-PM is up in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        if (withGateway) {
            System.out.println("  Dashboard:      " + entry + "/  (sign in as any name)");
        }
        System.out.println("  API (gateway):  " + entry + "/api/v1/...");
        System.out.println("  Swagger UI:     " + entry + "/q/swagger-ui");
        System.out.println("  Services:       okr " + stack.service("okr-service").url() + ", project "
                + stack.service("project-service").url() + ", checkin " + stack.service("checkin-service").url());
        System.out.println("  Health/metrics: /q/health, /q/metrics on the management ports: "
                + (withGateway ? "gateway " + stack.service(LocalStack.GATEWAY).managementUrl() + ", " : "")
                + "okr " + stack.service("okr-service").managementUrl() + ", project "
                + stack.service("project-service").managementUrl() + ", checkin "
                + stack.service("checkin-service").managementUrl());
        System.out.println("  Kafka:          " + stack.broker().bootstrapServers());
        boolean fromCaches = LocalStack.BACKEND_SERVICES.stream().allMatch(name -> stack.service(name).fromAotCache());
        System.out.println("  JVM:            " + (fromCaches ? "the services start from their AOT caches (JDK 25+)"
                : "Java " + Runtime.version().feature() + ", no AOT cache (install a JDK 25 and ./run-local --build:"
                + " about half the start-up time)"));
        if (postgres != null) {
            System.out.println("  PostgreSQL:     " + postgres.describe() + ", databases " + LocalStack.BACKEND_SERVICES
                    .stream().map(PostgresServer::databaseOf).collect(java.util.stream.Collectors.joining(", ")));
        }
        System.out.println("  Get a token:    curl -s -X POST " + entry + "/api/v1/auth/dev-token "
                + "-H 'Content-Type: application/json' -d '{\"subject\":\"alice\",\"roles\":[\"member\"]}'");
        System.out.println("  Stop:           Ctrl-C (data stays in " + dataDir + ")");
        stopped.await();
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }
}
