package org.okrpm.kit.failure;

import jakarta.enterprise.context.ApplicationScoped;
import org.okrpm.kit.problem.UnavailableDependency;

/** A request that ran into a database outage is answered 503 with Retry-After, not 500. */
@ApplicationScoped
public class DatabaseUnavailable implements UnavailableDependency {

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean explains(Throwable failure) {
        return Failures.isUnavailable(failure);
    }
}
