package org.okrpm.gateway.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open streams per caller and in total, so one token cannot hold thousands of connections and all callers
 * together cannot exhaust the replica. A slot is taken when a stream opens and given back when it ends.
 */
final class StreamSlots {

    /** Why a stream was not opened. */
    enum Refusal { CALLER, TOTAL }

    private final int maxPerCaller;
    private final int maxTotal;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, Integer> perCaller = new ConcurrentHashMap<>();

    StreamSlots(int maxPerCaller, int maxTotal) {
        this.maxPerCaller = Math.max(1, maxPerCaller);
        this.maxTotal = Math.max(1, maxTotal);
    }

    /** Takes a slot for {@code caller}: null when it got one, else why not. */
    Refusal tryOpen(String caller) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return Refusal.TOTAL;
        }
        boolean[] taken = {false};
        perCaller.compute(caller, (c, open) -> {
            int current = open == null ? 0 : open;
            if (current >= maxPerCaller) {
                return open;
            }
            taken[0] = true;
            return current + 1;
        });
        if (!taken[0]) {
            total.decrementAndGet();
            return Refusal.CALLER;
        }
        return null;
    }

    /** Gives back a slot taken by {@link #tryOpen(String)}. */
    void release(String caller) {
        perCaller.computeIfPresent(caller, (c, open) -> open <= 1 ? null : open - 1);
        total.decrementAndGet();
    }

    int open(String caller) {
        return perCaller.getOrDefault(caller, 0);
    }

    int total() {
        return total.get();
    }
}
