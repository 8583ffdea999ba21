package org.okrpm.project.integration;

/** What became of a correctly signed delivery. A delivery with a bad or missing signature is not kept at all. */
public enum DeliveryOutcome {
    /** Applied to the item's task (which may have needed no change). */
    APPLIED,
    /** The same delivery id was handled before: nothing changed. */
    DUPLICATE,
    /** Older than the newest event already applied for its item: nothing changed. */
    STALE,
    /** Not an event that changes tasks (a ping, a label, a comment; an item deleted before): nothing changed. */
    IGNORED,
    /** Unusable as sent (malformed, or for another repository or project): answered 400 or 422. */
    REJECTED,
    /** Could not be applied now (e.g. the project is closed): answered with the problem; a redelivery is tried again. */
    FAILED;

    /** Outcomes after which a redelivery of the same delivery id is a duplicate. */
    public boolean isFinal() {
        return this == APPLIED || this == STALE || this == IGNORED;
    }
}
