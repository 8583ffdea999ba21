package org.okrpm.project.cost;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.okrpm.project.project.ProjectCosts;

/** The cost side of a project: its cost currency, its actualCost, and deleting its ledger with the project. */
@ApplicationScoped
public class CostsByProject implements ProjectCosts {

    @Override
    public String recordedCurrency(UUID projectId) {
        CostEntry first = CostEntry.find("projectId", projectId).firstResult();
        return first == null ? null : first.currency;
    }

    @Override
    public Map<UUID, BigDecimal> actualCosts(Collection<UUID> projectIds) {
        Map<UUID, BigDecimal> costs = new HashMap<>();
        Panache.getEntityManager().createQuery("select c.projectId, sum(c.amount) from CostEntry c "
                        + "where c.projectId in :ids group by c.projectId", Object[].class)
                .setParameter("ids", projectIds).getResultList()
                .forEach(row -> costs.put((UUID) row[0], (BigDecimal) row[1]));
        return costs;
    }

    @Override
    public void deleteAll(UUID projectId) {
        CostEntry.delete("projectId", projectId);
    }
}
