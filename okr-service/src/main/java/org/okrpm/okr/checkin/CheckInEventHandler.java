package org.okrpm.okr.checkin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.okrpm.kit.events.ConsumedEvents;
import org.okrpm.kit.events.IncomingEvent;
import org.okrpm.kit.events.UnreadableEventException;
import org.okrpm.okr.keyresult.KeyResultService;

/** Applies one checkin.check-ins event in one transaction; a redelivery changes nothing. */
@ApplicationScoped
public class CheckInEventHandler {

    @Inject
    ConsumedEvents consumed;

    @Inject
    KeyResultService keyResults;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public void apply(IncomingEvent event) {
        CheckInSnapshot checkIn = UnreadableEventException.parse(mapper, event, CheckInSnapshot.class);
        if (!consumed.firstDelivery(event) || checkIn.keyResultId() == null) {
            return;
        }
        String cause = "check-in " + checkIn.id() + (checkIn.authorId() == null ? "" : " by " + checkIn.authorId())
                + " (" + event.describe() + ")";
        keyResults.checkInRecorded(checkIn.keyResultId(), checkIn.value(), checkIn.confidence(),
                checkIn.createdAt() == null ? Instant.now() : checkIn.createdAt(), cause);
    }
}
