package org.okrpm.kit.problem;

/**
 * A dependency whose outage a request may run into (a service's database). When one explains the failure, the
 * request is answered 503 problem+json with Retry-After instead of 500: the client may retry, and should.
 */
public interface UnavailableDependency {

    /** How the problem detail names it, e.g. "database". */
    String name();

    /** Whether this failure means the dependency is unavailable for the moment. */
    boolean explains(Throwable failure);
}
