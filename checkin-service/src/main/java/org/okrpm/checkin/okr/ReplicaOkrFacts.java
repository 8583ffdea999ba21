package org.okrpm.checkin.okr;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.okrpm.kit.persistence.Criteria;

/** {@link OkrFacts} read from the local replica tables. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReplicaOkrFacts implements OkrFacts {

    @Override
    public Optional<KeyResultFact> keyResult(UUID id) {
        KeyResultReplica kr = KeyResultReplica.findById(id);
        if (kr == null || kr.deleted) {
            return Optional.empty();
        }
        ObjectiveReplica objective = ObjectiveReplica.findById(kr.objectiveId);
        if (objective != null && objective.deleted) {
            return Optional.empty();
        }
        return Optional.of(fact(kr, objective));
    }

    @Override
    public Optional<ObjectiveFact> objective(UUID id) {
        ObjectiveReplica objective = ObjectiveReplica.findById(id);
        if (objective == null || objective.deleted) {
            return Optional.empty();
        }
        return Optional.of(new ObjectiveFact(objective.id, objective.cycleId, objective.ownerId));
    }

    @Override
    public Optional<CyclePhase> cyclePhase(UUID cycleId) {
        return CycleReplica.<CycleReplica>findByIdOptional(cycleId).map(cycle -> cycle.phase);
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

    private static KeyResultFact fact(KeyResultReplica kr, ObjectiveReplica objective) {
        return new KeyResultFact(kr.id, kr.objectiveId, kr.cycleId, kr.title, kr.progressSource,
                objective == null ? null : objective.ownerId);
    }
}
