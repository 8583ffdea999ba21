package org.okrpm.kit.events;

import org.okrpm.kit.envelope.IncomingEvent;

/**
 * One consumer of one incoming channel: what it does with an event. The kit's {@link EventConsumption} does
 * the rest (transaction, dedupe per consumer group, retries, dead letters), so a consumer is this class and
 * an {@code @Incoming} method that hands its batch to {@code EventConsumption.consume}.
 */
public interface EventHandler {

    /** The channel ({@code mp.messaging.incoming.<channel>}) whose records this handler applies. */
    String channel();

    /** Whether this event concerns the handler; the others are acknowledged without a transaction. */
    default boolean wants(IncomingEvent event) {
        return true;
    }

    /**
     * Applies one event inside the transaction the kit opened for the whole poll. Called only the first time
     * this consumer group sees the event's id. Throw {@link PoisonEventException} for an event that can never
     * be applied; any other failure is retried.
     */
    void apply(IncomingEvent event);
}
