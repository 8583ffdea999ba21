package org.okrpm.checkin.okr;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.okrpm.checkin.okr.OkrSnapshots.KeyResultSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.ObjectiveSnapshot;
import org.okrpm.kit.lookup.ReplicaWrites;
import org.okrpm.kit.persistence.Criteria;

/**
 * {@link OkrFacts} read from the local replica tables (filled from the okr.* topics by
 * {@link OkrEventsConsumer}). When the replica has not seen a key result, objective or cycle yet, okr-service
 * is asked once over HTTP ({@link OkrServiceLookup}); what it returns is stored in the replica with its
 * version (in a transaction of its own, so it stays even if the caller's request is then refused) and used.
 * A 404 there means absent; no answer means {@link OkrUnconfirmedException} (422).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReplicaOkrFacts implements OkrFacts {

    private static final Logger LOG = Logger.getLogger(ReplicaOkrFacts.class);

    @Inject
    OkrServiceLookup okrService;

    @Inject
    OkrReplicas replicas;

    @Override
    public Optional<KeyResultFact> keyResult(UUID id) {
        KeyResultReplica kr = KeyResultReplica.findById(id);
        if (kr == null) {
            return okrService.keyResult(id).filter(s -> !s.deleted()).flatMap(this::fetchedKeyResult);
        }
        if (kr.deleted) {
            return Optional.empty();
        }
        ObjectiveReplica objective = ObjectiveReplica.findById(kr.objectiveId);
        if (objective != null && objective.deleted) {
            return Optional.empty();
        }
        return Optional.of(fact(kr, objective));
    }

    /**
     * A key result okr-service just confirmed. Its objective is fetched too if unknown (for the owner; a 404
     * there means the key result went with it); if that lookup fails, the owner stays unknown.
     */
    private Optional<KeyResultFact> fetchedKeyResult(KeyResultSnapshot s) {
        String missing = s.missing();
        if (missing != null) {
            throw new OkrUnconfirmedException("Key result", s.id(), "answered without " + missing);
        }
        store(() -> replicas.keyResult(s));
        ObjectiveReplica objective = ObjectiveReplica.findById(s.objectiveId());
        String ownerId = objective == null ? null : objective.ownerId;
        if (objective == null) {
            Optional<ObjectiveSnapshot> fetched;
            try {
                fetched = okrService.objective(s.objectiveId());
            } catch (OkrUnconfirmedException e) {
                // the key result itself is confirmed; only its owner stays unknown until the event arrives
                fetched = null;
            }
            if (fetched != null && (fetched.isEmpty() || fetched.get().deleted())) {
                return Optional.empty();
            }
            if (fetched != null && storeObjective(fetched.get())) {
                ownerId = fetched.get().ownerId();
            }
        } else if (objective.deleted) {
            return Optional.empty();
        }
        return Optional.of(new KeyResultFact(s.id(), s.objectiveId(), s.cycleId(), s.title(), s.progressSource(),
                ownerId));
    }

    @Override
    public Optional<ObjectiveFact> objective(UUID id) {
        ObjectiveReplica objective = ObjectiveReplica.findById(id);
        if (objective == null) {
            return okrService.objective(id).filter(s -> !s.deleted() && storeObjective(s))
                    .map(s -> new ObjectiveFact(s.id(), s.cycleId(), s.ownerId()));
        }
        if (objective.deleted) {
            return Optional.empty();
        }
        return Optional.of(new ObjectiveFact(objective.id, objective.cycleId, objective.ownerId));
    }

    @Override
    public Optional<CyclePhase> cyclePhase(UUID cycleId) {
        CycleReplica cycle = CycleReplica.findById(cycleId);
        if (cycle == null) {
            return okrService.cycle(cycleId).map(s -> {
                String missing = s.missing();
                if (missing != null) {
                    throw new OkrUnconfirmedException("Cycle", cycleId, "answered without " + missing);
                }
                store(() -> replicas.cycle(s));
                return s.phase();
            });
        }
        return Optional.of(cycle.phase);
    }

    @Override
    public List<KeyResultFact> manualKeyResultsInExecution(String ownerId, UUID cycleId) {
        Criteria criteria = Criteria.where()
                .eq("k.progressSource", ProgressSource.MANUAL)
                .eq("c.phase", CyclePhase.EXECUTION)
                .eq("o.ownerId", ownerId)
                .eq("k.cycleId", cycleId);
        TypedQuery<Object[]> query = Panache.getEntityManager().createQuery(
                "select k, o from KeyResultReplica k"
                        + " join CycleReplica c on c.id = k.cycleId"
                        + " left join ObjectiveReplica o on o.id = k.objectiveId"
                        + " where k.deleted = false and (o is null or o.deleted = false) and "
                        + criteria.query() + " order by k.id", Object[].class);
        criteria.parameters().map().forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> fact((KeyResultReplica) row[0], (ObjectiveReplica) row[1]))
                .toList();
    }

    /** False when the objective okr-service answered with cannot be stored (it is then not used). */
    private boolean storeObjective(ObjectiveSnapshot s) {
        if (s.missing() != null) {
            LOG.warnf("okr-service answered objective %s without %s; not used", s.id(), s.missing());
            return false;
        }
        store(() -> replicas.objective(s));
        return true;
    }

    /**
     * Stores a fetched snapshot in a transaction of its own (kit {@link ReplicaWrites#storeFetched}). If an okr.*
     * event stores the same entity at the same moment, the event's row stands; the fetched snapshot is used anyway.
     */
    private static void store(Runnable write) {
        ReplicaWrites.storeFetched(write);
    }

    private static KeyResultFact fact(KeyResultReplica kr, ObjectiveReplica objective) {
        return new KeyResultFact(kr.id, kr.objectiveId, kr.cycleId, kr.title, kr.progressSource,
                objective == null ? null : objective.ownerId);
    }
}
