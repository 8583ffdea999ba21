package org.okrpm.kit.lookup;

/**
 * The owning service could not answer a lookup, so the fact is neither confirmed nor denied. The service
 * turns it into its own 422 ("could not be confirmed … try again shortly"); {@link #reason()} says why.
 */
public class OwnerUnavailableException extends RuntimeException {

    /** Why the owner gave no answer. */
    public enum Reason {
        /** No answer within the lookup's timeout. */
        TIMEOUT("did not answer in time"),
        /** The circuit is open: the owner failed recently and is not being asked. */
        CIRCUIT_OPEN("is not being asked right now (it failed recently)"),
        /** The owner refused the caller's credentials (401/403); the owner itself is healthy. */
        REFUSED("refused the caller's credentials"),
        /** A 5xx or another unexpected status, a connection error or an unreadable answer. */
        FAILED("could not be reached or failed");

        private final String phrase;

        Reason(String phrase) {
            this.phrase = phrase;
        }

        /** How the reason reads after the owner's name, e.g. "okr-service did not answer in time". */
        public String phrase() {
            return phrase;
        }
    }

    private final String owner;
    private final Reason reason;

    public OwnerUnavailableException(String owner, Reason reason, String what, Object id, Throwable cause) {
        super(owner + " could not confirm " + what + " " + id + ": it " + reason.phrase(), cause);
        this.owner = owner;
        this.reason = reason;
    }

    public String owner() {
        return owner;
    }

    public Reason reason() {
        return reason;
    }

    /** e.g. "okr-service did not answer in time". */
    public String ownerPhrase() {
        return owner + " " + reason.phrase();
    }
}
