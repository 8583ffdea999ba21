package org.okrpm.checkin.okr;

import java.util.UUID;

/**
 * What this service reads of okr-service's snapshots: the values of the okr.* topics and the bodies of
 * okr-service's {@code GET /api/v1/key-results|objectives|cycles/{id}} (same field names). Unknown fields are
 * ignored; {@code deleted} is absent (false) in the HTTP views.
 */
public final class OkrSnapshots {

    private OkrSnapshots() {
    }

    public record KeyResultSnapshot(UUID id, UUID objectiveId, UUID cycleId, String title,
                                    ProgressSource progressSource, boolean deleted, Long version) {

        /** Null when the snapshot can be stored, else what is missing. */
        String missing() {
            return OkrSnapshots.missing(id, version, objectiveId == null ? "objectiveId" : cycleId == null ? "cycleId"
                    : progressSource == null ? "progressSource" : null);
        }
    }

    /** {@code visibility}, {@code teamId} and {@code createdBy} are null in events written before v1.1. */
    public record ObjectiveSnapshot(UUID id, UUID cycleId, String ownerId, boolean deleted, Long version,
                                    String visibility, String teamId, String createdBy) {

        String missing() {
            return OkrSnapshots.missing(id, version, cycleId == null ? "cycleId" : ownerId == null ? "ownerId" : null);
        }
    }

    public record CycleSnapshot(UUID id, CyclePhase phase, Long version) {

        String missing() {
            return OkrSnapshots.missing(id, version, phase == null ? "phase" : null);
        }
    }

    private static String missing(UUID id, Long version, String other) {
        return id == null ? "id" : version == null ? "version" : other;
    }
}
