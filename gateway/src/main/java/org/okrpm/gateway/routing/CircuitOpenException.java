package org.okrpm.gateway.routing;

/** A call that was not made because the owner's circuit breaker is open. */
public class CircuitOpenException extends RuntimeException {

    public CircuitOpenException(Owner owner) {
        super(owner.serviceName() + " circuit open", null, false, false);
    }
}
