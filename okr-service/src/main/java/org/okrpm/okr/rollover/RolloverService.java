package org.okrpm.okr.rollover;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.security.CurrentCaller;
import org.okrpm.kit.security.Ownership;
import org.okrpm.okr.cycle.Cycle;
import org.okrpm.okr.cycle.CyclePhase;
import org.okrpm.okr.cycle.CycleService;
import org.okrpm.okr.keyresult.KeyResult;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultCreate;
import org.okrpm.okr.keyresult.KeyResultEvents;
import org.okrpm.okr.keyresult.KeyResultService;
import org.okrpm.okr.keyresult.MetricType;
import org.okrpm.okr.objective.Objective;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveCreate;
import org.okrpm.okr.objective.ObjectiveEvents;
import org.okrpm.okr.objective.ObjectiveService;
import org.okrpm.okr.rollover.RolloverDtos.RolloverPair;
import org.okrpm.okr.rollover.RolloverDtos.RolloverRequest;
import org.okrpm.okr.rollover.RolloverDtos.RolloverResult;

/**
 * Carries unfinished key results of a cycle that is over into the next one (docs/api.md, Cycles: rollover). The
 * copies are made by the objective and key-result services, like any other, and then linked to what they continue
 * ({@code previousId}). Rolling over again finds those links and makes nothing new.
 */
@ApplicationScoped
@Transactional
public class RolloverService {

    @Inject
    CycleService cycles;

    @Inject
    ObjectiveService objectives;

    @Inject
    ObjectiveEvents objectiveEvents;

    @Inject
    KeyResultService keyResults;

    @Inject
    KeyResultEvents keyResultEvents;

    @Inject
    CurrentCaller caller;

    @Inject
    CurrentRequest request;

    public RolloverResult rollover(UUID sourceId, RolloverRequest body) {
        Cycle source = cycles.require(sourceId);
        if (body.targetCycleId().equals(sourceId)) {
            throw ProblemException.unprocessable("targetCycleId", "must be another cycle than the one rolled over");
        }
        Cycle target = lockBoth(source, body.targetCycleId());
        requirePhases(source, target);
        List<KeyResult> carried = selected(source, body.keyResultIds());
        Map<UUID, KeyResult> successors = successorsIn(target, carried);
        Map<UUID, Objective> sourceObjectives = Objective.<Objective>list("id in ?1",
                        carried.stream().map(kr -> kr.objectiveId).distinct().toList()).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        sourceObjectives.values().forEach(this::requireMayRollOver);

        Copies copies = new Copies(source, target, sourceObjectives);
        List<RolloverPair> keyResultPairs = new ArrayList<>();
        for (KeyResult kr : carried) {
            Objective copy = copies.of(sourceObjectives.get(kr.objectiveId));
            KeyResult successor = successors.get(kr.id);
            keyResultPairs.add(successor != null ? new RolloverPair(kr.id, successor.id, false)
                    : new RolloverPair(kr.id, carry(kr, copy, source), true));
        }
        return new RolloverResult(List.copyOf(copies.pairs.values()), keyResultPairs);
    }

    /**
     * Both cycles locked for this transaction, in id order: rollovers from the same cycle or into the same one take
     * turns, so the second sees what the first made. 422 when the target does not exist.
     */
    private static Cycle lockBoth(Cycle source, UUID targetId) {
        EntityManager em = Panache.getEntityManager();
        Cycle target = null;
        for (UUID id : new TreeSet<>(List.of(source.id, targetId))) {
            Cycle locked = em.find(Cycle.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (id.equals(targetId)) {
                target = locked;
            }
        }
        if (target == null) {
            throw ProblemException.unprocessable("targetCycleId", "Cycle " + targetId + " does not exist");
        }
        em.refresh(source); // its phase as of the lock
        return target;
    }

    private static void requirePhases(Cycle source, Cycle target) {
        if (source.phase != CyclePhase.RETROSPECTIVE && source.phase != CyclePhase.CLOSED) {
            throw ProblemException.conflict("Cycle " + source.name + " is " + source.phase
                    + "; key results roll over from a cycle in RETROSPECTIVE or CLOSED");
        }
        if (target.phase != CyclePhase.PLANNING && target.phase != CyclePhase.EXECUTION) {
            throw ProblemException.conflict("Cycle " + target.name + " is " + target.phase
                    + "; key results roll over into a cycle in PLANNING or EXECUTION");
        }
    }

    /** The listed key results (each in the source cycle and unfinished, else 422), or every unfinished one. */
    private static List<KeyResult> selected(Cycle source, List<UUID> listed) {
        if (listed == null) {
            return KeyResult.list("cycleId = ?1 and progress < 1", Sort.by("createdAt").and("id"), source.id);
        }
        Set<UUID> ids = new LinkedHashSet<>(listed);
        Map<UUID, KeyResult> found = ids.isEmpty() ? Map.of() : KeyResult.<KeyResult>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(kr -> kr.id, Function.identity()));
        List<UUID> foreign = ids.stream()
                .filter(id -> !found.containsKey(id) || !found.get(id).cycleId.equals(source.id)).toList();
        if (!foreign.isEmpty()) {
            throw ProblemException.unprocessable("keyResultIds", "Not key results of cycle " + source.name + ": "
                    + foreign);
        }
        List<UUID> finished = ids.stream().filter(id -> found.get(id).progress >= 1).toList();
        if (!finished.isEmpty()) {
            throw ProblemException.unprocessable("keyResultIds", "Finished (progress 1), so nothing to carry: "
                    + finished);
        }
        return ids.stream().map(found::get).toList();
    }

    /**
     * The continuation of each key result that has one, all in the target cycle: a key result continues in one
     * cycle only (its lineage is a chain), so one continued elsewhere is a 409.
     */
    private static Map<UUID, KeyResult> successorsIn(Cycle target, List<KeyResult> carried) {
        if (carried.isEmpty()) {
            return Map.of();
        }
        Map<UUID, KeyResult> successors = KeyResult.<KeyResult>list("previousId in ?1",
                        carried.stream().map(kr -> kr.id).toList()).stream()
                .collect(Collectors.toMap(kr -> kr.previousId, Function.identity()));
        List<UUID> elsewhere = successors.values().stream().filter(next -> !next.cycleId.equals(target.id))
                .map(next -> next.previousId).toList();
        if (!elsewhere.isEmpty()) {
            throw ProblemException.conflict("Key results " + elsewhere + " were rolled over into another cycle "
                    + "already; a key result continues in one cycle only");
        }
        return successors;
    }

    /** 403 unless the caller may change the objective (kit Ownership: admin, owner, creator or its team). */
    private void requireMayRollOver(Objective objective) {
        Ownership.require(caller.get(), new Ownership.Owned(objective.ownerId, objective.createdBy,
                objective.teamId), "objective " + objective.id + ", and so roll its key results over");
    }

    /**
     * The key result's continuation under {@code copy}: the same target, metric, unit, weight, owner and progress
     * source, starting where the old one stands (a BOOLEAN one starts again at 0); the due date is the new cycle's.
     * Its history starts with an entry naming the rollover; the old key result keeps its own.
     */
    private UUID carry(KeyResult old, Objective copy, Cycle source) {
        BigDecimal start = old.metricType == MetricType.BOOLEAN ? BigDecimal.ZERO : old.currentValue;
        KeyResultCreate body = new KeyResultCreate(old.title, old.metricType, old.unit, start, old.targetValue,
                old.weight, old.progressSource, old.ownerId, null);
        UUID id = keyResults.create(copy.id, body, "rolled over from key result " + old.id + " of cycle "
                + source.name + ", " + request.describe()).id();
        KeyResult carried = keyResults.require(id);
        carried.previousId = old.id;
        Panache.getEntityManager().flush();
        keyResultEvents.publish(KeyResultEvents.ROLLED_OVER, carried);
        return id;
    }

    /** The objectives' copies in the target cycle, made once per objective, parents before their children. */
    private final class Copies {

        private final Cycle source;
        private final Cycle target;
        private final Map<UUID, Objective> rolled;
        private final Map<UUID, Objective> made = new HashMap<>();
        private final Set<UUID> making = new HashSet<>();
        final Map<UUID, RolloverPair> pairs = new LinkedHashMap<>();

        Copies(Cycle source, Cycle target, Map<UUID, Objective> rolled) {
            this.source = source;
            this.target = target;
            this.rolled = rolled;
        }

        /** The copy of {@code original} in the target cycle: the one an earlier rollover made, or a new one. */
        Objective of(Objective original) {
            Objective done = made.get(original.id);
            if (done != null) {
                return done;
            }
            Objective copy = existingCopyOf(original.id);
            boolean created = copy == null;
            if (created) {
                making.add(original.id);
                copy = create(original, parentOfCopy(original));
                making.remove(original.id);
            }
            made.put(original.id, copy);
            pairs.put(original.id, new RolloverPair(original.id, copy.id, created));
            return copy;
        }

        /**
         * The copy aligns under the copy of the original's parent when that parent is rolled over too (now or
         * before); otherwise it starts at the top of the target cycle.
         */
        private UUID parentOfCopy(Objective original) {
            if (original.parentId == null) {
                return null;
            }
            Objective parent = rolled.get(original.parentId);
            if (parent != null && !making.contains(parent.id)) {
                return of(parent).id;
            }
            Objective earlier = existingCopyOf(original.parentId);
            return earlier == null ? null : earlier.id;
        }

        private Objective existingCopyOf(UUID originalId) {
            return Objective.find("previousId = ?1 and cycleId = ?2", originalId, target.id).firstResult();
        }

        private Objective create(Objective original, UUID parentId) {
            ObjectiveCreate body = new ObjectiveCreate(target.id, original.title, original.description,
                    original.level, original.ownerId, original.teamId, parentId, original.progressMode,
                    original.weight, original.visibility);
            UUID id = objectives.create(body, request.userId(), "rolled over from objective " + original.id
                    + " of cycle " + source.name + ", " + request.describe()).id();
            Objective copy = objectives.require(id);
            copy.previousId = original.id;
            Panache.getEntityManager().flush();
            objectiveEvents.publish(ObjectiveEvents.UPDATED, copy);
            return copy;
        }
    }
}
