package org.okrpm.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--data-dir ./data] [--gateway-port 8080]
 * [--okr-port 8081] [--project-port 8082] [--checkin-port 8083] [--kafka-port 9092] [--quiet]}: runs the
 * whole system until Ctrl-C. Normally started by {@code ./run-local}, which builds what is missing first.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println("Usage: java -jar local-stack.jar [--data-dir DIR] [--gateway-port N] [--okr-port N]"
                            + " [--project-port N] [--checkin-port N] [--kafka-port N] [--quiet]");
                    return;
                }
                case "--quiet" -> quiet = true;
                default -> {
                    if (!args[i].startsWith("--") || i + 1 >= args.length) {
                        throw new IllegalArgumentException("Unknown option " + args[i] + " (see --help)");
                    }
                    options.put(args[i].substring(2), args[++i]);
                }
            }
        }
        LocalStack.Ports defaults = LocalStack.Ports.defaults();
        LocalStack.Ports ports = new LocalStack.Ports(
                port(options, "gateway-port", defaults.gateway()), port(options, "okr-port", defaults.okr()),
                port(options, "project-port", defaults.project()), port(options, "checkin-port", defaults.checkin()),
                port(options, "kafka-port", defaults.kafka()));
        Path repoRoot = Path.of("").toAbsolutePath();
        Path dataDir = Path.of(options.getOrDefault("data-dir", "data")).toAbsolutePath();
        Files.createDirectories(dataDir);
        boolean withGateway = Files.exists(repoRoot.resolve("gateway").resolve("pom.xml"));

        long started = System.nanoTime();
        System.out.println("Starting Kafka and the services (data in " + dataDir + ", logs in " + dataDir.resolve("logs") + ") ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(repoRoot, dataDir, ports, !quiet, withGateway);
        } catch (IllegalStateException e) {
            System.err.println("Could not start the local stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));

        String entry = withGateway ? "http://localhost:" + ports.gateway() : stack.service("okr-service").url();
        System.out.printf("%n  OKR-PM is up in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        System.out.println("  API (gateway):  " + entry + "/api/v1/...");
        System.out.println("  Swagger UI:     " + entry + "/q/swagger-ui");
        System.out.println("  Services:       okr " + stack.service("okr-service").url() + ", project "
                + stack.service("project-service").url() + ", checkin " + stack.service("checkin-service").url());
        System.out.println("  Kafka:          " + stack.broker().bootstrapServers());
        System.out.println("  Get a token:    curl -s -X POST " + entry + "/api/v1/auth/dev-token "
                + "-H 'Content-Type: application/json' -d '{\"subject\":\"alice\",\"roles\":[\"member\"]}'");
        System.out.println("  Stop:           Ctrl-C (data stays in " + dataDir + ")");
        stopped.await();
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }
}
