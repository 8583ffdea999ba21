package org.okrpm.gateway.routing;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.okrpm.kit.http.ProblemJson;
import org.okrpm.kit.problem.ProblemType;

/**
 * How a failed call to an owner is told to the caller: 503 down (no replica reachable, or every replica's circuit
 * open), 504 too slow, 502 broken.
 */
public record OwnerFailure(ProblemType type, String detail) {

    public static OwnerFailure of(Owner owner, Throwable failure) {
        if (failure instanceof NoReplicaException) {
            return unavailable(owner);
        }
        Throwable cause = rootCause(failure);
        String name = owner.serviceName();
        if (cause instanceof CircuitOpenException) {
            return circuitOpen(owner);
        }
        if (cause instanceof TimeoutException) {
            return new OwnerFailure(ProblemType.GATEWAY_TIMEOUT, name + " did not answer in time");
        }
        if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
            return unavailable(owner);
        }
        if (cause instanceof HttpClosedException || cause instanceof StreamResetException) {
            return new OwnerFailure(ProblemType.BAD_GATEWAY, name + " closed the connection without a complete answer");
        }
        return new OwnerFailure(ProblemType.BAD_GATEWAY, name + " sent a broken answer");
    }

    public static OwnerFailure unavailable(Owner owner) {
        return new OwnerFailure(ProblemType.SERVICE_UNAVAILABLE, owner.serviceName() + " is unavailable; try again shortly");
    }

    public static OwnerFailure circuitOpen(Owner owner) {
        return new OwnerFailure(ProblemType.SERVICE_UNAVAILABLE,
                owner.serviceName() + " is unavailable (circuit open after repeated failures); try again shortly");
    }

    public String body(String instance) {
        return ProblemJson.render(type, detail, instance);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof TimeoutException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
