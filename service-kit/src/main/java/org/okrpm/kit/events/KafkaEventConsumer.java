package org.okrpm.kit.events;

import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The base of a consumer: the channel it handles and the hand-over of each poll to {@link EventConsumption}.
 * A subclass adds only its {@code @Incoming} method (SmallRye needs it on the bean itself) and what it does
 * with an event:
 * <pre>
 * public GoalSyncConsumer() { super("goal-sync"); }
 *
 * &#64;Incoming("goal-sync") &#64;Blocking
 * public CompletionStage&lt;Void&gt; onPoll(Message&lt;List&lt;String&gt;&gt; batch) { return consume(batch); }
 * </pre>
 */
public abstract class KafkaEventConsumer implements EventHandler {

    private final String channel;

    @Inject
    EventConsumption consumption;

    protected KafkaEventConsumer(String channel) {
        this.channel = channel;
    }

    @Override
    public final String channel() {
        return channel;
    }

    /** Applies the poll; the stage completes once it is acknowledged (or left for redelivery on shutdown). */
    protected CompletionStage<Void> consume(Message<List<String>> batch) {
        return consumption.consume(this, batch);
    }
}
