package org.okrpm.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.okrpm.broker.EmbeddedBroker;

/**
 * A service's JDK ahead-of-time cache (JEP 483/514/515): the build made with {@code -Daot.jdk=<JDK 25+>} packs each
 * service a second time as an {@code aot-jar} into {@code target/quarkus-app-aot}, and {@link AotTraining} runs the
 * stack once from those builds on that JDK to record {@code app.aot} beside each {@code quarkus-run.jar}. The cache
 * is only valid for that exact JDK, those jars and the JVM options below, so the JDK's home is written next to it
 * ({@code app.aot.jdk}) and a cache older than the service's local build is ignored (a later build without
 * {@code -Daot.jdk} left it behind). docs/benchmarks.md has what it saves and why these options.
 */
public final class AotCache {

    /** {@code -Dokrpm.stack.aot=off}: run the local builds on this JVM even where a trained cache exists. */
    public static final String ENABLED_PROPERTY = "okrpm.stack.aot";
    /** The output folder of the trained build, next to {@code quarkus-app-local}. */
    public static final String BUILD = "quarkus-app-aot";
    static final String CACHE = "app.aot";
    static final String JDK_FILE = "app.aot.jdk";

    /**
     * JVM options of a service started from its cache, and of its training run: options that shape the cache (the
     * object header layout above all) must be the same in both, or the JVM refuses the cache. Measured for issue 18
     * (docs/benchmarks.md): compact object headers (JDK 25) save 4 bytes per object; the cache mapped where it was
     * written ({@code ArchiveRelocationMode=0}) stays clean, shared file pages, where the default relocation copies
     * all of it (~150 MB for okr-service) into private memory, and starts faster; smaller heaps than the old 192 MB
     * (which was not what made the RSS); the glibc heap trimmed every 5 s after bursts. The services stay on C1
     * (memory); the gateway, a proxy whose every request is the same hot path, gets C2 with two compiler threads and
     * a smaller code cache: 15-55 % less CPU per proxied request, for a start 0.4 s slower and ~35 MB more after load.
     */
    private static final Map<String, String> OWN_OPTIONS = Map.of(
            "okr-service", "-Xms24m -Xmx128m -XX:TieredStopAtLevel=1",
            "project-service", "-Xms24m -Xmx128m -XX:TieredStopAtLevel=1",
            "checkin-service", "-Xms16m -Xmx96m -XX:TieredStopAtLevel=1",
            LocalStack.GATEWAY, "-Xms16m -Xmx96m -XX:CICompilerCount=2 -XX:ReservedCodeCacheSize=48m");
    private static final String COMMON_OPTIONS = "-XX:+UseSerialGC -XX:+UseCompactObjectHeaders"
            + " -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -XX:TrimNativeHeapInterval=5000";

    private AotCache() {
    }

    /**
     * The local stack's broker: with the new settings the full JIT (C2), which cuts the Kafka hop's tail (measured
     * for issue 18: a record's send to poll p99 13 ms instead of 104 on this machine); with {@code okrpm.stack.aot=off}
     * C1 only, as before. The broker is not among the services whose footprint counts, and starts once.
     */
    public static List<String> brokerOptions() {
        return switchedOff() ? EmbeddedBroker.QUICK_START : BROKER_OPTIONS;
    }

    /** The broker's JVM options with the new settings. */
    public static final List<String> BROKER_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    /** How to run a service from its trained cache: the JDK it was recorded with, the options, the jar. */
    record Launch(Path java, List<String> options, Path jar) {
    }

    /** The trained launch of the service whose local build is {@code localJar}, if there is an up-to-date one. */
    static Optional<Launch> trained(String service, Path localJar) {
        if (switchedOff() || !isLocalBuild(localJar)) {
            return Optional.empty(); // switched off, or a production build (./run-local --postgres): no cache of it
        }
        return trainedJava(localJar).map(java -> {
            List<String> options = options(service);
            options.add("-XX:AOTCache=" + aotBuild(localJar).resolve(CACHE));
            return new Launch(java, options, aotBuild(localJar).resolve("quarkus-run.jar"));
        });
    }

    /** Whether a service of the repository has a cache trained since its last local build (the benchmarks ask). */
    public static boolean isTrained(Path repoRoot, String service) {
        return trainedJava(repoRoot.resolve(service).resolve("target/quarkus-app-local/quarkus-run.jar")).isPresent();
    }

    /** The java of the JDK the cache was trained with, when the cache is there and newer than the local build. */
    private static Optional<Path> trainedJava(Path localJar) {
        Path dir = aotBuild(localJar);
        Path cache = dir.resolve(CACHE);
        Path jdkFile = dir.resolve(JDK_FILE);
        try {
            if (!Files.exists(cache) || !Files.exists(jdkFile) || !Files.exists(localJar)
                    || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(localJar)) < 0) {
                return Optional.empty();
            }
            Path java = Path.of(Files.readString(jdkFile).trim(), "bin", "java");
            return Files.isExecutable(java) ? Optional.of(java) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean switchedOff() {
        return "off".equals(System.getProperty(ENABLED_PROPERTY));
    }

    private static boolean isLocalBuild(Path jar) {
        return jar.getParent().getFileName().toString().equals("quarkus-app-local");
    }

    /** The training launch: the same options, recording {@code app.aot} when the JVM exits. */
    static Launch training(String service, Path localJar, Path jdk) {
        Path dir = aotBuild(localJar);
        List<String> options = options(service);
        options.add("-XX:AOTCacheOutput=" + dir.resolve(CACHE));
        return new Launch(jdk.resolve("bin").resolve("java"), options, dir.resolve("quarkus-run.jar"));
    }

    /** The JVM options of a service run from its cache (shown by {@code ./benchmarks/run}). */
    public static List<String> options(String service) {
        List<String> options = new ArrayList<>(List.of(OWN_OPTIONS.get(service).split(" ")));
        options.addAll(List.of(COMMON_OPTIONS.split(" ")));
        return options;
    }

    private static Path aotBuild(Path localJar) {
        return localJar.getParent().resolveSibling(BUILD);
    }
}
