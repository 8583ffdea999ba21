package org.okrpm.kit.events;

import org.okrpm.kit.envelope.IncomingEvent;

/**
 * The base of a consumer that keeps a local replica of another service's facts. Replicas keep no progress, so
 * progress changes — most of the okr topics' traffic — are acknowledged without a transaction.
 */
public abstract class ReplicaEventConsumer extends KafkaEventConsumer {

    protected ReplicaEventConsumer(String channel) {
        super(channel);
    }

    @Override
    public boolean wants(IncomingEvent event) {
        return !event.isProgressChange();
    }
}
