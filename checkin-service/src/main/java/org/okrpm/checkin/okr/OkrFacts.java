package org.okrpm.checkin.okr;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one seam through which checkin-service learns about okr-service's cycles, objectives and key
 * results. {@link ReplicaOkrFacts} reads the local replica, filled from the okr.* topics
 * ({@link OkrEventsConsumer}), and asks okr-service once over HTTP ({@link OkrServiceLookup}) for an entity
 * the replica has not seen yet; when okr-service cannot answer, the lookups throw
 * {@link OkrUnconfirmedException} (422). Deleted objectives and key results are reported as absent.
 */
public interface OkrFacts {

    Optional<KeyResultFact> keyResult(UUID id);

    Optional<ObjectiveFact> objective(UUID id);

    Optional<CyclePhase> cyclePhase(UUID cycleId);

    /**
     * The MANUAL key results of cycles in EXECUTION, optionally only those of one owner (the objective's
     * owner) or one cycle (null means any): the candidates for {@code GET /check-ins/due}.
     */
    List<KeyResultFact> manualKeyResultsInExecution(String ownerId, UUID cycleId);
}
