package org.okrpm.checkin.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.okrpm.checkin.checkin.CheckInDtos.DueCheckIn;
import org.okrpm.checkin.okr.KeyResultFact;
import org.okrpm.checkin.okr.OkrFacts;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;

/**
 * Which key results are due a check-in: MANUAL ones in cycles in EXECUTION whose latest check-in is older
 * than {@code days} × 24 h, or that never had one. Most overdue first: never checked in, then the oldest
 * last check-in; key result id breaks ties.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DueCheckInService {

    /** Keeps the IN list of one query well below every database's bind-parameter limit. */
    private static final int CHUNK = 1000;

    private static final Comparator<DueCheckIn> MOST_OVERDUE_FIRST = Comparator
            .comparing(DueCheckIn::lastCheckInAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(DueCheckIn::keyResultId);

    @Inject
    OkrFacts okr;

    public PageResponse<DueCheckIn> due(String ownerId, UUID cycleId, int days, PageRequest page) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(Duration.ofDays(days));
        List<KeyResultFact> candidates = okr.manualKeyResultsInExecution(ownerId, cycleId);
        Map<UUID, Instant> latest = latestCheckIns(candidates.stream().map(KeyResultFact::id).toList());
        List<DueCheckIn> due = candidates.stream()
                .filter(kr -> latest.get(kr.id()) == null || latest.get(kr.id()).isBefore(cutoff))
                .map(kr -> DueCheckIn.of(kr, latest.get(kr.id()), now))
                .sorted(MOST_OVERDUE_FIRST)
                .toList();
        return PageResponse.of(due, page);
    }

    /** The time of each key result's latest check-in; key results without one are absent. */
    private static Map<UUID, Instant> latestCheckIns(List<UUID> keyResultIds) {
        Map<UUID, Instant> latest = new HashMap<>();
        for (int from = 0; from < keyResultIds.size(); from += CHUNK) {
            List<UUID> chunk = keyResultIds.subList(from, Math.min(from + CHUNK, keyResultIds.size()));
            CheckIn.getEntityManager()
                    .createQuery("select c.keyResultId, max(c.createdAt) from CheckIn c"
                            + " where c.keyResultId in :ids group by c.keyResultId", Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList()
                    .forEach(row -> latest.put((UUID) row[0], (Instant) row[1]));
        }
        return latest;
    }
}
