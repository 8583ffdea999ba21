package org.okrpm.okr.retrospective;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.events.KafkaEventConsumer;
import org.okrpm.kit.events.PoisonEventException;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * okr-service ← checkin.retrospectives: the retrospective replica behind the cycle summary. The kit applies each
 * event once per consumer group; a snapshot not newer than the one held changes nothing. A snapshot without what
 * the replica needs cannot become readable by retrying: it is dead-lettered.
 */
@ApplicationScoped
public class RetrospectiveEventsConsumer extends KafkaEventConsumer {

    public static final String CHANNEL = "retrospectives";
    /** The ce_types of checkin.retrospectives; both carry the full state. */
    static final Set<String> TYPES = Set.of("checkin.retrospective.written", "checkin.retrospective.updated");

    @Inject
    RetrospectiveReplicas replicas;

    @Inject
    ObjectMapper mapper;

    public RetrospectiveEventsConsumer() {
        super(CHANNEL);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onPoll(Message<List<String>> batch) {
        return consume(batch);
    }

    @Override
    public void apply(IncomingEvent event) {
        if (!TYPES.contains(event.type())) {
            throw new PoisonEventException(event.describe() + " is of a type okr-service does not know");
        }
        RetrospectiveSnapshot snapshot = UnreadableEventException.parse(mapper, event, RetrospectiveSnapshot.class);
        String missing = snapshot.missing();
        if (missing != null) {
            throw new UnreadableEventException(event.describe() + " has no " + missing, null);
        }
        replicas.apply(snapshot);
    }
}
