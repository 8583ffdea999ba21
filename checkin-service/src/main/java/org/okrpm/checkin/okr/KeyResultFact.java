package org.okrpm.checkin.okr;

import java.util.UUID;

/** What this service knows about one of okr-service's key results. {@code ownerId} is its objective's owner. */
public record KeyResultFact(UUID id, UUID objectiveId, UUID cycleId, String title, ProgressSource progressSource,
                            String ownerId) {
}
