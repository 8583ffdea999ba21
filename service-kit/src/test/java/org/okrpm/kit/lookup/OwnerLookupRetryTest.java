package org.okrpm.kit.lookup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failed lookups are asked once more (of another replica): those whose connection failed. */
class OwnerLookupRetryTest {

    @Test
    void aRefusedResetOrClosedConnectionIsAskedAgain() {
        assertTrue(OwnerLookup.connectionFailed(new ProcessingException(new ConnectException("Connection refused"))));
        assertTrue(OwnerLookup.connectionFailed(new ProcessingException(new IOException("Connection reset by peer"))));
        assertTrue(OwnerLookup.connectionFailed(new RuntimeException(HttpClosedException.class.getSimpleName(),
                new HttpClosedException("Connection was closed"))));
    }

    @Test
    void anAnswerOrATimeoutIsNot() {
        assertFalse(OwnerLookup.connectionFailed(new WebApplicationException(503)));
        assertFalse(OwnerLookup.connectionFailed(new ProcessingException(new TimeoutException("read timeout"))));
        assertFalse(OwnerLookup.connectionFailed(new IllegalStateException("unreadable body")));
    }
}
