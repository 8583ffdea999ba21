package org.okrpm.okr.checkin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What okr-service reads of a checkin.check-ins event; unknown fields are ignored. */
public record CheckInSnapshot(UUID id, UUID keyResultId, BigDecimal value, Double confidence, String authorId,
                              Instant createdAt) {
}
