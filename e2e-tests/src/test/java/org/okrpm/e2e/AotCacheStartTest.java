package org.okrpm.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.okrpm.stack.LocalStack;
import org.okrpm.stack.ServiceProcess;

/**
 * A build made with {@code -Daot.jdk} (as .ci/run and ./run-local make it where a JDK 25 exists) starts every service
 * from the AOT cache it trained, and the JVM takes the cache: a cache it refuses (another JDK, other options, jars
 * changed since) only logs a warning and starts slowly, which is what this catches.
 */
class AotCacheStartTest {

    @Test
    void everyServiceStartsFromItsTrainedCache() throws IOException {
        assumeFalse(System.getProperty("okrpm.aot.jdk", "").isBlank(), "built without -Daot.jdk: no AOT caches");
        LocalStack stack = Stack.get();
        for (String name : LocalStack.SERVICES) {
            ServiceProcess service = stack.service(name);
            assertTrue(service.fromAotCache(), name + " was not started from its AOT cache");
            String log = Files.readString(service.logFile());
            assertFalse(log.contains("Unable to use AOT cache") || log.contains("[error][aot]"),
                    name + "'s JVM refused its AOT cache; see " + service.logFile());
        }
    }
}
