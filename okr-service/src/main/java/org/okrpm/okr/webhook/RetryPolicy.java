package org.okrpm.okr.webhook;

import java.time.Duration;

/** Exponential backoff of failed deliveries: initial, 2×, 4× … capped at the maximum delay. */
public final class RetryPolicy {

    private final Duration initial;
    private final Duration max;

    public RetryPolicy(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration delayAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 40));
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
