package org.okrpm.checkin;

import static org.okrpm.kit.testing.TestTokens.asMember;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.okrpm.checkin.checkin.CheckIn;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.CycleReplica;
import org.okrpm.checkin.okr.KeyResultReplica;
import org.okrpm.checkin.okr.ObjectiveReplica;
import org.okrpm.checkin.okr.ProgressSource;

/**
 * Seeds the okr replica tables directly (what the okr.* events will do) and check-ins in the past, each in
 * its own committed transaction; and calls the API as a member would.
 */
@ApplicationScoped
public class CheckinFixtures {

    @Transactional
    public UUID cycle(CyclePhase phase) {
        CycleReplica cycle = new CycleReplica();
        cycle.id = UUID.randomUUID();
        cycle.phase = phase;
        cycle.version = 0;
        cycle.persist();
        return cycle.id;
    }

    @Transactional
    public void movePhase(UUID cycleId, CyclePhase phase) {
        CycleReplica cycle = CycleReplica.findById(cycleId);
        cycle.phase = phase;
        cycle.version++;
    }

    @Transactional
    public UUID objective(UUID cycleId, String ownerId) {
        ObjectiveReplica objective = new ObjectiveReplica();
        objective.id = UUID.randomUUID();
        objective.cycleId = cycleId;
        objective.ownerId = ownerId;
        objective.version = 0;
        objective.persist();
        return objective.id;
    }

    /** A PRIVATE objective of {@code teamId}, as okr-service announces it. */
    @Transactional
    public UUID privateObjective(UUID cycleId, String ownerId, String teamId) {
        ObjectiveReplica objective = new ObjectiveReplica();
        objective.id = UUID.randomUUID();
        objective.cycleId = cycleId;
        objective.ownerId = ownerId;
        objective.teamId = teamId;
        objective.visibility = "PRIVATE";
        objective.version = 0;
        objective.persist();
        return objective.id;
    }

    @Transactional
    public UUID keyResult(UUID objectiveId, ProgressSource source) {
        ObjectiveReplica objective = ObjectiveReplica.findById(objectiveId);
        KeyResultReplica kr = new KeyResultReplica();
        kr.id = UUID.randomUUID();
        kr.objectiveId = objectiveId;
        kr.cycleId = objective.cycleId;
        kr.title = "Revenue";
        kr.progressSource = source;
        kr.version = 0;
        kr.persist();
        return kr.id;
    }

    /** A key result of a fresh objective (owned by {@code ownerId}) in a fresh cycle in {@code phase}. */
    public UUID keyResultIn(CyclePhase phase, ProgressSource source, String ownerId) {
        return keyResult(objective(cycle(phase), ownerId), source);
    }

    public UUID manualKeyResultInExecution() {
        return keyResultIn(CyclePhase.EXECUTION, ProgressSource.MANUAL, "owner-" + UUID.randomUUID());
    }

    @Transactional
    public void deleteKeyResult(UUID id) {
        KeyResultReplica kr = KeyResultReplica.findById(id);
        kr.deleted = true;
        kr.version++;
    }

    @Transactional
    public void deleteObjective(UUID id) {
        ObjectiveReplica objective = ObjectiveReplica.findById(id);
        objective.deleted = true;
        objective.version++;
    }

    /** A check-in recorded {@code ago} before now, seeded through the entity instead of waiting. */
    @Transactional
    public UUID checkInAgo(UUID keyResultId, String authorId, Duration ago) {
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.keyResultId = keyResultId;
        checkIn.value = java.math.BigDecimal.TEN;
        checkIn.confidence = 0.5;
        checkIn.authorId = authorId;
        checkIn.createdAt = Instant.now().minus(ago).truncatedTo(ChronoUnit.MICROS);
        checkIn.persist();
        return checkIn.id;
    }

    /** Records a check-in through the API as alice (member); returns its id. */
    public static String checkIn(UUID keyResultId, Number value) {
        Map<String, Object> body = new HashMap<>(Map.of("keyResultId", keyResultId.toString(), "confidence", 0.6));
        if (value != null) {
            body.put("value", value);
        }
        return asMember().body(body).post("/api/v1/check-ins").then().statusCode(201).extract().path("id");
    }
}
