package org.okrpm.gateway.routing;

/** A call that was not made because the circuit breaker of every replica of the owner is open. */
public class CircuitOpenException extends RuntimeException {

    public CircuitOpenException(Owner owner) {
        super(owner.serviceName() + " circuit open", null, false, false);
    }
}
