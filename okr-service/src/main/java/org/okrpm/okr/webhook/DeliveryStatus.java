package org.okrpm.okr.webhook;

/**
 * PENDING: not tried yet. FAILED_RETRYING: tried, another attempt is scheduled. DELIVERED: a 2xx answer.
 * FAILED: retried for longer than the give-up time while the subscription stayed active; no more attempts.
 */
public enum DeliveryStatus {
    PENDING, FAILED_RETRYING, DELIVERED, FAILED;

    public boolean isOpen() {
        return this == PENDING || this == FAILED_RETRYING;
    }
}
