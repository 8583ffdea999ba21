package org.okrpm.project.keyresultwork;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.okrpm.kit.events.Outbox;

/** The project.key-result-work topic of docs/events.md ('Facts that combine many aggregates'): okr-service moves TASKS key results from it. */
@ApplicationScoped
public class KeyResultWorkEvents {

    public static final String TOPIC = "project.key-result-work";
    public static final String CHANGED = "project.key-result-work.changed";

    @Inject
    Outbox outbox;

    /** Keyed by the key result id, so one key result's rollups stay in order within a partition. */
    public void publish(KeyResultWorkSnapshot snapshot) {
        outbox.publish(TOPIC, CHANGED, snapshot.keyResultId(), snapshot);
    }
}
