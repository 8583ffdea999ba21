package org.okrpm.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of a service: its PRODUCTION build ({@code <service>/target/quarkus-app/quarkus-run.jar}, prod profile)
 * configured only through environment variables, as docker-compose.yml configures it. Its output is appended to
 * {@code target/chaos-logs/<name>.log}, across restarts.
 */
final class ServiceNode {

    /** Small heaps and the C1 compiler only, as local-stack's ServiceProcess runs every service. */
    static final List<String> JVM_OPTIONS = List.of("-Xms48m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> env;
    private final Path logFile;
    private Process process;

    ServiceNode(String name, Path jar, int port, int managementPort, Map<String, String> env, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.env = env;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface ({@code /q/health/*}, {@code /q/metrics}), not served on {@link #url()}. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Launches the JVM; {@link #awaitReady(Duration)} waits for it. */
    synchronized void start() throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build the services first (./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, "===== chaos: starting " + name + " at " + Instant.now() + " =====\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logFile.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        // glibc makes up to eight malloc arenas per core as threads contend; two keep the native heap small
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        process = builder.start();
    }

    /** Until {@code /q/health/ready} on the management port answers 200; fails at once if the process ends. */
    void awaitReady(Duration timeout) {
        Process started;
        synchronized (this) {
            started = process;
        }
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        await(name + " ready").atMost(timeout).pollDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + started.exitValue()
                                + " while starting; see " + logFile);
                    }
                    try {
                        return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    /**
     * SIGKILL ({@code Process.destroyForcibly()} is {@code kill(pid, SIGKILL)} in the JDK's Unix ProcessImpl): no
     * shutdown hook, no consumer-group leave, no outbox flush. Returns the exit status (137 = 128 + SIGKILL).
     */
    synchronized int kill() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        Process killed = process;
        killed.destroyForcibly();
        if (!killed.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
        process = null;
        return killed.exitValue();
    }

    /** SIGTERM (clean Quarkus shutdown), SIGKILL after {@code grace}. */
    synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** For the shutdown hook: SIGKILL without waiting. */
    synchronized void destroyNow() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
