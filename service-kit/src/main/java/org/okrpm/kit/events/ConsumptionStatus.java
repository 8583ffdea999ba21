package org.okrpm.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Whether each channel applies its records or waits on a transient failure: logged when it starts, every 30 s
 * while it lasts and when it ends, and shown by {@link ConsumptionHealthCheck}.
 */
@ApplicationScoped
public class ConsumptionStatus {

    private static final Logger LOG = Logger.getLogger(ConsumptionStatus.class);
    private static final Duration REPEAT_WARNING = Duration.ofSeconds(30);

    /** A channel waiting since {@code since}; {@code warnedAt} throttles the log. */
    private record Waiting(Instant since, String reason, Instant warnedAt) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    void applied(String channel, int records) {
        Waiting was = waiting.remove(channel);
        if (was != null) {
            LOG.infof("Consumer %s applies records again after waiting %d s (%s)", channel,
                    Duration.between(was.since(), Instant.now()).toSeconds(), was.reason());
        }
    }

    void retrying(String channel, Throwable failure) {
        Instant now = Instant.now();
        String reason = describe(failure);
        waiting.compute(channel, (key, was) -> {
            if (was == null) {
                LOG.warnf("Consumer %s waits for a transient failure to pass and retries: %s", channel, reason);
                return new Waiting(now, reason, now);
            }
            if (now.isAfter(was.warnedAt().plus(REPEAT_WARNING))) {
                LOG.warnf("Consumer %s still retrying after %d s: %s", channel,
                        Duration.between(was.since(), now).toSeconds(), reason);
                return new Waiting(was.since(), reason, now);
            }
            return new Waiting(was.since(), reason, was.warnedAt());
        });
    }

    /** Channels waiting on a failure right now, with since when and why. */
    public Map<String, String> waiting() {
        Map<String, String> view = new TreeMap<>();
        waiting.forEach((channel, w) -> view.put(channel, "retrying since " + w.since() + ": " + w.reason()));
        return view;
    }

    /**
     * What went wrong, for operators: a poison event's own verdict with the innermost cause, or else the
     * innermost message (a JDBC error wrapped in Hibernate's and JTA's exceptions).
     */
    static String describe(Throwable failure) {
        String verdict = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (verdict == null && t instanceof PoisonEventException) {
                verdict = t.getMessage();
            }
            root = t;
        }
        String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String message = verdict == null || verdict.equals(cause) ? cause : verdict + ": " + cause;
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
