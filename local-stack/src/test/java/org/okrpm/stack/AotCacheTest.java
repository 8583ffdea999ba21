package org.okrpm.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the local stack starts a service from its trained AOT build, and when it falls back to the local build. */
class AotCacheTest {

    @TempDir
    Path target;
    Path localJar;
    Path aotBuild;
    Path jdk;

    @BeforeEach
    void trainedBuild() throws IOException {
        localJar = Files.createDirectories(target.resolve("quarkus-app-local")).resolve("quarkus-run.jar");
        Files.writeString(localJar, "local");
        aotBuild = Files.createDirectories(target.resolve(AotCache.BUILD));
        Files.writeString(aotBuild.resolve("quarkus-run.jar"), "aot");
        jdk = target.resolve("jdk-25");
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(aotBuild.resolve(AotCache.CACHE), "cache");
        Files.writeString(aotBuild.resolve(AotCache.JDK_FILE), jdk + "\n");
        age(localJar, 60);
    }

    @AfterEach
    void aotBackOn() {
        System.clearProperty(AotCache.ENABLED_PROPERTY);
    }

    @Test
    void aFreshCacheRunsTheAotBuildOnTheJdkItWasTrainedWith() {
        Optional<AotCache.Launch> launch = AotCache.trained("okr-service", localJar);
        assertTrue(launch.isPresent());
        assertEquals(jdk.resolve("bin").resolve("java"), launch.get().java());
        assertEquals(aotBuild.resolve("quarkus-run.jar"), launch.get().jar());
        assertTrue(launch.get().options().contains("-XX:AOTCache=" + aotBuild.resolve(AotCache.CACHE)));
        assertTrue(launch.get().options().contains("-XX:+UseCompactObjectHeaders"));
    }

    @Test
    void trainingRecordsWithTheOptionsTheCacheIsLaterRunWith() {
        AotCache.Launch training = AotCache.training("gateway", localJar, jdk);
        AotCache.Launch run = AotCache.trained("gateway", localJar).orElseThrow();
        assertEquals(run.options().subList(0, run.options().size() - 1),
                training.options().subList(0, training.options().size() - 1));
        assertEquals("-XX:AOTCacheOutput=" + aotBuild.resolve(AotCache.CACHE), training.options().get(
                training.options().size() - 1));
    }

    @Test
    void aCacheOlderThanTheLocalBuildIsIgnored() throws IOException {
        age(aotBuild.resolve(AotCache.CACHE), 120); // a later build without -Daot.jdk rebuilt quarkus-app-local
        assertFalse(AotCache.trained("okr-service", localJar).isPresent());
    }

    @Test
    void noRecordedJdkOrNoCacheMeansTheLocalBuild() throws IOException {
        Files.delete(aotBuild.resolve(AotCache.JDK_FILE));
        assertFalse(AotCache.trained("okr-service", localJar).isPresent());
        Files.writeString(aotBuild.resolve(AotCache.JDK_FILE), target.resolve("gone") + "\n");
        assertFalse(AotCache.trained("okr-service", localJar).isPresent(), "the recorded JDK was removed");
        Files.delete(aotBuild.resolve(AotCache.CACHE));
        assertFalse(AotCache.trained("okr-service", localJar).isPresent());
    }

    @Test
    void aProductionBuildNeverRunsTheLocalProfilesCache() throws IOException {
        Path productionJar = Files.createDirectories(target.resolve("quarkus-app")).resolve("quarkus-run.jar");
        Files.writeString(productionJar, "prod");
        age(productionJar, 60);
        assertFalse(AotCache.trained("okr-service", productionJar).isPresent(), "./run-local --postgres");
    }

    @Test
    void switchedOffTheLocalBuildRunsEvenWithAFreshCache() {
        System.setProperty(AotCache.ENABLED_PROPERTY, "off");
        assertFalse(AotCache.trained("okr-service", localJar).isPresent());
    }

    private static void age(Path file, long seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
    }
}
