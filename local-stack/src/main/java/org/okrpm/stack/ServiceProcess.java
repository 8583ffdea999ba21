package org.okrpm.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Quarkus service of the stack, run as {@code java -jar quarkus-run.jar} in the local profile. */
public final class ServiceProcess {

    /** System property replacing {@link #DEFAULT_JVM_OPTIONS} (space-separated), for comparing settings. */
    public static final String JVM_OPTIONS_PROPERTY = "okrpm.stack.jvm-options";
    /** Heap and JIT settings every service runs with (measured in docs/benchmarks.md). */
    public static final String DEFAULT_JVM_OPTIONS = "-Xms48m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final Path logFile;
    private final boolean echo;
    private Process process;
    private AotCache.Launch launched;
    private Thread pump;

    ServiceProcess(String name, Path jar, int port, int managementPort, Map<String, String> properties,
                   Map<String, String> environment, Path logFile, boolean echo) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.properties = properties;
        this.environment = environment;
        this.logFile = logFile;
        this.echo = echo;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The management interface: {@code /q/health/*} and {@code /q/metrics}, not served on {@link #url()}. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** The JVM options each service is started with. */
    public static List<String> jvmOptions() {
        return List.of(System.getProperty(JVM_OPTIONS_PROPERTY, DEFAULT_JVM_OPTIONS).trim().split("\\s+"));
    }

    /** The running process's id (for its memory use), or -1 while stopped. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the service and returns once {@code /q/health/ready} on its management port answers 200. */
    public synchronized void start(Duration timeout) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing");
        }
        AotCache.Launch launch = launch();
        launched = launch;
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.addAll(launch.options());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.addAll(List.of("-jar", launch.jar().toString()));
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // glibc makes up to eight malloc arenas per core as threads contend; two keep the native heap small
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        if (echo) {
            process = builder.start();
            pumpOutput(process);
        } else {
            // straight into the log: a training run's JVM writes its AOT cache in a child process as it exits, and
            // that child dies if it writes into a pipe this launcher has already closed
            process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        }
        awaitReady(timeout);
    }

    /**
     * The local build on this JVM, or its trained AOT build on the JDK it was trained with (see {@link AotCache});
     * while {@link AotTraining} runs, the AOT build recording its cache.
     */
    private AotCache.Launch launch() {
        String trainingJdk = System.getProperty(AotTraining.JDK_PROPERTY);
        if (trainingJdk != null) {
            return AotCache.training(name, jar, Path.of(trainingJdk));
        }
        return AotCache.trained(name, jar).orElseGet(() -> new AotCache.Launch(
                Path.of(System.getProperty("java.home"), "bin", "java"), jvmOptions(), jar));
    }

    /** Whether this service runs from its AOT cache (as last started). */
    public synchronized boolean fromAotCache() {
        return launched != null && launched.options().stream().anyMatch(option -> option.startsWith("-XX:AOTCache="));
    }

    /**
     * SIGTERM, so Quarkus shuts down cleanly: consumers commit and leave their groups, the relay stops (under a
     * second; docs/events.md, Stopping). Forced only after a minute. Returns once the log has the service's last
     * lines.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            if (pump != null) {
                pump.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    private void pumpOutput(Process started) throws IOException {
        PrintStream log = new PrintStream(Files.newOutputStream(logFile, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        String prefix = String.format("%-16s| ", name);
        pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.println(line);
                    if (echo) {
                        System.out.println(prefix + line);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            } finally {
                log.close();
            }
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }
}
