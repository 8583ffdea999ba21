package org.okrpm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** What the numbers were measured on: CPU, memory, load, JDKs, Quarkus and Kafka versions; memory of processes. */
final class Machine {

    private Machine() {
    }

    static String describe(Path repoRoot) {
        return String.join("\n",
                "- CPU: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel(),
                "- Memory: " + memTotal(),
                "- Load average before the run: " + read(Path.of("/proc/loadavg")).map(String::trim).orElse("?"),
                "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "- JDK of the harness (and of today's services): " + jdk(Path.of(System.getProperty("java.home"))),
                "- Quarkus: " + version(repoRoot.resolve("okr-service/target/quarkus-app-local/lib/main"),
                        "io.quarkus.quarkus-core-"),
                "- Kafka broker: " + version(repoRoot.resolve("kafka-broker/target/broker-libs"), "kafka_2.13-"));
    }

    /** A JDK named from its release file: vendor, version and home. */
    static String jdk(Path home) {
        String version = read(home.resolve("release")).map(release -> field(release, "IMPLEMENTOR").orElse("?") + " "
                + field(release, "JAVA_RUNTIME_VERSION").or(() -> field(release, "JAVA_VERSION")).orElse("?"))
                .orElse("?");
        return version + " (" + home + ")";
    }

    /** The home of the JDK a process runs on, from its executable (…/bin/java). */
    static Optional<Path> javaHome(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .map(java -> Path.of(java).getParent().getParent());
    }

    /** Resident set size and its peak in MB, -1 when unknown. */
    record Memory(long rssMb, long peakMb) {

        String cells() {
            return (rssMb < 0 ? "?" : String.valueOf(rssMb)) + " | " + (peakMb < 0 ? "?" : String.valueOf(peakMb));
        }
    }

    /** Resident set size and its peak of a process, from /proc (Linux). */
    static Memory rss(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "status"))
                .map(s -> new Memory(kb(s, "VmRSS:"), kb(s, "VmHWM:"))).orElse(new Memory(-1, -1));
    }

    /** CPU time (user + system) a process has used so far, in ms; Linux's clock tick is 10 ms. */
    static long cpuMillis(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "stat")).map(stat -> {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        }).orElse(-1L);
    }

    private static long kb(String status, String field) {
        return status.lines().filter(l -> l.startsWith(field)).findFirst()
                .map(l -> Long.parseLong(l.substring(field.length()).replace("kB", "").trim()) / 1024).orElse(-1L);
    }

    /** A {@code KEY="value"} line of a JDK's release file. */
    private static Optional<String> field(String release, String key) {
        return release.lines().filter(l -> l.startsWith(key + "=")).findFirst()
                .map(l -> l.substring(key.length() + 1).replace("\"", ""));
    }

    private static String cpuModel() {
        return read(Path.of("/proc/cpuinfo")).flatMap(s -> s.lines().filter(l -> l.startsWith("model name"))
                .findFirst()).map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown model");
    }

    private static String memTotal() {
        return read(Path.of("/proc/meminfo")).map(s -> (kb(s, "MemTotal:") / 1024) + " GB").orElse("?");
    }

    private static String version(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(".jar"))
                    .map(n -> n.substring(prefix.length(), n.length() - 4)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
