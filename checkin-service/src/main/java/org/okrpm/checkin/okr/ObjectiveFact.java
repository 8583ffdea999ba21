package org.okrpm.checkin.okr;

import java.util.UUID;

/** What this service knows about one of okr-service's objectives. */
public record ObjectiveFact(UUID id, UUID cycleId, String ownerId) {
}
