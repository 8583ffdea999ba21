package org.okrpm.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Exit;

/**
 * Runs inside the broker's own JVM: writes a single-node KRaft {@code server.properties} into the data
 * directory, formats the storage on first start, starts {@code kafka.Kafka}, prints {@link #READY} once an
 * admin client can describe the cluster, and exits when the parent process is gone (so a test JVM killed
 * with -9 leaves no orphan broker).
 *
 * <p>Arguments: {@code --port 9092 --controller-port 9093 --data-dir ./data/kafka [--parent-pid 1234]}.
 */
public final class BrokerMain {

    public static final String READY = "OKRPM-BROKER-READY";
    static final String CLUSTER_ID = "okrpm-local-kraft-01";

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", String.valueOf(port + 1)));
        Path dataDir = Path.of(options.getOrDefault("data-dir", "data/kafka")).toAbsolutePath();
        Files.createDirectories(dataDir);

        Path config = writeServerProperties(dataDir, port, controllerPort);
        formatOnce(dataDir, config);
        options.computeIfPresent("parent-pid", (key, pid) -> {
            watchParent(Long.parseLong(pid));
            ignoreInterrupt();
            return pid;
        });
        announceWhenReady(port);
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static Path writeServerProperties(Path dataDir, int port, int controllerPort) throws IOException {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", dataDir.resolve("logs").toString());
        props.setProperty("num.partitions", "3");
        // as on a production cluster: topics exist only where the services' declarations (or ops) created them,
        // so a topic nobody declared fails here first instead of appearing with the broker's defaults
        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "3");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("log.retention.hours", "168");
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "single-node KRaft broker written by BrokerMain");
        }
        return file;
    }

    /** Formats the log directory unless it already holds a formatted one (a restart keeps its data). */
    private static void formatOnce(Path dataDir, Path config) {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        // StorageTool ends with Exit.exit; catch that instead of letting it end this JVM.
        Exit.setExitProcedure((status, message) -> {
            throw new FormatFinished(status);
        });
        try {
            kafka.tools.StorageTool.main(new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(),
                "--ignore-formatted"});
        } catch (FormatFinished finished) {
            if (finished.status != 0) {
                throw new IllegalStateException("Formatting the Kafka storage failed with status " + finished.status);
            }
        } finally {
            Exit.resetExitProcedure();
        }
    }

    /**
     * Ctrl-C in a terminal interrupts the whole process group, broker included; the parent stops the broker
     * itself (SIGTERM) once the services are gone, so their consumers can still leave their groups and their
     * relays publish their last events instead of waiting for a broker that is already away.
     */
    private static void ignoreInterrupt() {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    }

    private static void watchParent(long parentPid) {
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("Parent process " + parentPid + " is gone; stopping the broker");
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void announceWhenReady(int port) {
        Thread announcer = new Thread(() -> {
            Properties props = new Properties();
            props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
            props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
            props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
            while (true) {
                try (Admin admin = Admin.create(props)) {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    System.out.println(READY + " localhost:" + port);
                    System.out.flush();
                    return;
                } catch (InterruptedException e) {
                    return;
                } catch (Exception notYet) {
                    // the broker is still starting; ask again
                }
            }
        }, "ready-announcer");
        announcer.setDaemon(true);
        announcer.start();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static final class FormatFinished extends RuntimeException {
        final int status;

        FormatFinished(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

}
