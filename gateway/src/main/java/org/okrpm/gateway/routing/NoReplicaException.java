package org.okrpm.gateway.routing;

/** No replica of the owner is known: the DNS name resolved to nothing, or could not be looked up. */
public class NoReplicaException extends RuntimeException {

    public NoReplicaException(Owner owner, Throwable cause) {
        super("no replica of " + owner.serviceName() + " is known" + (cause == null ? "" : ": " + cause.getMessage()),
                cause, false, false);
    }
}
