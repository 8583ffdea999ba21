package org.okrpm.okr.checkin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.events.KafkaEventConsumer;
import org.okrpm.kit.events.UnreadableEventException;
import org.okrpm.okr.keyresult.KeyResultService;

/**
 * okr-service ← checkin.check-ins: a check-in sets confidence, and the value of a MANUAL key result. The kit
 * applies each event once per consumer group; an older check-in arriving late changes nothing.
 */
@ApplicationScoped
public class CheckInEventsConsumer extends KafkaEventConsumer {

    public static final String CHANNEL = "check-ins";

    @Inject
    KeyResultService keyResults;

    @Inject
    ObjectMapper mapper;

    public CheckInEventsConsumer() {
        super(CHANNEL);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onPoll(Message<List<String>> batch) {
        return consume(batch);
    }

    @Override
    public void apply(IncomingEvent event) {
        CheckInSnapshot checkIn = UnreadableEventException.parse(mapper, event, CheckInSnapshot.class);
        if (checkIn.keyResultId() == null) {
            throw new UnreadableEventException(event.describe() + " names no key result", null);
        }
        String cause = "check-in " + checkIn.id() + (checkIn.authorId() == null ? "" : " by " + checkIn.authorId())
                + " (" + event.describe() + ")";
        keyResults.checkInRecorded(checkIn.keyResultId(), checkIn.value(), checkIn.confidence(),
                checkIn.createdAt() == null ? event.time() : checkIn.createdAt(), cause);
    }
}
