package org.okrpm.okr.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.quarkus.panache.common.Sort;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.okrpm.kit.http.IfMatch;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.okr.cycle.CycleDtos.CycleCreate;
import org.okrpm.okr.cycle.CycleDtos.CycleUpdate;
import org.okrpm.okr.cycle.CycleDtos.CycleView;

@ApplicationScoped
@Transactional
public class CycleService {

    /** The list filters; {@code current} keeps only the cycles running today. */
    public record CycleFilter(CyclePhase phase, String q, boolean current) {
    }

    @Inject
    MergePatcher patcher;

    @Inject
    CycleEvents events;

    public CycleView create(CycleCreate body) {
        checkDates(body.startDate(), body.endDate());
        checkNameFree(body.name(), null);
        Cycle cycle = new Cycle();
        cycle.id = UUID.randomUUID();
        cycle.name = body.name().trim();
        cycle.startDate = body.startDate();
        cycle.endDate = body.endDate();
        cycle.phase = CyclePhase.PLANNING;
        cycle.persistAndFlush();
        events.publish(CycleEvents.CREATED, cycle);
        return CycleView.of(cycle);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<CycleView> list(CycleFilter filter, Sort sort, PageRequest page) {
        // the day in UTC, as docs/api.md promises: a cycle's dates have no zone of their own
        LocalDate today = filter.current() ? LocalDate.now(ZoneOffset.UTC) : null;
        Criteria criteria = Criteria.where()
                .eq("phase", filter.phase())
                .contains("name", filter.q())
                .when(today, "startDate <= :today and endDate >= :today", "today");
        return PageResponse.of(Cycle.<Cycle>find(criteria.query(), sort, criteria.parameters()), page, CycleView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CycleView get(UUID id) {
        return CycleView.of(require(id));
    }

    public CycleView update(UUID id, String ifMatch, JsonNode patch) {
        Cycle cycle = require(id);
        IfMatch.check(ifMatch, cycle.version);
        requireOpen(cycle);
        CycleUpdate update = patcher.apply(CycleUpdate.of(cycle), patch, CycleUpdate.class);
        checkDates(update.startDate(), update.endDate());
        checkNameFree(update.name(), cycle.id);
        cycle.name = update.name().trim();
        cycle.startDate = update.startDate();
        cycle.endDate = update.endDate();
        Panache.getEntityManager().flush();
        events.publish(CycleEvents.UPDATED, cycle);
        return CycleView.of(cycle);
    }

    public CycleView changePhase(UUID id, CyclePhase next) {
        Cycle cycle = require(id);
        if (!cycle.phase.canMoveTo(next)) {
            throw ProblemException.conflict("A cycle in " + cycle.phase + " cannot move to " + next
                    + "; phases only move forward one step: PLANNING, EXECUTION, RETROSPECTIVE, CLOSED");
        }
        cycle.phase = next;
        Panache.getEntityManager().flush();
        events.publish(CycleEvents.PHASE_CHANGED, cycle);
        return CycleView.of(cycle);
    }

    /** The cycle, or 404. */
    public Cycle require(UUID id) {
        Cycle cycle = Cycle.findById(id);
        if (cycle == null) {
            throw ProblemException.notFound("Cycle", id);
        }
        return cycle;
    }

    /** Nothing in a CLOSED cycle may change: 409. */
    public static void requireOpen(Cycle cycle) {
        if (cycle.isClosed()) {
            throw ProblemException.conflict("Cycle " + cycle.name + " is CLOSED; nothing in it can change");
        }
    }

    private static void checkDates(java.time.LocalDate start, java.time.LocalDate end) {
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("endDate", "must be after startDate");
        }
    }

    private static void checkNameFree(String name, UUID except) {
        Cycle existing = Cycle.find("lower(name) = ?1", name.trim().toLowerCase()).firstResult();
        if (existing != null && !existing.id.equals(except)) {
            throw ProblemException.conflict("A cycle named " + name.trim() + " already exists");
        }
    }
}
