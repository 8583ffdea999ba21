package org.okrpm.project.task;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.okrpm.project.keyresultwork.LinkedTasks;
import org.okrpm.project.keyresultwork.WorkTally;

/**
 * The tallies of key results' tasks for their rollups, read as values in one grouped query (no entities loaded).
 * Sums are exact: each weight as {@code BigDecimal.valueOf(double)} (the decimal it prints as, so 0.1 + 0.2 is
 * 0.3), times the number of tasks that have it.
 */
@ApplicationScoped
public class LinkedTaskTally implements LinkedTasks {

    @Override
    public Map<UUID, WorkTally> tally(Collection<UUID> keyResultIds) {
        // The id list filters the few rollup rows and the tasks are joined by their key-result index: H2
        // compares each row with a parameter list one by one, and there are far more tasks than key results.
        var rows = Panache.getEntityManager().createQuery("select t.keyResultId, t.status, t.weight, count(t) "
                        + "from KeyResultWork w join Task t on t.keyResultId = w.keyResultId "
                        + "where w.keyResultId in :keyResultIds "
                        + "group by t.keyResultId, t.status, t.weight", Object[].class)
                .setParameter("keyResultIds", keyResultIds)
                .getResultList();
        Map<UUID, WorkTally> tallies = new HashMap<>();
        for (Object[] row : rows) {
            TaskStatus status = (TaskStatus) row[1];
            long tasks = ((Number) row[3]).longValue();
            BigDecimal weight = BigDecimal.valueOf((Double) row[2]).multiply(BigDecimal.valueOf(tasks));
            tallies.merge((UUID) row[0], of(status, weight, Math.toIntExact(tasks)), WorkTally::plus);
        }
        return tallies;
    }

    /** The tally of tasks that share a status and a weight. CANCELLED ones do not count at all (TaskStatus). */
    private static WorkTally of(TaskStatus status, BigDecimal weight, int tasks) {
        return new WorkTally(status == TaskStatus.DONE ? weight : BigDecimal.ZERO,
                status == TaskStatus.CANCELLED ? BigDecimal.ZERO : weight,
                status == TaskStatus.TODO ? tasks : 0, status == TaskStatus.IN_PROGRESS ? tasks : 0,
                status == TaskStatus.DONE ? tasks : 0, status == TaskStatus.CANCELLED ? tasks : 0);
    }
}
