package org.okrpm.checkin;

import java.util.UUID;

/**
 * okr-service's snapshots as it writes them, on its okr.* topics and (without {@code deleted}) in its REST
 * views: every field, so the tests also prove that unknown fields are tolerated.
 */
public final class OkrPayloads {

    private OkrPayloads() {
    }

    public static String cycle(UUID id, String phase, long version) {
        return "{\"id\":\"" + id + "\",\"name\":\"2026-Q4-" + id + "\",\"startDate\":\"2026-10-01\","
                + "\"endDate\":\"2026-12-31\",\"phase\":\"" + phase + "\",\"createdAt\":\"2026-10-01T08:00:00Z\","
                + "\"version\":" + version + "}";
    }

    public static String objective(UUID id, UUID cycleId, String ownerId, boolean deleted, long version) {
        return "{\"id\":\"" + id + "\",\"cycleId\":\"" + cycleId + "\",\"title\":\"Delight customers\","
                + "\"level\":\"TEAM\",\"ownerId\":\"" + ownerId + "\",\"teamId\":\"team-a\",\"parentId\":null,"
                + "\"state\":\"ACTIVE\",\"progress\":0.0,\"deleted\":" + deleted + ",\"version\":" + version + "}";
    }

    public static String keyResult(UUID id, UUID objectiveId, UUID cycleId, String progressSource, boolean deleted,
                                   long version) {
        return "{\"id\":\"" + id + "\",\"objectiveId\":\"" + objectiveId + "\",\"cycleId\":\"" + cycleId + "\","
                + "\"title\":\"Grow MRR to 130k\",\"metricType\":\"NUMBER\",\"unit\":\"EUR\",\"startValue\":100000,"
                + "\"targetValue\":130000,\"currentValue\":100000,\"weight\":1.0,\"progressSource\":\""
                + progressSource + "\",\"progress\":0.0,\"confidence\":null,\"score\":null,\"deleted\":" + deleted
                + ",\"version\":" + version + "}";
    }
}
