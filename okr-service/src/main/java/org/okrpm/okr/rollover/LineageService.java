package org.okrpm.okr.rollover;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.okrpm.okr.keyresult.KeyResult;
import org.okrpm.okr.keyresult.KeyResultService;
import org.okrpm.okr.rollover.RolloverDtos.LineageEntry;

/** A key result's lineage: the key results it continues and those that continue it, across cycles. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LineageService {

    @Inject
    KeyResultService keyResults;

    /** The whole chain through the key result (404 when it is not there for the caller), oldest first. */
    public List<LineageEntry> of(UUID id) {
        keyResults.get(id); // 404 for a key result that does not exist or that the caller may not see
        KeyResult start = keyResults.require(id);
        Deque<KeyResult> chain = new ArrayDeque<>();
        Set<UUID> seen = new HashSet<>(); // links only ever point back in time; this just makes sure
        chain.add(start);
        seen.add(start.id);
        for (KeyResult kr = previous(start); kr != null && seen.add(kr.id); kr = previous(kr)) {
            chain.addFirst(kr);
        }
        for (KeyResult kr = next(start); kr != null && seen.add(kr.id); kr = next(kr)) {
            chain.addLast(kr);
        }
        return chain.stream().map(LineageService::entry).toList();
    }

    private static KeyResult previous(KeyResult kr) {
        return kr.previousId == null ? null : KeyResult.findById(kr.previousId);
    }

    /** At most one: a key result continues in one cycle only (unique previous_id). */
    private static KeyResult next(KeyResult kr) {
        return KeyResult.<KeyResult>find("previousId", kr.id).firstResult();
    }

    private static LineageEntry entry(KeyResult kr) {
        return new LineageEntry(kr.id, kr.cycleId, kr.objectiveId, kr.previousId, kr.title, plain(kr.startValue),
                plain(kr.currentValue), plain(kr.targetValue), kr.progress, kr.score);
    }

    /** 130000.0000 from the database reads back as 130000, as in the key result's own view. */
    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
