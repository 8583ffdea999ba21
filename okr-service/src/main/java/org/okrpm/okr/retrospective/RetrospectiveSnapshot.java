package org.okrpm.okr.retrospective;

import java.util.UUID;

/** What okr-service reads of a checkin.retrospectives event; the text and unknown fields are ignored. */
public record RetrospectiveSnapshot(UUID id, UUID cycleId, UUID objectiveId, String teamId, Long version) {

    /** The first field the replica needs that the snapshot lacks, or null when it is complete. */
    String missing() {
        if (id == null) {
            return "id";
        }
        if (cycleId == null) {
            return "cycleId";
        }
        if (version == null) {
            return "version";
        }
        return objectiveId == null && (teamId == null || teamId.isBlank()) ? "objectiveId or teamId" : null;
    }
}
