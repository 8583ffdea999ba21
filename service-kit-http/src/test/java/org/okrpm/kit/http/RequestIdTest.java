package org.okrpm.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The X-Request-Id the edge makes when a client sends none: a well-formed random UUID, different every time. */
class RequestIdTest {

    @Test
    void madeIdsAreVersionFourUuidsThatDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestEdgeHandlers.newRequestId();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(uuid.toString(), id);
            assertTrue(seen.add(id), "repeated " + id);
        }
    }
}
