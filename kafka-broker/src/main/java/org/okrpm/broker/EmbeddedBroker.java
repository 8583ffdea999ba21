package org.okrpm.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real Kafka broker ({@link BrokerMain}) in a JVM of its own, with its own classpath
 * ({@code kafka-broker/target/broker-libs}), and stops it. Needs only the JDK, so tests and the local-stack
 * launcher can use it without Kafka's server classes on their classpath.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** System property naming the folder of the broker's jars; found by walking up from the working dir otherwise. */
    public static final String LIBS_PROPERTY = "okrpm.broker.libs";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** For the tests' brokers: C1 only, so a broker per test module starts fast. */
    public static final List<String> QUICK_START = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private Process process;

    private EmbeddedBroker(Path dataDir, Path logFile, int port, int controllerPort, List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker on {@code port} (0 = any free port) keeping its data in {@code dataDir}. */
    public static EmbeddedBroker start(Path dataDir, int port, Path logFile) {
        return start(dataDir, port, logFile, QUICK_START);
    }

    /** As {@link #start(Path, int, Path)}, the broker's JVM started with {@code jvmOptions}. */
    public static EmbeddedBroker start(Path dataDir, int port, Path logFile, List<String> jvmOptions) {
        int brokerPort = port == 0 ? freePort() : port;
        EmbeddedBroker broker = new EmbeddedBroker(dataDir.toAbsolutePath(), logFile.toAbsolutePath(), brokerPort,
                freePort(), jvmOptions);
        broker.startProcess();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The broker process's id (for its memory use), or -1 while stopped. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Controlled shutdown (SIGTERM), forced after 15 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the stopped broker again, on the same port and with the same data. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startProcess() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", classpath(),
                    BrokerMain.class.getName(),
                    "--port", String.valueOf(port),
                    "--controller-port", String.valueOf(controllerPort),
                    "--data-dir", dataDir.toString(),
                    "--parent-pid", String.valueOf(ProcessHandle.current().pid())));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .start();
            awaitReady(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Process started) throws IOException {
        CountDownLatch ready = new CountDownLatch(1);
        PrintStream log = new PrintStream(Files.newOutputStream(logFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true,
                StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.println(line);
                    if (line.startsWith(BrokerMain.READY)) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the broker went away; waitFor below reports it
            } finally {
                log.close();
            }
        }, "kafka-broker-output");
        pump.setDaemon(true);
        pump.start();
        try {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (!ready.await(200, TimeUnit.MILLISECONDS)) {
                if (!started.isAlive() || System.nanoTime() > deadline) {
                    started.destroyForcibly();
                    throw new IllegalStateException("The Kafka broker did not start on port " + port
                            + " (see " + logFile + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private static String classpath() {
        Path libs = libsDir();
        try {
            Path own = Path.of(EmbeddedBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return libs.resolve("*") + java.io.File.pathSeparator + own;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path libsDir() {
        String configured = System.getProperty(LIBS_PROPERTY);
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("kafka-broker").resolve("target").resolve("broker-libs");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: build the kafka-broker module "
                + "(./mvnw package -pl kafka-broker) or set -D" + LIBS_PROPERTY);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
