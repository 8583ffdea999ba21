package org.okrpm.kit.lookup;

import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The one policy for asking a fact's owning service (e.g. okr-service) about an id a local replica has not
 * seen yet: one call (once more, on another replica, if its connection failed), a short timeout, and a circuit
 * breaker so that a slow or dead owner never slows every request. Built with SmallRye Fault Tolerance's
 * programmatic API; create one per owner and keep it (the circuit is registered under the owner's name, for
 * {@code CircuitBreakerMaintenance}).
 * <ul>
 *   <li>an answer → the value; a 404 (or an empty body) → empty: "does not exist" is an answer;</li>
 *   <li>401/403: the caller's credentials are not good for the owner → {@link OwnerUnavailableException}
 *       ({@code REFUSED}), and it does <em>not</em> count against the circuit: one caller's bad token must not
 *       cut everyone off;</li>
 *   <li>timeout, connection error, 5xx or any other failure → {@link OwnerUnavailableException} and a failure
 *       for the circuit; an open circuit → {@code CIRCUIT_OPEN} at once, without a call.</li>
 * </ul>
 * Circuit: opens when half of the last 4 lookups failed, stays open 10 s, then one trial call closes it again.
 * Timeout: 1 s, or {@code okrpm.lookup.<owner>.timeout} (e.g. {@code okrpm.lookup.okr-service.timeout=2s}).
 * Replicas: a lookup whose connection failed (refused, reset) is asked once more, which the REST client's Stork
 * load balancer sends to another replica of the owner; a timeout is not repeated.
 */
public final class OwnerLookup {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    public static final int REQUEST_VOLUME_THRESHOLD = 4;
    public static final double FAILURE_RATIO = 0.5;
    public static final Duration OPEN_FOR = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(OwnerLookup.class);

    private final String owner;
    private final Guard guard;

    private OwnerLookup(String owner, Duration timeout) {
        this.owner = owner;
        this.guard = Guard.create()
                .withDescription("lookup at " + owner)
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                    .name(owner)
                    .requestVolumeThreshold(REQUEST_VOLUME_THRESHOLD)
                    .failureRatio(FAILURE_RATIO)
                    .delay(OPEN_FOR.toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .when(OwnerLookup::countsAgainstOwner)
                    .done()
                .build();
    }

    /**
     * The lookup policy for {@code owner}, which also names its circuit. Create it once per owner (a bean field
     * of an eagerly started bean), not per call: a circuit name can be registered only once.
     */
    public static OwnerLookup forOwner(String owner) {
        Duration timeout = ConfigProvider.getConfig()
                .getOptionalValue("okrpm.lookup." + owner + ".timeout", Duration.class).orElse(DEFAULT_TIMEOUT);
        return new OwnerLookup(owner, timeout);
    }

    /** The owner's name, also the circuit's name. */
    public String owner() {
        return owner;
    }

    /**
     * Asks the owner once, through the timeout and the circuit breaker.
     *
     * @param what what is looked up, for messages ("Key result")
     * @param id   its id, for messages
     * @param call the HTTP call (a REST client method); a status ≥ 400 arrives as a WebApplicationException
     * @return the answer, or empty when the owner says 404 (or answers with no body)
     * @throws OwnerUnavailableException when the owner gave no answer (timeout, failure, refused, open circuit)
     */
    public <T> Optional<T> find(String what, Object id, Supplier<T> call) {
        Object answer;
        try {
            answer = guard.get(() -> ask(call), Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw new OwnerUnavailableException(owner, OwnerUnavailableException.Reason.CIRCUIT_OPEN, what, id, e);
        } catch (TimeoutException e) {
            LOG.warnf("%s did not answer the lookup of %s %s in time", owner, what, id);
            throw new OwnerUnavailableException(owner, OwnerUnavailableException.Reason.TIMEOUT, what, id, e);
        } catch (Refused e) {
            LOG.debugf("%s refused the caller's credentials for %s %s (%d)", owner, what, id, e.status);
            throw new OwnerUnavailableException(owner, OwnerUnavailableException.Reason.REFUSED, what, id, e);
        } catch (RuntimeException e) {
            LOG.warnf("%s lookup of %s %s failed: %s", owner, what, id, e.toString());
            throw new OwnerUnavailableException(owner, OwnerUnavailableException.Reason.FAILED, what, id, e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) answer;
        return Optional.ofNullable(value);
    }

    /**
     * One call, and once more if the connection failed before any answer (refused, reset, closed): the lookups
     * are GETs, so a repeat is safe, and the REST client's Stork load balancer sends it to another replica (the
     * failed one is penalised). Both attempts run inside the one timeout.
     */
    private Object ask(Supplier<?> call) {
        try {
            return answer(call);
        } catch (RuntimeException e) {
            if (!connectionFailed(e)) {
                throw e;
            }
            LOG.infof("%s lookup: connection failed (%s); asking another replica", owner, e.toString());
            return answer(call);
        }
    }

    /** No HTTP answer came back because the connection could not be made or broke (not a timeout). */
    static boolean connectionFailed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WebApplicationException || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof TimeoutException) {
                return false;
            }
            if (cause instanceof IOException || cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static Object answer(Supplier<?> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                return null;
            }
            if (status == 401 || status == 403) {
                throw new Refused(status, e);
            }
            throw e;
        }
    }

    /**
     * Whether a lookup failure is the owner's (and counts against the circuit): timeouts, connection errors,
     * 5xx and anything unexpected are; 401/403 (the caller's credentials) and 404 (an answer) are not.
     */
    public static boolean countsAgainstOwner(Throwable failure) {
        if (failure instanceof Refused) {
            return false;
        }
        if (failure instanceof WebApplicationException e && e.getResponse() != null) {
            int status = e.getResponse().getStatus();
            return status != 401 && status != 403 && status != 404;
        }
        return true;
    }

    /** The owner answered 401/403: not its failure. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, Throwable cause) {
            super("answered " + status, cause);
            this.status = status;
        }
    }
}
