package org.okrpm.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The AOT cache's training run, part of the build made with {@code -Daot.jdk=<JDK 25+>} (local-stack's {@code aot}
 * profile runs it in the package phase, after every service's {@code quarkus-app-aot} build): starts the broker and
 * the four services from those builds on that JDK, each recording its cache, plays {@link TrainingWorkload}, stops
 * the stack (each JVM writes {@code app.aot} as it exits) and notes the JDK beside each cache. Fails the build when a
 * cache is missing, so a build that says it trained always did.
 */
public final class AotTraining {

    /** Set while training: {@link ServiceProcess} then launches the AOT builds recording their caches. */
    static final String JDK_PROPERTY = "okrpm.stack.aot-training";
    private static final int ROUNDS = 3;

    private AotTraining() {
    }

    /** {@code AotTraining <repository root> <JDK home>}. */
    public static void main(String[] args) throws Exception {
        Path repoRoot = Path.of(args[0]).toAbsolutePath();
        Path jdk = Path.of(args[1]).toAbsolutePath();
        int feature = featureVersion(jdk).orElseThrow(() -> new IllegalArgumentException(
                "-Daot.jdk=" + jdk + " is not a JDK (no release file)"));
        if (feature < 25) {
            throw new IllegalArgumentException("-Daot.jdk=" + jdk + " is JDK " + feature + "; the AOT cache needs 25 or newer");
        }
        for (String service : LocalStack.SERVICES) {
            Path build = repoRoot.resolve(service).resolve("target").resolve(AotCache.BUILD);
            if (!Files.exists(build.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(build + " is missing: build with -Daot.jdk to make it");
            }
            Files.deleteIfExists(build.resolve(AotCache.CACHE));
            Files.deleteIfExists(build.resolve(AotCache.JDK_FILE));
        }
        Path data = repoRoot.resolve("local-stack/target/aot-training");
        deleteRecursively(data);
        long started = System.nanoTime();
        System.out.println("AOT training on JDK " + feature + " (" + jdk + "), data and logs in " + data);
        System.setProperty(JDK_PROPERTY, jdk.toString());
        LocalStack.Ports ports = LocalStack.Ports.free();
        try (LocalStack stack = LocalStack.start(repoRoot, data, ports, false, true, Map.of())) {
            new TrainingWorkload("http://localhost:" + ports.gateway()).run(ROUNDS);
        }
        for (String service : LocalStack.SERVICES) {
            Path build = repoRoot.resolve(service).resolve("target").resolve(AotCache.BUILD);
            Path cache = build.resolve(AotCache.CACHE);
            if (!Files.exists(cache)) {
                throw new IllegalStateException(service + " wrote no AOT cache; see " + data.resolve("logs"));
            }
            Files.writeString(build.resolve(AotCache.JDK_FILE), jdk + "\n");
            System.out.printf("  %-16s %s (%d MB)%n", service, cache, Files.size(cache) >> 20);
        }
        System.out.printf("AOT caches trained in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** The feature version in a JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"} is 25). */
    static Optional<Integer> featureVersion(Path jdk) throws IOException {
        Path release = jdk.resolve("release");
        if (!Files.exists(release)) {
            return Optional.empty();
        }
        return Files.readAllLines(release).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                .map(line -> line.substring(line.indexOf('"') + 1).split("[.\"]")[0])
                .map(Integer::parseInt).findFirst();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
