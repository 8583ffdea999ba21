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
import org.okrpm.kit.events.EventConsumption;
import org.okrpm.kit.events.EventHandler;
import org.okrpm.kit.events.UnreadableEventException;
import org.okrpm.okr.keyresult.KeyResultService;

/**
 * okr-service ← checkin.check-ins: a check-in sets confidence, and the value of a MANUAL key result. The kit
 * applies each event once per consumer group; an older check-in arriving late changes nothing.
 */
@ApplicationScoped
public class CheckInEventsConsumer implements EventHandler {

    public static final String CHANNEL = "check-ins";

    @Inject
    EventConsumption consumption;

    @Inject
    KeyResultService keyResults;

    @Inject
    ObjectMapper mapper;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        return consumption.consume(this, batch);
    }

    @Override
    public String channel() {
        return CHANNEL;
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
