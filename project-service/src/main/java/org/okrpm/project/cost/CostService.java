package org.okrpm.project.cost;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.project.cost.CostDtos.CostCreate;
import org.okrpm.project.cost.CostDtos.CostView;
import org.okrpm.project.project.Currencies;
import org.okrpm.project.project.Project;
import org.okrpm.project.project.ProjectService;

/**
 * A project's cost ledger. All entries of a project are in one currency, so actualCost is a plain sum: the
 * budget's currency when it has a budget, else the currency of its first cost entry.
 */
@ApplicationScoped
@Transactional
public class CostService {

    /** The list's own order: by the day a cost was incurred, then in recording order. */
    static final Sort BY_DAY = Sort.by("incurredOn").and("createdAt").and("id");

    @Inject
    ProjectService projects;

    @Inject
    CostsByProject ledger;

    public CostView record(UUID projectId, CostCreate body, String callerId) {
        Project project = projects.lockOpen(projectId);
        Currencies.check("currency", body.currency());
        String currency = projectCurrency(project);
        if (currency == null && body.currency() == null) {
            throw ProblemException.invalid("currency",
                    "is required while the project has neither a budget nor earlier costs");
        }
        if (currency != null && body.currency() != null && !currency.equals(body.currency())) {
            throw ProblemException.invalid("currency", "must be " + currency + ", the currency of the project's "
                    + (project.budgetCurrency != null ? "budget" : "earlier costs"));
        }
        CostEntry entry = new CostEntry();
        entry.id = UUID.randomUUID();
        entry.projectId = project.id;
        entry.amount = body.amount();
        entry.currency = currency != null ? currency : body.currency();
        entry.description = body.description();
        entry.incurredOn = body.incurredOn();
        entry.recordedBy = callerId;
        entry.persistAndFlush();
        projects.recheckHealth(project);
        return CostView.of(entry);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<CostView> list(UUID projectId, Sort sort, PageRequest page) {
        projects.require(projectId);
        return PageResponse.of(CostEntry.<CostEntry>find("projectId", sort, projectId), page, CostView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CostView get(UUID projectId, UUID costId) {
        CostEntry entry = CostEntry.findById(costId);
        if (entry == null || !entry.projectId.equals(projectId)) {
            throw ProblemException.notFound("Cost entry", costId);
        }
        return CostView.of(entry);
    }

    private String projectCurrency(Project project) {
        return project.budgetCurrency != null ? project.budgetCurrency : ledger.recordedCurrency(project.id);
    }
}
