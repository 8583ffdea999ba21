package org.okrpm.project.project;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What a project needs of its cost ledger. Implemented by the cost package, so this package needs nothing of it
 * and the dependency stays one way (cost → project).
 */
public interface ProjectCosts {

    /** The currency of the costs recorded for the project so far, or null when it has none. */
    String recordedCurrency(UUID projectId);

    /** The sum of each project's cost entries; a project without costs has no entry. */
    Map<UUID, BigDecimal> actualCosts(Collection<UUID> projectIds);

    void deleteAll(UUID projectId);
}
