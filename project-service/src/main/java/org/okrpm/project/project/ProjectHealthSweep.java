package org.okrpm.project.project;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Once a day, the health changes that only the date makes (time elapsed, past due): each open project with a due
 * date is assessed for today and a change announced like one a task makes. Safe with replicas: each project is
 * checked in a transaction of its own under its row lock against the health last announced, so however many
 * replicas sweep, a change is announced once, and a sweep run again announces nothing new.
 */
@ApplicationScoped
public class ProjectHealthSweep {

    private static final Logger LOG = Logger.getLogger(ProjectHealthSweep.class);

    @Inject
    ProjectService projects;

    /** Just after midnight UTC, when the day the health is computed for changes ("off" in tests). */
    @Scheduled(identity = "project-health-sweep", cron = "${okrpm.projects.health-sweep.cron:0 5 0 * * ?}",
            timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int announced = sweep();
        LOG.infof("Health sweep: %d project health change(s) announced", announced);
    }

    /** @return how many changes were announced */
    public int sweep() {
        int announced = 0;
        for (UUID id : projects.datedOpenProjects()) {
            try {
                if (projects.recheckHealthToday(id)) {
                    announced++;
                }
            } catch (RuntimeException e) {
                // one project that fails (deleted meanwhile, a lock timeout) must not stop the others
                LOG.warnf("Health sweep: project %s not assessed: %s", id, e.toString());
            }
        }
        return announced;
    }
}
