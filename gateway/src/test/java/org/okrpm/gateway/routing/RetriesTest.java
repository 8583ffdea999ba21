package org.okrpm.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures let an idempotent call go to another replica: the ways a lost connection shows up, never a timeout. */
class RetriesTest {

    @Test
    void aConnectionLostInAnyOfItsShapesMayBeSentAgain() {
        assertTrue(Retries.connectionLost(new HttpClosedException("closed")));
        assertTrue(Retries.connectionLost(new SocketException("Connection reset")));
        // the proxy resets its request when writing to a closed connection fails: the reset arrives first
        assertTrue(Retries.connectionLost(new StreamResetException(0)));
        assertTrue(Retries.connectionLost(new VertxException("wrapped", new HttpClosedException("closed"))));
    }

    @Test
    void aTimeoutIsNeverSentAgain() {
        assertFalse(Retries.connectionLost(new TimeoutException("slow")));
        assertFalse(Retries.connectionLost(new VertxException("wrapped", new TimeoutException("slow"))));
    }

    @Test
    void aRefusedConnectionIsNotConnectedAtAll() {
        assertTrue(Retries.notConnected(new ConnectException("refused")));
        assertFalse(Retries.notConnected(new StreamResetException(0)));
    }
}
