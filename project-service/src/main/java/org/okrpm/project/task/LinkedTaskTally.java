package org.okrpm.project.task;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.okrpm.project.keyresultwork.LinkedTasks;
import org.okrpm.project.keyresultwork.WorkTally;

/**
 * The tally of a key result's tasks for its rollup, read as values (no entities loaded). Sums are exact: each
 * weight as {@code BigDecimal.valueOf(double)} (the decimal it prints as, so 0.1 + 0.2 is 0.3), times the number
 * of tasks that have it.
 */
@ApplicationScoped
public class LinkedTaskTally implements LinkedTasks {

    @Override
    public WorkTally tally(UUID keyResultId) {
        BigDecimal done = BigDecimal.ZERO;
        BigDecimal counted = BigDecimal.ZERO;
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        var rows = Panache.getEntityManager().createQuery("select t.status, t.weight, count(t) from Task t "
                        + "where t.keyResultId = :keyResultId group by t.status, t.weight", Object[].class)
                .setParameter("keyResultId", keyResultId)
                .getResultList();
        for (Object[] row : rows) {
            TaskStatus status = (TaskStatus) row[0];
            long tasks = ((Number) row[2]).longValue();
            BigDecimal weight = BigDecimal.valueOf((Double) row[1]).multiply(BigDecimal.valueOf(tasks));
            if (status == TaskStatus.DONE) {
                done = done.add(weight);
            }
            if (status != TaskStatus.CANCELLED) { // CANCELLED does not count at all (TaskStatus)
                counted = counted.add(weight);
            }
            counts.merge(status, Math.toIntExact(tasks), Integer::sum);
        }
        return new WorkTally(done, counted, counts.getOrDefault(TaskStatus.TODO, 0),
                counts.getOrDefault(TaskStatus.IN_PROGRESS, 0), counts.getOrDefault(TaskStatus.DONE, 0),
                counts.getOrDefault(TaskStatus.CANCELLED, 0));
    }
}
