package org.okrpm.project.keyresult;

import java.util.UUID;

/**
 * What project-service reads of a key result, from an okr.key-results event or from okr-service's
 * {@code GET /api/v1/key-results/{id}}; unknown fields are ignored.
 */
public record KeyResultSnapshot(UUID id, UUID objectiveId, UUID cycleId, String progressSource, boolean deleted,
                                Long version) {
}
